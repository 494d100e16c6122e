/**
 * `build --check` says how to remove what is stale; `build --prune` removes jcprofile's own stale
 * profiles and the folders that empties, and never a file jcprofile would not write.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { copyExample, listFiles, tempDir } from "../folders.js";
import { runCli } from "../run-cli.js";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir("jcprofile-prune-")));
afterEach(() => cleanup());

const CONFIG = "contoso.jcprofile.json";
const read = (path: string) => readFileSync(join(dir, path), "utf8");
const put = (path: string, text = "the admin's own file") => {
  mkdirSync(join(dir, path, ".."), { recursive: true });
  writeFileSync(join(dir, path), text);
};

/** The example built, then its "test" environment dropped from the config, plus files that are not jcprofile's. */
async function staleOutput(): Promise<string[]> {
  copyExample(dir);
  expect((await runCli(["build", "--config", CONFIG], { cwd: dir })).code).toBe(0);
  // An environment removed long ago, whose folder holds only jcprofile's profiles.
  put("out/old/jamf-connect-login.mobileconfig", "an old profile");
  put("out/old/jamf-connect-menubar.mobileconfig", "an old profile");
  const foreign = [
    "out/test/README.md",
    "out/prod/signed/jamf-connect-login.mobileconfig",
    "out/prod/jamf-connect-login.mobileconfig.bak",
    "out/prod/notes-jamf-connect-x.mobileconfig",
    "out/jamf-connect-login.mobileconfig",
    "out/mine/other.mobileconfig",
    "elsewhere/jamf-connect-login.mobileconfig",
  ];
  for (const path of foreign) put(path);
  // A linked folder and a linked profile lead out of the output folder: never followed.
  symlinkSync(join(dir, "elsewhere"), join(dir, "out", "linked"));
  symlinkSync(join(dir, "elsewhere", "jamf-connect-login.mobileconfig"), join(dir, "out", "prod", "jamf-connect-extra.mobileconfig"));
  const config = JSON.parse(read(CONFIG));
  delete config.environments.test;
  writeFileSync(join(dir, CONFIG), JSON.stringify(config, null, 2));
  return foreign;
}

describe("stale profiles", () => {
  it("--check gives the command that removes each stale file or folder", async () => {
    await staleOutput();
    const run = await runCli(["build", "--config", CONFIG, "--check"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout.split("\n").sort()).toEqual([
      "",
      "stale: out/old/ (no environment builds it) — remove it: rm -r out/old",
      "stale: out/test/jamf-connect-login.mobileconfig (no environment builds it) — remove it: rm out/test/jamf-connect-login.mobileconfig",
      "stale: out/test/jamf-connect-menubar.mobileconfig (no environment builds it) — remove it: rm out/test/jamf-connect-menubar.mobileconfig",
    ]);
    expect(run.stderr).toContain(`stale profiles: remove them with the commands above, or run "jcprofile build --config ${CONFIG} --prune"`);
  });

  it("quotes a path the shell would split", async () => {
    copyExample(dir);
    expect((await runCli(["build", "--config", CONFIG, "--out", "my profiles"], { cwd: dir })).code).toBe(0);
    put("my profiles/prod/jamf-connect-old.mobileconfig");
    const run = await runCli(["build", "--config", CONFIG, "--out", "my profiles", "--check"], { cwd: dir });
    expect(run.stdout).toBe(
      "stale: my profiles/prod/jamf-connect-old.mobileconfig (no environment builds it) — remove it: rm 'my profiles/prod/jamf-connect-old.mobileconfig'\n",
    );
  });

  it("--prune removes them and the folders that empties, and not one foreign file", async () => {
    const foreign = await staleOutput();
    const before = listFiles(dir);
    const run = await runCli(["build", "--config", CONFIG, "--prune"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("out/prod/jamf-connect-login.mobileconfig\nout/prod/jamf-connect-menubar.mobileconfig\n");
    expect(run.stderr.split("\n").sort()).toEqual([
      "",
      "pruned: out/old/",
      "pruned: out/old/jamf-connect-login.mobileconfig",
      "pruned: out/old/jamf-connect-menubar.mobileconfig",
      "pruned: out/test/jamf-connect-login.mobileconfig",
      "pruned: out/test/jamf-connect-menubar.mobileconfig",
    ]);
    const removed = before.filter((path) => !listFiles(dir).includes(path));
    expect(removed.sort()).toEqual([
      "out/old/jamf-connect-login.mobileconfig",
      "out/old/jamf-connect-menubar.mobileconfig",
      "out/test/jamf-connect-login.mobileconfig",
      "out/test/jamf-connect-menubar.mobileconfig",
    ]);
    for (const path of foreign) expect(read(path)).toBe("the admin's own file");
    expect(read("out/linked/jamf-connect-login.mobileconfig")).toBe("the admin's own file");
    expect((await runCli(["build", "--config", CONFIG, "--check"], { cwd: dir })).code).toBe(0);
  });

  it.each([
    [["--prune", "--env", "prod"], "--prune needs every environment to know which profiles are stale — leave out --env"],
    [["--prune", "--check"], "--check writes nothing and --prune removes files — use one of them"],
  ])("%j is a usage error", async (flags, message) => {
    copyExample(dir);
    const run = await runCli(["build", "--config", CONFIG, ...flags], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${message}\n`);
    expect(listFiles(dir)).toEqual(["contoso.jamfconnectlicense", CONFIG]);
  });

  it("is in build's help", async () => {
    const run = await runCli(["build", "--help"], { cwd: dir });
    expect(run.stdout).toContain("--prune");
  });
});
