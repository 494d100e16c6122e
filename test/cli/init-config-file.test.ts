/**
 * `init` edits the config where it really is: through a symlink to its target, keeping the
 * file's mode, and a folder it cannot write is named as the config's folder.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles, tempDir, useTempDir } from "../folders.js";
import { runCli } from "../run-cli.js";

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-init-file-" });

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const CONFIG = `${JSON.stringify(
  { organization: "Contoso Ltd", identifier: "com.contoso.jc", environments: { prod: { tenant: TENANT, login: { clientId: CLIENT } } } },
  null,
  2,
)}\n`;
const addStage = (cwd: string) =>
  runCli(["init", "--env", "stage", "--tenant", TENANT, "--client-id", CLIENT, "--no-license", "--no-probe", "--yes"], { cwd });

describe("init editing an existing config", () => {
  it("writes through a symlinked config to its target and keeps the file's mode", async () => {
    mkdirSync(join(dir, "dotfiles"));
    mkdirSync(join(dir, "project"));
    writeFileSync(join(dir, "dotfiles", "jcprofile.json"), CONFIG);
    chmodSync(join(dir, "dotfiles", "jcprofile.json"), 0o640);
    symlinkSync("../dotfiles/jcprofile.json", join(dir, "project", "jcprofile.json"));
    const run = await addStage(join(dir, "project"));
    expect(run.stderr).not.toContain("error");
    expect(run.code).toBe(0);
    expect(lstatSync(join(dir, "project", "jcprofile.json")).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "dotfiles", "jcprofile.json"), "utf8")).environments.stage.tenant).toBe(TENANT);
    expect(statSync(join(dir, "dotfiles", "jcprofile.json")).mode & 0o7777).toBe(0o640);
    expect(listFiles(join(dir, "dotfiles"))).toEqual(["jcprofile.json"]);
  });

  const canLockFolders = (() => {
    if (process.getuid?.() !== 0) return false;
    const probe = tempDir("jcprofile-chattr-");
    const works = spawnSync("chattr", ["+i", probe.dir]).status === 0;
    spawnSync("chattr", ["-i", probe.dir]);
    probe.cleanup();
    return works;
  })();

  it.skipIf(!canLockFolders)("names the config's folder when it cannot write there, and changes nothing", async () => {
    const folder = join(dir, "locked");
    mkdirSync(folder);
    writeFileSync(join(folder, "jcprofile.json"), CONFIG);
    spawnSync("chattr", ["+i", folder]);
    try {
      const run = await addStage(folder);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(`\\nerror: jcprofile\\.json: cannot be written \\(EPERM\\) — check that the config's folder \\(${folder}\\) is writable\\n$`),
      );
      expect(run.stdout).toBe("");
    } finally {
      spawnSync("chattr", ["-i", folder]);
    }
    expect(readFileSync(join(folder, "jcprofile.json"), "utf8")).toBe(CONFIG);
    expect(listFiles(folder)).toEqual(["jcprofile.json"]);
  });
});
