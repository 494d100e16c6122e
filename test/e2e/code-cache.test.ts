/**
 * dist/cli.js (src/launch.ts) runs the bundles with the V8 code cache scripts/bundle.mjs made for
 * them. A cache V8 accepts must be the one made for this Node; one it rejects (another V8, other
 * flags, bytes that are not a cache) must cost only time: the same profiles, the same lines,
 * nothing on stderr; one made for another build of the file, or before the file was edited, must
 * not run: the file's own code does.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { copyExample, listFiles, REPO_ROOT, spawnProgram, tempDir, useTempDir } from "./cli.js";

const DIST = join(REPO_ROOT, "dist");
const MARK = "\n//jcprofile-build-id:";

/** The bundles dist/cli.js launches: bin.js and every command's file. */
function launched(dist: string): string[] {
  return ["bin.js", ...readdirSync(join(dist, "commands")).filter((name) => name.endsWith(".js")).map((name) => `commands/${name}`)];
}

/** The header src/launch.ts takes for `file` as it is now: this Node, its build id, its modification time, its place. */
function headerFor(file: string): string {
  const source = readFileSync(file, "utf8");
  const id = source.slice(source.lastIndexOf(MARK) + MARK.length).trim();
  return `jcprofile-code-cache:${process.version}:${id}:${statSync(file).mtimeMs}:${file}\n`;
}

/** Compiles a bundle as src/launch.ts does, with its cache after the header: did V8 reject it? */
function rejectedByV8(file: string): boolean {
  const source = readFileSync(file, "utf8");
  const bytes = readFileSync(`${file}.cache`);
  const header = Buffer.from(headerFor(file), "utf8");
  expect(bytes.subarray(0, header.length).toString("utf8")).toBe(header.toString("utf8"));
  return new vm.Script(source, { filename: file, cachedData: bytes.subarray(header.length) }).cachedDataRejected === true;
}

/** A copy of the package (dist/, templates/, package.json) whose dist/ a test may spoil; its caches name the original place. */
function stagePackage(into: string): string {
  cpSync(DIST, join(into, "dist"), { recursive: true });
  cpSync(join(REPO_ROOT, "templates"), join(into, "templates"), { recursive: true });
  cpSync(join(REPO_ROOT, "package.json"), join(into, "package.json"));
  symlinkSync(join(REPO_ROOT, "node_modules"), join(into, "node_modules"));
  return join(into, "dist", "cli.js");
}

async function buildWith(cli: string, dir: string, nodeFlags: string[] = []): Promise<{ stdout: string; files: Record<string, string> }> {
  const run = await spawnProgram(process.execPath, [...nodeFlags, cli, "build", "--config", "contoso.jcprofile.json"], {
    cwd: dir,
    env: { PATH: process.env["PATH"], CI: "true", NO_COLOR: "1" },
  });
  expect(run).toMatchObject({ code: 0, stderr: "" });
  const files = Object.fromEntries(listFiles(join(dir, "out")).map((path) => [path, readFileSync(join(dir, "out", path), "utf8")]));
  return { stdout: run.stdout, files };
}

describe("the built CLI's code cache", () => {
  it("is there for every bundle it launches, made by this Node: V8 takes each", () => {
    for (const file of launched(DIST)) expect(rejectedByV8(join(DIST, file)), file).toBe(false);
  });

  let dir: string;
  useTempDir((made) => (dir = made), { prefix: "jcprofile-cache-" });

  it("when refused or rejected, only costs time: the same lines and bytes", async () => {
    const { dir: pkg, cleanup } = tempDir("jcprofile-cache-pkg-");
    try {
      const cli = stagePackage(pkg);
      const expected = await buildWith(join(DIST, "cli.js"), copyFolder(dir, "cached"));
      // Made for the checkout's dist/: the copy compiles its files again (a trace would name the old place).
      expect(await buildWith(cli, copyFolder(dir, "moved"))).toEqual(expected);
      // From here the copy's caches name the copy (and its files' times), so what refuses or rejects them is the case at hand.
      for (const file of launched(join(pkg, "dist"))) {
        const cache = join(pkg, "dist", `${file}.cache`);
        const text = readFileSync(cache, "latin1");
        expect(text.slice(0, text.indexOf("\n") + 1)).toBe(headerFor(join(DIST, file)));
        writeFileSync(cache, headerFor(join(pkg, "dist", file)) + text.slice(text.indexOf("\n") + 1), "latin1");
      }
      // Other V8 flags: V8 rejects every cache (as it would for another Node's).
      expect(await buildWith(cli, copyFolder(dir, "flags"), ["--no-opt"])).toEqual(expected);
      // The cases below change commands/build.js's text but not its length, which is all V8 checks of
      // the source: a cache taken would run the code from before the change, and name the old file.
      const bundle = join(pkg, "dist", "commands", "build.js");
      const built = readFileSync(bundle, "utf8");
      const cached = readFileSync(`${bundle}.cache`, "latin1");
      const header = headerFor(bundle);
      expect(cached.startsWith(header)).toBe(true);
      const withHeader = (text: string) => writeFileSync(`${bundle}.cache`, text + cached.slice(header.length), "latin1");
      const renamed = expected.stdout.replaceAll("jamf-connect-login.", "jamf-connect-LOGIN.");
      const edited = built.replace('"jamf-connect-login.mobileconfig"', '"jamf-connect-LOGIN.mobileconfig"');
      expect([edited.length, edited.includes("jamf-connect-LOGIN")]).toEqual([built.length, true]);
      // Rebuilt beside the cache of the build before it (another build id; the cache's header names
      // the file's new modification time and place): refused by its build id.
      const id = built.slice(built.lastIndexOf(MARK) + MARK.length).trim();
      writeFileSync(bundle, edited.replace(`${MARK}${id}`, `${MARK}${"0".repeat(id.length)}`));
      withHeader(headerFor(bundle).replace(`:${"0".repeat(id.length)}:`, `:${id}:`));
      expect((await buildWith(cli, copyFolder(dir, "other-build"))).stdout).toBe(renamed);
      // Made by another Node whose V8 takes it (Node 20's releases share one V8 version): refused.
      writeFileSync(bundle, edited);
      withHeader(headerFor(bundle).replace(`:${process.version}:`, ":v20.0.0:"));
      expect((await buildWith(cli, copyFolder(dir, "other-node"))).stdout).toBe(renamed);
      // Edited by hand (a name or a number changed to try something), build id and length kept:
      // refused by the file's modification time. V8 alone would take it. (The time is set, as a file
      // system that keeps whole seconds could give the edit the time the bundle was copied at.)
      writeFileSync(bundle, edited);
      utimesSync(bundle, 1_000_000_000, 1_000_000_000);
      expect(headerFor(bundle)).not.toBe(header);
      withHeader(header);
      expect(new vm.Script(edited, { filename: bundle, cachedData: Buffer.from(cached.slice(header.length), "latin1") }).cachedDataRejected).toBe(false);
      expect((await buildWith(cli, copyFolder(dir, "edited"))).stdout).toBe(renamed);
      writeFileSync(bundle, built);
      // The right header over bytes that are no cache: V8 rejects them.
      for (const file of launched(join(pkg, "dist"))) {
        writeFileSync(join(pkg, "dist", `${file}.cache`), `${headerFor(join(pkg, "dist", file))}${"not a cache ".repeat(400)}`);
      }
      expect(await buildWith(cli, copyFolder(dir, "garbage"))).toEqual(expected);
    } finally {
      cleanup();
    }
  });
});

/** A folder under `dir` with the example in it. */
function copyFolder(dir: string, name: string): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  copyExample(folder);
  return folder;
}
