/**
 * A profile that cannot be replaced in the rename phase (chattr +i): build puts back every profile
 * it already replaced, in-process. The faults that need a real process (another user, signals,
 * kill -9, two builds at once) are in test/e2e/build-faults.test.ts.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildHelperFiles, copyExample, EXAMPLE_CONFIG, EXAMPLE_PROFILES, tempDir, useTempDir } from "../folders.js";
import { runCli } from "../run-cli.js";

const ORDER = EXAMPLE_PROFILES;
const CONFIG = EXAMPLE_CONFIG;

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-locked-" });

const read = (path: string) => readFileSync(join(dir, path), "utf8");
const helpers = () => buildHelperFiles(dir);

/** chattr +i needs root and a file system that has the flag (ext4, xfs, btrfs; not tmpfs or overlayfs). */
function chattrWorks(): boolean {
  if (process.getuid?.() !== 0 || spawnSync("sh", ["-c", "command -v chattr"]).status !== 0) return false;
  const probe = tempDir("jcprofile-chattr-");
  const file = join(probe.dir, "probe");
  writeFileSync(file, "");
  const works = spawnSync("chattr", ["+i", file]).status === 0;
  spawnSync("chattr", ["-i", file]);
  probe.cleanup();
  return works;
}

describe("a failure in the rename phase puts every replaced profile back", () => {
  it.skipIf(!chattrWorks())("a locked profile (chattr +i): exit 2, one line naming it, the old profiles intact", async () => {
    copyExample(dir);
    expect((await runCli(["build", "--config", CONFIG], { cwd: dir })).code).toBe(0);
    const before = ORDER.map(read);
    writeFileSync(join(dir, CONFIG), read(CONFIG).replace('"Contoso Ltd"', '"Fabrikam Inc"'));
    execFileSync("chattr", ["+i", join(dir, ORDER[2]!)]);
    try {
      const run = await runCli(["build", "--config", CONFIG], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^error: out\/prod\/jamf-connect-login\.mobileconfig: cannot be replaced \(EPERM\) — nothing was changed; the file may be locked .*\(the 2 files already replaced were put back\)\n$/,
      );
      expect(run.stdout).toBe("");
    } finally {
      execFileSync("chattr", ["-i", join(dir, ORDER[2]!)]);
    }
    expect(ORDER.map(read)).toEqual(before);
    expect(helpers()).toEqual([]);
  });
});
