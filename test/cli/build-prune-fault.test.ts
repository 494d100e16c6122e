/**
 * build --prune when a stale profile cannot be removed (issue 22, item 12): the profiles are written
 * by then, so the exit code says that — 1, a stale file left, named with the fix — never 2 "bad
 * input". Removal fails only in this file's stand-in for removeFile, for one named path: a file
 * root could not remove cannot be made for real in every test environment.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { copyExample, useTempDir } from "../folders.js";
import { runCli } from "../run-cli.js";

vi.mock(import("../../src/files/file-ops.js"), async (original) => {
  const actual = await original();
  return {
    ...actual,
    removeFile: (path) => {
      if (String(path).endsWith(join("stuck", "jamf-connect-login.mobileconfig"))) throw Object.assign(new Error("resource busy"), { code: "EBUSY" });
      actual.removeFile(path);
    },
  };
});

const CONFIG = "contoso.jcprofile.json";
let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-prune-fault-" });

describe("build --prune with a stale profile that cannot be removed (issue 22, item 12)", () => {
  it("writes the profiles, removes what it can, names the one left with the fix, and exits 1", async () => {
    copyExample(dir);
    for (const env of ["stuck", "gone"]) {
      mkdirSync(join(dir, "out", env), { recursive: true });
      writeFileSync(join(dir, "out", env, "jamf-connect-login.mobileconfig"), "stale");
    }
    writeFileSync(join(dir, CONFIG), readFileSync(join(dir, CONFIG), "utf8").replace('"Contoso Ltd"', '"Fabrikam Inc"'));
    const run = await runCli(["build", "--config", CONFIG, "--prune"], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout.trim().split("\n")).toHaveLength(4);
    expect(readFileSync(join(dir, "out/prod/jamf-connect-login.mobileconfig"), "utf8")).toContain("Fabrikam Inc");
    expect(existsSync(join(dir, "out/gone"))).toBe(false);
    expect(run.stderr).toContain("error: not pruned: out/stuck/jamf-connect-login.mobileconfig: cannot be removed (EBUSY) — remove it by hand: rm out/stuck/jamf-connect-login.mobileconfig");
    expect(run.stderr).toContain("the profiles were written; one stale file stays in the output folder");
    expect(run.stderr).not.toContain("bad input");
  });
});
