#!/usr/bin/env node
/**
 * The executable, bundled as dist/cli.js: runs dist/bin.js (src/bin.ts) and, when a command runs,
 * dist/commands/<name>.js, with the code V8 compiled for them when the package was bundled.
 *
 * Node 20 compiles every file it loads from its source at every start (Node 22's
 * module.enableCompileCache is not there), which was ~15 % of `jcprofile build`. So
 * scripts/bundle.mjs keeps, beside each file, V8's code cache for it (`<file>.cache`, made after a
 * build ran, so it holds the functions build runs, not only the top level), and this file compiles
 * the bundle through vm.Script with it. V8 rejects a cache made by another V8 version or with other
 * V8 flags (script.cachedDataRejected) and then compiles the source as Node would; one made by
 * another Node is refused here (Node 20's releases share V8 11.3.244.8, each with patches of its own,
 * which V8's check cannot see: Node's own compile cache is kept per Node version too); a cache made for
 * other source is refused here, by the build id that scripts/bundle.mjs puts at the end of the
 * file and at the start of its cache (V8 itself checks only the source's length), and so is one
 * made for the file in another place or before the file was last changed (a hand edit that kept
 * the length and the build id would otherwise run the code from before it), and so is one whose
 * data is not what was written (src/code-cache-checksum.ts: V8's release builds do not check the
 * data, and a flipped byte could crash the process). No cache, or a refused one, only costs the
 * time; the code that runs is the same.
 *
 * Each bundle runs as a CommonJS module would (the same wrapper arguments, written into the file by
 * scripts/bundle.mjs), plus `__import`: the
 * bundles' import() of an external package (ora, @inquirer/prompts, msal, undici, node-forge) is
 * made here, as vm.Script's own import() would need --experimental-vm-modules, or print an
 * experimental warning with vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER.
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { codeCacheChecksum } from "./code-cache-checksum.js";

/** How the end of a bundle names its build, and how its cache starts. */
const BUILD_ID_MARK = "\n//jcprofile-build-id:";
const CACHE_HEADER = "jcprofile-code-cache:";

interface Compiled {
  /** Relative to dist/, e.g. "commands/build.js". */
  file: string;
  /** Its whole path. */
  filename: string;
  script: vm.Script;
  buildId: string | undefined;
  /** The file's modification time (ms) when it was read. */
  modified: number;
}

/**
 * dist/, where the bundles are: this file's folder. Started through a symbolic link (npm's
 * node_modules/.bin/jcprofile) with --preserve-symlinks-main, __dirname is the link's folder, and
 * the first file not found there is looked for beside the real file (a realpath at every start
 * would cost every run for the few that need it).
 */
let dist = __dirname;

const loaded: Compiled[] = [];
/** Each file's module, run once per process as require() would (init's file is asked for twice). */
const modules = new Map<string, { exports: unknown }>();

/** Runs dist/<file> as a CommonJS module, once, and returns its exports. */
export function load(file: string): unknown {
  const known = modules.get(file);
  if (known !== undefined) return known.exports;
  const compiled = compile(file, true);
  loaded.push(compiled);
  const { filename } = compiled;
  const module = { exports: {} };
  modules.set(file, module);
  // The bundles require only Node's modules and (bin.js) a command's file, by a path of its own.
  const requireHere = (id: string): unknown => (id.startsWith("./") ? load(path.join(path.dirname(file), id)) : require(id));
  const importHere = (specifier: string): Promise<unknown> => import(specifier);
  const wrapper = compiled.script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, requireHere, module, filename, path.dirname(filename), importHere);
  return module.exports;
}

function compile(file: string, withCache: boolean): Compiled {
  let filename = path.join(dist, file);
  let fd: number;
  try {
    fd = fs.openSync(filename, "r");
  } catch (error) {
    const real = path.dirname(fs.realpathSync(__filename));
    if (real === dist) throw error;
    dist = real;
    filename = path.join(dist, file);
    fd = fs.openSync(filename, "r");
  }
  let source: string;
  let modified: number;
  try {
    modified = fs.fstatSync(fd).mtimeMs;
    source = fs.readFileSync(fd, "utf8");
  } finally {
    fs.closeSync(fd);
  }
  const mark = source.lastIndexOf(BUILD_ID_MARK);
  const buildId = mark === -1 ? undefined : source.slice(mark + BUILD_ID_MARK.length).trim();
  const cachedData = withCache && buildId !== undefined ? readCache(filename, buildId, modified) : undefined;
  // The file is one function expression (scripts/bundle.mjs wrote the wrapper into it).
  const script = new vm.Script(source, { filename, ...(cachedData !== undefined && { cachedData }) });
  return { file, filename, script, buildId, modified };
}

/**
 * How a cache starts: the Node that made it, the build of the file it was made for, when the file
 * was last changed then, and where it was. V8 keeps the file name it compiled in the cache, for stack traces: a package
 * moved elsewhere (a copy, an installed package) compiles its files again rather than show the old
 * place in a bug's trace. Then the data's checksum (checksumLine), which refuses a cache damaged on disk.
 */
function cacheHead(filename: string, buildId: string, modified: number): Buffer {
  return Buffer.from(`${CACHE_HEADER}${process.version}:${buildId}:${modified}:${filename}:`, "utf8");
}

/**
 * Where the data starts after a head of `headLength` bytes: after the data's checksum (8 hex
 * digits), the spaces that make the data start at a multiple of 4 bytes (codeCacheChecksum reads it
 * as 32-bit words in place, and a file's bytes are read to an aligned address) and a newline.
 */
function dataStart(headLength: number): number {
  return (headLength + 8 + 1 + 3) & ~3;
}

/** The header's bytes from the end of its head to the data: the checksum, the spaces, the newline. */
function checksumLine(headLength: number, data: Uint8Array): Buffer {
  const hex = codeCacheChecksum(data).toString(16).padStart(8, "0");
  return Buffer.from(`${hex}${" ".repeat(dataStart(headLength) - headLength - hex.length - 1)}\n`, "latin1");
}

/** The V8 data of `<filename>.cache` when it was made for this build of the file, as it is now, in this place, and is as written. */
function readCache(filename: string, buildId: string, modified: number): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(`${filename}.cache`);
  } catch {
    return undefined;
  }
  const head = cacheHead(filename, buildId, modified);
  const start = dataStart(head.length);
  if (bytes.length <= start || !bytes.subarray(0, head.length).equals(head)) return undefined;
  const data = bytes.subarray(start);
  return bytes.subarray(head.length, start).equals(checksumLine(head.length, data)) ? data : undefined;
}

/**
 * For scripts/bundle.mjs, in a process that has just run a build: writes each file's cache, with
 * the functions that ran for a file this process loaded, else only what compiling it makes.
 */
export function writeCodeCaches(files: readonly string[]): void {
  for (const file of files) {
    const compiled = loaded.find((entry) => entry.file === file) ?? compile(file, false);
    if (compiled.buildId === undefined) throw new Error(`dist/${file} has no build id at its end`);
    const data = compiled.script.createCachedData();
    const { filename } = compiled;
    const head = cacheHead(filename, compiled.buildId, compiled.modified);
    fs.writeFileSync(`${filename}.cache`, Buffer.concat([head, checksumLine(head.length, data), data]));
  }
}

if (require.main === module) void (load("bin.js") as { main(): Promise<void> }).main();
