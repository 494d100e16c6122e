/**
 * `jcprofile import` through the built CLI: only what needs a real process — the exit codes the
 * shell sees (0 imported, 2 nothing written). Everything else is in test/cli/import.test.ts.
 */
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { listFiles, REPO_ROOT, spawnCli, tempDir } from "./cli.js";

const FIXTURES = join(REPO_ROOT, "test", "fixtures", "profiles");
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir("jcprofile-import-e2e-")));
afterEach(() => cleanup());

it("exits 0 with the written paths on stdout, then 2 (nothing written) for a file it cannot read", async () => {
  const imported = await spawnCli(["import", join(FIXTURES, "jamf-pro-both-domains.mobileconfig"), "--env", "prod"], { cwd: dir });
  expect(imported.code, imported.stderr).toBe(0);
  expect(imported.stdout.split("\n").filter(Boolean)).toEqual(["jcprofile.json", "prod.jamfconnectlicense"]);
  const broken = await spawnCli(["import", join(FIXTURES, "truncated.mobileconfig"), "--env", "test"], { cwd: dir });
  expect(broken.code).toBe(2);
  expect(broken.stderr).toMatch(/^error: .*truncated\.mobileconfig: /m);
  expect(listFiles(dir)).toEqual(["jcprofile.json", "prod.jamfconnectlicense"]);
});
