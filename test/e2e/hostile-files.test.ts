/**
 * The hostile files only a real process can show: a FIFO given to lint, verify or sign (before,
 * each hung forever — the child is killed after 20 s, so a hang fails here), and a file its user
 * cannot read (we run as root, so the CLI runs as `nobody` through setpriv, test/e2e/as-nobody.ts).
 * Devices need no process: test/cli/hostile-files.test.ts gives /dev/null to every reader, and a
 * reader that lost its device check would call it empty there instead of reading /dev/zero forever
 * here.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PASSWORD, usePkiDir } from "../sign/pki.js";
import { openToOthers, runAsNobody, type StagedCli, titled, useStagedCli, whyNobodyCannotRun } from "./as-nobody.js";
import { spawnCli, useTempDir } from "./cli.js";

let pkiDir: string;
usePkiDir((made) => (pkiDir = made), { prefix: "jcprofile-pki-" });

let dir: string;
useTempDir((made) => (dir = made), { example: true });

const pki = (name: string) => join(pkiDir, name);

describe("a FIFO where a file belongs", () => {
  const cases: [string, string[], string][] = [
    ["lint FILE (FIFO)", ["lint", "FIFO"], "named pipe"],
    ["verify --ca (FIFO)", ["verify", "SIGNER", "--ca", "FIFO"], "named pipe"],
    ["sign --identity (FIFO)", ["sign", "--config", "contoso.jcprofile.json", "--identity", "FIFO"], "named pipe"],
    ["sign --key (FIFO)", ["sign", "--config", "contoso.jcprofile.json", "--cert", "SIGNER", "--key", "FIFO"], "named pipe"],
  ];
  it.each(cases)("%s: exit 2 at once, naming the file", async (_name, template, says) => {
    spawnSync("mkfifo", [join(dir, "pipe")]);
    const swap: Record<string, string> = { FIFO: "pipe", SIGNER: pki("signer.pem") };
    const args = template.map((arg) => swap[arg] ?? arg);
    const run = await spawnCli(args, { cwd: dir, env: { JCPROFILE_SIGNING_PASSWORD: PASSWORD } });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(says);
    expect(run.stderr).toContain("pipe");
  });
});

// Skipped, saying why, where nobody cannot run the CLI; never failed for where the checkout sits.
const nobodyCannot = whyNobodyCannotRun();
describe.skipIf(nobodyCannot !== undefined)(titled("a file its user cannot read (chmod 000)", nobodyCannot), () => {
  let staged: StagedCli;
  // sign loads node-forge (external to the bundle) before it reads the key.
  useStagedCli((made) => (staged = made), { packages: ["node-forge"] });

  it.each([
    ["lint", ["lint", "secret.mobileconfig"]],
    ["verify --ca", ["verify", "signer.pem", "--ca", "secret.mobileconfig"]],
    ["sign --key", ["sign", "--config", "contoso.jcprofile.json", "--cert", "signer.pem", "--key", "secret.mobileconfig"]],
  ])("given to %s: exit 2, permission denied", async (_name, args) => {
    writeFileSync(join(dir, "secret.mobileconfig"), "<plist/>");
    copyFileSync(pki("signer.pem"), join(dir, "signer.pem"));
    openToOthers(dir);
    chmodSync(join(dir, "secret.mobileconfig"), 0o000);
    const run = await runAsNobody(staged, args, { cwd: dir });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/secret\.mobileconfig: cannot be read \((permission denied|EACCES)\)/);
  });
});
