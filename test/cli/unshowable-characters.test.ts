import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../run-cli.js";
import { listFiles, tempDir } from "../folders.js";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
/** CSI as one C1 character (a terminal command to some terminals) and the right-to-left override. */
const CSI = "\u009b";
const RLO = "\u202e";
/** What no line a person reads may carry raw: C0 but the line break, DEL, C1, bidirectional controls. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function writeConfig(login: Record<string, unknown>): void {
  const environments = { prod: { tenant: TENANT, login: { clientId: CLIENT, ...login } } };
  writeFileSync(join(dir, "jcprofile.json"), JSON.stringify({ organization: "Contoso", identifier: "com.contoso.jc", environments }, null, 2));
}

describe("text from a file reaches the terminal escaped, as JSON writes it (the newcomer trial)", () => {
  it("build: a C1 control or a bidi override in a config value or key is shown as \\uXXXX, not raw; exit 2, nothing written", async () => {
    writeConfig({ clientId: `abc${CSI}31m${RLO}`, settings: { [`Bad${CSI}2J${RLO}Key`]: 1 } });
    const run = await runCli(["build"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('environments.prod.login.clientId: "abc\\u009b31m\\u202e" is not a GUID — ');
    expect(run.stderr).toContain('environments.prod.login.settings["Bad\\u009b2J\\u202eKey"]: unknown key');
    expect(run.stderr).not.toMatch(RAW);
    expect(listFiles(dir)).toEqual(["jcprofile.json"]);
  });

  it("build --check: a key of a profile on disk with a line break, a C1 control or a bidi override keeps its differs: line one line, escaped", async () => {
    writeConfig({});
    expect((await runCli(["build"], { cwd: dir })).code).toBe(0);
    const file = join(dir, "out/prod/jamf-connect-login.mobileconfig");
    const xml = readFileSync(file, "utf8");
    const key = "<key>OIDCClientID</key>";
    expect(xml).toContain(key);
    writeFileSync(file, xml.replace(key, `<key>OIDC\nClientID${CSI}2J${RLO}</key>`));
    const run = await runCli(["build", "--check"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      "differs: out/prod/jamf-connect-login.mobileconfig (first difference: com.jamf.connect.login.OIDC\\u000aClientID\\u009b2J\\u202e)\n",
    );
    expect(run.stderr).not.toMatch(RAW);
  });
});

describe("a folder in the output folder named with a control character or a line break (the newcomer trial)", () => {
  const NAME = "e\u001b[2Jvil\nline'q";

  async function staleFolder(): Promise<void> {
    writeConfig({});
    expect((await runCli(["build"], { cwd: dir })).code).toBe(0);
    mkdirSync(join(dir, "out", NAME));
    writeFileSync(join(dir, "out", NAME, "jamf-connect-login.mobileconfig"), "<plist/>");
  }

  it("build --check: its stale: line is one line, the name escaped, and its command spells it in $'…' so a paste removes that file", async () => {
    await staleFolder();
    writeFileSync(join(dir, "out", NAME, "notes.txt"), "the admin's");
    const run = await runCli(["build", "--check"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      "stale: out/e\\u001b[2Jvil\\u000aline'q/jamf-connect-login.mobileconfig (no environment builds it) — remove it: rm $'out/e\\x1b[2Jvil\\x0aline\\'q/jamf-connect-login.mobileconfig'\n",
    );
  });

  it("build --prune: what it removed is named escaped, one line each", async () => {
    await staleFolder();
    const run = await runCli(["build", "--prune"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("pruned: out/e\\u001b[2Jvil\\u000aline'q/jamf-connect-login.mobileconfig\n");
    expect(run.stderr).toContain("pruned: out/e\\u001b[2Jvil\\u000aline'q/\n");
    expect(run.stderr).not.toMatch(RAW);
    expect(existsSync(join(dir, "out", NAME))).toBe(false);
  });
});
