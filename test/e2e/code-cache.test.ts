/**
 * dist/cli.js (src/launch.ts) runs the bundles with the V8 code cache scripts/bundle.mjs made for
 * them. A cache V8 accepts must be the one made for this Node; one it rejects (another V8, other
 * flags, bytes that are not a cache) must cost only time: the same profiles, the same lines,
 * nothing on stderr; one made for another build of the file, or before the file was edited, must
 * not run: the file's own code does; one damaged on disk (a flipped byte) must not reach V8, whose
 * release builds do not check a cache's data and can crash on it.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { codeCacheChecksum } from "../../src/code-cache-checksum.js";
import { copyExample, listFiles, REPO_ROOT, spawnProgram, tempDir, useTempDir } from "./cli.js";

const DIST = join(REPO_ROOT, "dist");
const MARK = "\n//jcprofile-build-id:";

/** The bundles dist/cli.js launches: bin.js and every command's file. */
function launched(dist: string): string[] {
  return ["bin.js", ...readdirSync(join(dist, "commands")).filter((name) => name.endsWith(".js")).map((name) => `commands/${name}`)];
}

/** The head of the header src/launch.ts takes for `file` as it is now: this Node, its build id, its modification time, its place. */
function headFor(file: string): string {
  const source = readFileSync(file, "utf8");
  const id = source.slice(source.lastIndexOf(MARK) + MARK.length).trim();
  return `jcprofile-code-cache:${process.version}:${id}:${statSync(file).mtimeMs}:${file}:`;
}

/** A cache as src/launch.ts writes it: the head, the data's checksum, spaces up to a multiple of 4 bytes, a newline, the data. */
function cacheOf(head: string, data: Buffer): Buffer {
  const checksum = codeCacheChecksum(data).toString(16).padStart(8, "0");
  const headLength = Buffer.byteLength(head, "utf8");
  const start = (headLength + checksum.length + 1 + 3) & ~3;
  return Buffer.concat([Buffer.from(`${head}${checksum}${" ".repeat(start - headLength - checksum.length - 1)}\n`, "utf8"), data]);
}

/** The V8 data of a cache file: what follows its header's line. */
function dataOf(cache: Buffer): Buffer {
  return cache.subarray(cache.indexOf(10) + 1);
}

/** A cache file's header, its first line. */
function headerOf(cache: Buffer): string {
  return cache.toString("utf8", 0, cache.indexOf(10) + 1);
}

/** Compiles a bundle as src/launch.ts does, with its cache's data: did V8 reject it? */
function rejectedByV8(file: string): boolean {
  const source = readFileSync(file, "utf8");
  const bytes = readFileSync(`${file}.cache`);
  const data = dataOf(bytes);
  expect(headerOf(bytes)).toBe(headerOf(cacheOf(headFor(file), data)));
  return new vm.Script(source, { filename: file, cachedData: data }).cachedDataRejected === true;
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
      rehead(pkg);
      // Other V8 flags: V8 rejects every cache (as it would for another Node's).
      expect(await buildWith(cli, copyFolder(dir, "flags"), ["--no-opt"])).toEqual(expected);
      // The cases below change commands/build.js's text but not its length, which is all V8 checks of
      // the source: a cache taken would run the code from before the change, and name the old file.
      const bundle = join(pkg, "dist", "commands", "build.js");
      const built = readFileSync(bundle, "utf8");
      const cached = readFileSync(`${bundle}.cache`);
      const head = headFor(bundle);
      expect(headerOf(cached)).toBe(headerOf(cacheOf(head, dataOf(cached))));
      const withHead = (text: string) => writeFileSync(`${bundle}.cache`, cacheOf(text, dataOf(cached)));
      const renamed = expected.stdout.replaceAll("jamf-connect-login.", "jamf-connect-LOGIN.");
      const edited = built.replace('"jamf-connect-login.mobileconfig"', '"jamf-connect-LOGIN.mobileconfig"');
      expect([edited.length, edited.includes("jamf-connect-LOGIN")]).toEqual([built.length, true]);
      // Rebuilt beside the cache of the build before it (another build id; the cache's header names
      // the file's new modification time and place): refused by its build id.
      const id = built.slice(built.lastIndexOf(MARK) + MARK.length).trim();
      writeFileSync(bundle, edited.replace(`${MARK}${id}`, `${MARK}${"0".repeat(id.length)}`));
      withHead(headFor(bundle).replace(`:${"0".repeat(id.length)}:`, `:${id}:`));
      expect((await buildWith(cli, copyFolder(dir, "other-build"))).stdout).toBe(renamed);
      // Made by another Node whose V8 takes it (Node 20's releases share one V8 version): refused.
      writeFileSync(bundle, edited);
      withHead(headFor(bundle).replace(`:${process.version}:`, ":v20.0.0:"));
      expect((await buildWith(cli, copyFolder(dir, "other-node"))).stdout).toBe(renamed);
      // Edited by hand (a name or a number changed to try something), build id and length kept:
      // refused by the file's modification time. V8 alone would take it. (The time is set, as a file
      // system that keeps whole seconds could give the edit the time the bundle was copied at.)
      writeFileSync(bundle, edited);
      utimesSync(bundle, 1_000_000_000, 1_000_000_000);
      expect(headFor(bundle)).not.toBe(head);
      withHead(head);
      expect(new vm.Script(edited, { filename: bundle, cachedData: dataOf(cached) }).cachedDataRejected).toBe(false);
      expect((await buildWith(cli, copyFolder(dir, "edited"))).stdout).toBe(renamed);
      writeFileSync(bundle, built);
      // The right header (and checksum) over bytes that are no cache: V8 rejects them.
      for (const file of launched(join(pkg, "dist"))) {
        writeFileSync(join(pkg, "dist", `${file}.cache`), cacheOf(headFor(join(pkg, "dist", file)), Buffer.from("not a cache ".repeat(400))));
      }
      expect(await buildWith(cli, copyFolder(dir, "garbage"))).toEqual(expected);
    } finally {
      cleanup();
    }
  });

  it("when damaged on disk (a byte flipped in its data, cut to its header), with its checksum in capitals or from an older jcprofile (no checksum), is refused before V8 reads it: the same lines and bytes", async () => {
    const { dir: pkg, cleanup } = tempDir("jcprofile-cache-pkg-");
    try {
      const cli = stagePackage(pkg);
      rehead(pkg);
      const expected = await buildWith(join(DIST, "cli.js"), copyFolder(dir, "cached"));
      const cache = join(pkg, "dist", "commands", "build.js.cache");
      const intact = readFileSync(cache);
      const size = dataOf(intact).length;
      const start = intact.length - size;
      // Undamaged, V8 reads it (and says so).
      const read = await buildSayingCaches(cli, copyFolder(dir, "intact"));
      expect(read).toEqual({ read: expect.arrayContaining([size]), build: expected });
      // One byte flipped near the start of the data, in its middle, in its last byte, in the first byte of its last word.
      const places = [["early", start + 1000], ["middle", start + Math.floor(size / 2)], ["last", intact.length - 1], ["last-word", intact.length - 4]] as const;
      for (const [where, at] of places) {
        const damaged = Buffer.from(intact);
        damaged[at] = damaged[at]! ^ 0xff;
        writeFileSync(cache, damaged);
        const run = await buildSayingCaches(cli, copyFolder(dir, where));
        expect(run.build, where).toEqual(expected);
        expect(run.read, where).not.toContain(size);
      }
      // Whole data, a header V8 must not be handed it under: cut to the header alone (the data lost),
      // the checksum in capitals, and jcprofile's header from before the checksum (the file's name, a newline).
      const header = headerOf(intact);
      const data = dataOf(intact);
      const checksum = /:([0-9a-f]{8}) *\n$/.exec(header)!;
      expect(checksum[1]!.toUpperCase()).not.toBe(checksum[1]);
      const headers = {
        "header-only": Buffer.from(header, "utf8"),
        "checksum-in-capitals": Buffer.concat([Buffer.from(header.replace(checksum[1]!, checksum[1]!.toUpperCase()), "utf8"), data]),
        "older-jcprofile": Buffer.concat([Buffer.from(`${header.slice(0, checksum.index)}\n`, "utf8"), data]),
      };
      for (const [name, bytes] of Object.entries(headers)) {
        writeFileSync(cache, bytes);
        const run = await buildSayingCaches(cli, copyFolder(dir, name));
        expect(run.build, name).toEqual(expected);
        expect(run.read, name).not.toContain(size);
      }
    } finally {
      cleanup();
    }
  });
});

/**
 * A build that also says which code caches V8 read, by their data's size: V8 prints a line for each
 * with --profile-deserialization, one of the few flags it leaves out of the flags a cache must have
 * been made with. Those lines are on stdout, before the build's lines or among them.
 */
async function buildSayingCaches(cli: string, dir: string): Promise<{ read: number[]; build: Awaited<ReturnType<typeof buildWith>> }> {
  const { stdout, files } = await buildWith(cli, dir, ["--profile-deserialization"]);
  const lines = stdout.split(/(?<=\n)/);
  const read = lines.flatMap((line) => /^\[Deserializing from (\d+) bytes/.exec(line)?.[1] ?? []).map(Number);
  return { read, build: { stdout: lines.filter((line) => !line.startsWith("[")).join(""), files } };
}

/** Gives each cache of the staged package `pkg` the head of its file there (its place, its time), over the same data. */
function rehead(pkg: string): void {
  for (const file of launched(join(pkg, "dist"))) {
    const cache = join(pkg, "dist", `${file}.cache`);
    const bytes = readFileSync(cache);
    expect(headerOf(bytes)).toBe(headerOf(cacheOf(headFor(join(DIST, file)), dataOf(bytes))));
    writeFileSync(cache, cacheOf(headFor(join(pkg, "dist", file)), dataOf(bytes)));
  }
}

/** A folder under `dir` with the example in it. */
function copyFolder(dir: string, name: string): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  copyExample(folder);
  return folder;
}
