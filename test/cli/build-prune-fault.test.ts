/**
 * build --prune when a stale profile cannot be removed (issue 22, item 12): the profiles are written
 * by then, so the exit code says that — 1, the stale file left named with the fix — never 2 "bad
 * input". The removal fails through build's file-operations seam, for one path: a file root could
 * not remove cannot be made for real in every test environment.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runBuild } from "../../src/build-command/run-build.js";
import { reportBuild } from "../../src/commands/build.js";
import { nodeFileOps, removeFile, type FileOps } from "../../src/files/file-ops.js";
import { createOutput } from "../../src/output.js";
import { copyExample, useTempDir } from "../folders.js";

const CONFIG = "contoso.jcprofile.json";
let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-prune-fault-" });

const busy: FileOps = {
  ...nodeFileOps,
  removeFile: (path) => {
    if (String(path).endsWith(join("stuck", "jamf-connect-login.mobileconfig"))) throw Object.assign(new Error("resource busy"), { code: "EBUSY" });
    removeFile(path);
  },
};

function captured(): { output: ReturnType<typeof createOutput>; text: () => { stdout: string; stderr: string } } {
  const out = { stdout: "", stderr: "" };
  const sink = (key: "stdout" | "stderr") => new Writable({ write: (chunk, _encoding, done) => ((out[key] += String(chunk)), done()) });
  return { output: createOutput({ stdout: sink("stdout"), stderr: sink("stderr"), env: { NO_COLOR: "1" } }), text: () => out };
}

describe("build --prune with a stale profile that cannot be removed (issue 22, item 12)", () => {
  it("writes the profiles, removes what it can, names the one left with the fix, and exits 1", async () => {
    copyExample(dir);
    for (const env of ["stuck", "gone"]) {
      mkdirSync(join(dir, "out", env), { recursive: true });
      writeFileSync(join(dir, "out", env, "jamf-connect-login.mobileconfig"), "stale");
    }
    writeFileSync(join(dir, CONFIG), readFileSync(join(dir, CONFIG), "utf8").replace('"Contoso Ltd"', '"Fabrikam Inc"'));
    const result = await runBuild({ cwd: dir, config: CONFIG, prune: true, ops: busy });
    const { output, text } = captured();
    expect(reportBuild(result, {}, output)).toBe(1);
    const { stdout, stderr } = text();
    expect(stdout.trim().split("\n")).toHaveLength(4);
    expect(readFileSync(join(dir, "out/prod/jamf-connect-login.mobileconfig"), "utf8")).toContain("Fabrikam Inc");
    expect(existsSync(join(dir, "out/gone"))).toBe(false);
    expect(stderr).toContain("error: not pruned: out/stuck/jamf-connect-login.mobileconfig: cannot be removed (EBUSY) — remove it by hand: rm out/stuck/jamf-connect-login.mobileconfig");
    expect(stderr).toContain("the profiles were written; one stale file stays in the output folder");
  });
});
