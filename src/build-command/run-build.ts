import { join, relative, sep } from "node:path";
import { UserError } from "../errors.js";
import type { FileOps } from "../files/file-ops.js";
import { displayPath, outputFolder, shownAs } from "../project/read-config-file.js";
import { loadAndRender } from "../project/load-and-render.js";
import { formatProblem } from "../problem.js";
import type { RenderedProfile } from "../render/profile.js";
import { checkOutput, writeOutput } from "./output-folder.js";

export interface BuildOptions {
  cwd: string;
  config?: string;
  envs?: readonly string[];
  out?: string;
  check?: boolean;
  /** Also remove stale profiles (and the folders that leaves empty) from the output folder. */
  prune?: boolean;
  /** The command's clock, for a license's expiry. */
  now?: Date;
  /** The file operations of the write and of --prune (default node's): a test makes one fail. */
  ops?: FileOps;
}

export interface BuildResult {
  /** Files written (or, with check, compared), as shown to the user. */
  files: string[];
  warnings: string[];
  /** With check: one line per file that differs, is missing or is stale, or a leftover, with its fix. */
  differences: string[];
  /** Temp files of an interrupted run that this build removed, as shown. */
  removedLeftovers: string[];
  /** Stale profiles and emptied folders that --prune removed, as shown. */
  pruned: string[];
  /** Stale profiles --prune could not remove, each with why and the fix (the profiles were written). */
  notPruned: string[];
  /** Things the admin should know, e.g. that a dead build's lock was taken over. */
  notes: string[];
}

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  if (options.prune && options.check) throw new UserError("--check writes nothing and --prune removes files — use one of them");
  const selected = options.envs !== undefined && options.envs.length > 0;
  if (options.prune && selected) {
    throw new UserError("--prune needs every environment to know which profiles are stale — leave out --env");
  }
  const context = (outDir: string) => ({ outDir, cwd: options.cwd, allEnvironments: !selected, ...(options.ops !== undefined && { ops: options.ops }) });
  if (options.check) {
    const { files, warnings, outDir } = renderFiles(options, keepToCompare);
    const differences = await checkOutput(files, context(outDir));
    return { files: files.map((file) => file.displayPath), warnings, differences, removedLeftovers: [], pruned: [], notPruned: [], notes: [] };
  }
  const { files, warnings, outDir } = renderFiles(options, keepToWrite);
  const shown = files.map((file) => file.displayPath);
  const outcome = await writeOutput(files, context(outDir), options.prune ?? false);
  const notes = outcome.tookOverLockFrom === undefined ? [] : [`took over the lock of build ${outcome.tookOverLockFrom}, which no longer runs`];
  return { files: shown, warnings, differences: [], removedLeftovers: outcome.removedLeftovers, pruned: outcome.pruned, notPruned: outcome.notPruned, notes };
}

/** The config's profiles as files in the output folder, each with what `keep` kept of it; the warnings as printed. */
function renderFiles<Kept extends { relativePath: string }>(options: BuildOptions, keep: (profile: RenderedProfile) => Kept) {
  // Only the files are kept until the write: neither the profiles' dictionaries nor the resolved environments.
  const { profiles, warnings, source } = loadAndRender({ ...options, keep, keepEnvironments: false });
  const outDir = outputFolder(options.cwd, options.out, source);
  const place = placeIn(outDir, options.cwd);
  const files = profiles.map((profile) => ({ ...profile, ...place(profile.relativePath) }));
  return { files, warnings: warnings.map(formatProblem), outDir };
}

/** `<env>/jamf-connect-….mobileconfig`: an environment name and a file name, no `.` or `..` step. */
const PLAIN_RELATIVE = /^[A-Za-z0-9][\w-]*\/[\w-][\w.-]*$/;

/**
 * A profile's path in the output folder and as shown: join() and displayPath() on the folder once,
 * then for each profile the same rules on strings (resolving 2000 paths, twice each for
 * relative(), was ~30 ms of a 1000-environment build). A relative path of another shape goes
 * through join() and displayPath() itself.
 */
function placeIn(outDir: string, cwd: string): (relativePath: string) => { path: string; displayPath: string } {
  const base = outDir.endsWith(sep) ? outDir : `${outDir}${sep}`;
  const shownBase = relative(cwd, outDir);
  return (relativePath) => {
    if (sep !== "/" || !PLAIN_RELATIVE.test(relativePath)) {
      const path = join(outDir, relativePath);
      return { path, displayPath: displayPath(cwd, path) };
    }
    const path = base + relativePath;
    // relative(cwd, path) is the folder's relative path with this one after it.
    return { path, displayPath: shownAs(shownBase === "" ? relativePath : `${shownBase}${sep}${relativePath}`, path) };
  };
}

/**
 * What build keeps of each rendered profile until every environment is rendered: the bytes it
 * writes (off the JavaScript heap, which the garbage collector then need not copy), and for
 * --check the dictionary they were made from, for the first difference it names.
 */
function keepToWrite(profile: RenderedProfile): { relativePath: string; bytes: Buffer } {
  return { relativePath: profile.relativePath, bytes: utf8Bytes(profile.text) };
}

function keepToCompare(profile: RenderedProfile): { relativePath: string; bytes: Buffer; dictionary: RenderedProfile["dictionary"] } {
  return { ...keepToWrite(profile), dictionary: profile.dictionary };
}

/**
 * A text's UTF-8 bytes, written after the previous text's into a shared 1 MB block. Buffer.from
 * takes a new 8 KB pool for every two profiles, and making those was ~30 ms of a 1000-environment
 * build. A block is never written twice: each text's bytes stay as they were made.
 */
function utf8Bytes(text: string): Buffer {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  if (block.length - used < text.length * 3) {
    block = Buffer.allocUnsafeSlow(Math.max(BLOCK_SIZE, text.length * 3));
    used = 0;
  }
  const length = block.write(text, used, "utf8");
  const bytes = block.subarray(used, used + length);
  used += length;
  return bytes;
}

const BLOCK_SIZE = 1 << 20;
let block = Buffer.alloc(0);
let used = 0;
