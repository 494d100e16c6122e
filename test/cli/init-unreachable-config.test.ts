/**
 * `init --config` naming a config that is there but cannot be reached is refused by the reader at
 * once, as build refuses it, not planned as a new file whose write then fails (the newcomer trial).
 */
import { readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles, useTempDir } from "../folders.js";
import { runCli } from "../run-cli.js";

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-init-unreachable-" });

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const initWith = (config: string) =>
  runCli(["init", "--config", config, "--env", "prod", "--tenant", TENANT, "--client-id", CLIENT, "--organization", "Contoso", "--no-license", "--no-probe", "--yes"], { cwd: dir });

describe("init --config that is there but cannot be reached: one line, exit 2, no plan shown, nothing written", () => {
  it("a symbolic link that loops: the words build uses", async () => {
    symlinkSync("loop-b.json", join(dir, "loop-a.json"));
    symlinkSync("loop-a.json", join(dir, "loop-b.json"));
    const run = await initWith("loop-a.json");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("error: loop-a.json: is a symbolic link that loops (or a chain of links too long) — point it at the real file\n");
    expect((await runCli(["build", "--config", "loop-a.json"], { cwd: dir })).stderr).toBe(run.stderr);
    expect(readdirSync(dir).sort()).toEqual(["loop-a.json", "loop-b.json"]);
  });

  it("a path through a file", async () => {
    writeFileSync(join(dir, "afile"), "x");
    const run = await initWith("afile/jcprofile.json");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("error: afile/jcprofile.json: not found (a part of the path is a file, not a folder) — check the path given to --config\n");
    expect((await runCli(["build", "--config", "afile/jcprofile.json"], { cwd: dir })).stderr).toBe(run.stderr);
    expect(listFiles(dir)).toEqual(["afile"]);
  });

  it("a dangling link is still a new config, written where it points", async () => {
    symlinkSync("real.json", join(dir, "jcprofile.json"));
    const run = await initWith("jcprofile.json");
    expect(run.code, run.stderr).toBe(0);
    expect(listFiles(dir)).toContain("real.json");
  });
});
