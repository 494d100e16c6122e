import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../errors.js";
import { writeConfigFile } from "./write-config-file.js";
import { nodeFileOps } from "../files/file-ops.js";
import { deadPid } from "../../test/dead-pid.js";

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "jcprofile-config-file-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("writeConfigFile", () => {
  it("writes through a chain of symbolic links to the file, which keeps its mode", async () => {
    mkdirSync(join(dir, "dotfiles"));
    writeFileSync(join(dir, "dotfiles", "jcprofile.json"), "{}\n", { mode: 0o600 });
    symlinkSync("dotfiles/jcprofile.json", join(dir, "middle.json"));
    symlinkSync("middle.json", join(dir, "jcprofile.json"));
    await writeConfigFile({ path: join(dir, "jcprofile.json"), displayPath: "jcprofile.json" }, '{ "a": 1 }\n');
    expect(lstatSync(join(dir, "jcprofile.json")).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, "middle.json")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "dotfiles", "jcprofile.json"), "utf8")).toBe('{ "a": 1 }\n');
    expect(statSync(join(dir, "dotfiles", "jcprofile.json")).mode & 0o7777).toBe(0o600);
    expect(readdirSync(join(dir, "dotfiles"))).toEqual(["jcprofile.json"]);
  });

  it("creates the file a dangling link names", async () => {
    symlinkSync("elsewhere.json", join(dir, "jcprofile.json"));
    await writeConfigFile({ path: join(dir, "jcprofile.json"), displayPath: "jcprofile.json" }, "{}\n");
    expect(lstatSync(join(dir, "jcprofile.json")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "elsewhere.json"), "utf8")).toBe("{}\n");
  });

  it("names the config's folder, not the output folder, when it cannot write there", async () => {
    const ops = { ...nodeFileOps, writeFileSync: () => { throw Object.assign(new Error("EACCES"), { code: "EACCES" }); } };
    const error = await writeConfigFile({ path: join(dir, "jcprofile.json"), displayPath: "jcprofile.json" }, "{}\n", { ops }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(`jcprofile.json: cannot be written (EACCES) — check that the config's folder (${dir}) is writable`);
  });

  it("removes what a killed edit of the same config left, and nothing else", async () => {
    const dead = deadPid();
    writeFileSync(join(dir, `.jcprofile.json.jcprofile-tmp-${dead}-0a1b2c3d`), "half");
    writeFileSync(join(dir, `.other.json.jcprofile-tmp-${dead}-0a1b2c3d`), "not this config's");
    await writeConfigFile({ path: join(dir, "jcprofile.json"), displayPath: "jcprofile.json" }, "{}\n");
    expect(readdirSync(dir).sort()).toEqual([`.other.json.jcprofile-tmp-${dead}-0a1b2c3d`, "jcprofile.json"]);
  });
});
