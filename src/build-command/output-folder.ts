import { existsSync, readdirSync, readFileSync, rmdirSync, type Dirent } from "node:fs";
import { dirname, join, sep } from "node:path";
import { isUserError, UserError } from "../errors.js";
import type { FileToWrite } from "../files/file-to-write.js";
import { errorCode, nodeFileOps, type FileOps } from "../files/file-ops.js";
import { deadLockHolder, LOCK_NAME } from "../files/folder-lock.js";
import { findLeftovers } from "../files/leftovers.js";
import { writeIntoFolder } from "../files/locked-write.js";
import { parseHelperName } from "../files/temp-names.js";
import { displayPath } from "../project/read-config-file.js";
import type { PlistDict } from "../profile/plist-xml.js";
import { appendAll } from "../append.js";
import { escapeUnshowable } from "../values.js";
import { shellQuote } from "../shell-quote.js";

/**
 * What `build` does to its output folder: write (under the folder's lock, after clearing what an
 * interrupted run left), compare (--check) and prune (--prune). jcprofile owns only what it
 * writes there: `<out>/<env>/jamf-connect-*.mobileconfig`, its own temp leftovers and the
 * environment folders those empty; every other file is the admin's and is never touched.
 */

export interface OutputContext {
  outDir: string;
  cwd: string;
  /** Every environment of the config was selected, so a profile no file is expected for is stale. */
  allEnvironments: boolean;
  /** The file operations (default node's): a test makes one fail. */
  ops?: FileOps;
}

export interface WriteOutcome {
  /** Leftovers of an interrupted run that were removed, as shown. */
  removedLeftovers: string[];
  /** Stale profiles and emptied folders removed by --prune, as shown. */
  pruned: string[];
  /** What --prune could not remove (or look through), each with why and the fix: the profiles were written. */
  notPruned: string[];
  /** The pid of a dead build whose lock was taken over. */
  tookOverLockFrom: number | undefined;
}

/** A profile to write, with the dictionary its bytes were made from (for --check's first difference). */
export interface ProfileFile extends FileToWrite {
  bytes: Uint8Array;
  dictionary: PlistDict;
}

export async function writeOutput(files: readonly FileToWrite[], context: OutputContext, prune: boolean): Promise<WriteOutcome> {
  const shown = (path: string) => named(context.cwd, path).shown;
  let pruned = { removed: [] as string[], kept: [] as string[] };
  const written = await writeIntoFolder(context.outDir, files, {
    displayPath: shown(context.outDir),
    // biome-ignore lint/suspicious/noThenProperty: writeIntoFolder's step after the writes; the options object is never awaited.
    then: () => {
      if (prune) pruned = pruneSafely(files, context);
    },
    ...(context.ops !== undefined && { ops: context.ops }),
  });
  return { removedLeftovers: written.removedLeftovers.map(shown), pruned: pruned.removed, notPruned: pruned.kept, tookOverLockFrom: written.tookOverLockFrom };
}

/** Pruning runs after the profiles are written: a folder it cannot read is reported like a file it cannot remove. */
function pruneSafely(files: readonly FileToWrite[], context: OutputContext): { removed: string[]; kept: string[] } {
  try {
    return pruneStale(files, context);
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { removed: [], kept: [`${error.message} (stale profiles were not looked for)`] };
  }
}

/** --check: one line per profile that is missing, differs or is stale, and per leftover, each with its fix. */
export async function checkOutput(files: readonly ProfileFile[], context: OutputContext): Promise<string[]> {
  // Only --check needs the plist reader and key-path diff behind this, so a plain build does not load them.
  const { describeFirstDifference } = await import("./first-difference.js");
  const lines: string[] = [];
  for (const file of files) {
    const current = readIfExists(file);
    if (current === undefined) lines.push(`missing: ${file.displayPath}`);
    else if (current === FOLDER) lines.push(`differs: ${file.displayPath} (a folder stands where the profile goes)`);
    else if (!current.equals(file.bytes)) lines.push(`differs: ${file.displayPath} (${describeFirstDifference(current, file.dictionary)})`);
  }
  if (context.allEnvironments) {
    for (const { path, folder } of staleEntries(files, context)) {
      const { shown, quoted } = named(context.cwd, path);
      lines.push(
        folder
          ? `stale: ${shown}${sep} (no environment builds it) — remove it: rm -r ${quoted}`
          : `stale: ${shown} (no environment builds it) — remove it: rm ${quoted}`,
      );
    }
  }
  const deadPid = deadLockHolder(context.outDir);
  if (deadPid !== undefined) {
    const { shown, quoted } = named(context.cwd, join(context.outDir, LOCK_NAME));
    lines.push(`leftover: ${shown} (the lock of build ${deadPid}, which no longer runs) — remove it: rm ${quoted} (the next build also takes it over)`);
  }
  for (const path of findLeftovers(context.outDir)) {
    const { shown, quoted } = named(context.cwd, path);
    lines.push(`leftover: ${shown} (a temp file of an interrupted run) — remove it: rm ${quoted} (the next build also removes it)`);
  }
  return lines;
}

/**
 * Removes stale profiles and the environment folders that leaves empty. The profiles are written by
 * now, so a stale file that cannot be removed stops nothing: it is named, with why, for the
 * command to report (and build's exit code to say), and the others are still removed.
 */
function pruneStale(files: readonly FileToWrite[], context: OutputContext): { removed: string[]; kept: string[] } {
  const removed: string[] = [];
  const kept: string[] = [];
  const emptied = new Set<string>();
  for (const path of staleProfiles(files, context)) {
    try {
      (context.ops ?? nodeFileOps).removeFile(path);
    } catch (error) {
      const { shown, quoted } = named(context.cwd, path);
      kept.push(`${shown}: cannot be removed (${errorCode(error)}) — remove it by hand: rm ${quoted}`);
      continue;
    }
    removed.push(named(context.cwd, path).shown);
    emptied.add(dirname(path));
  }
  for (const folder of emptied) {
    try {
      rmdirSync(folder);
      removed.push(`${named(context.cwd, folder).shown}${sep}`);
    } catch {
      // Something else is in it (the admin's file, a signed/ folder, a stale file that stayed): it stays.
    }
  }
  return { removed, kept };
}

/** Stale profiles, a folder standing for them when they are all it holds. */
function staleEntries(files: readonly FileToWrite[], context: OutputContext): { path: string; folder: boolean }[] {
  const byFolder = new Map<string, string[]>();
  for (const path of staleProfiles(files, context)) byFolder.set(dirname(path), [...(byFolder.get(dirname(path)) ?? []), path]);
  // A folder an environment still builds into (its layout changed) keeps standing: only its stale files go.
  const builtInto = new Set(files.map((file) => dirname(file.path)));
  const entries: { path: string; folder: boolean }[] = [];
  for (const [folder, paths] of byFolder) {
    const rest = listFolder(folder, context.cwd).filter((entry) => !paths.includes(join(folder, entry.name)) && !parseHelperName(entry.name));
    if (rest.length === 0 && !builtInto.has(folder)) entries.push({ path: folder, folder: true });
    else appendAll(entries, paths.map((path) => ({ path, folder: false })));
  }
  return entries;
}

function staleProfiles(files: readonly FileToWrite[], context: OutputContext): string[] {
  if (!context.allEnvironments) return [];
  const expected = new Set(files.map((file) => file.path));
  return builtProfilesIn(context.outDir, context.cwd).filter((path) => !expected.has(path));
}

/** `<out>/<env>/jamf-connect-*.mobileconfig` as jcprofile lays them out. */
function builtProfilesIn(outDir: string, cwd: string): string[] {
  if (!existsSync(outDir)) return [];
  const found: string[] = [];
  for (const entry of listFolder(outDir, cwd)) {
    if (!entry.isDirectory()) continue;
    const folder = join(outDir, entry.name);
    for (const file of listFolder(folder, cwd)) {
      if (file.isFile() && file.name.startsWith("jamf-connect-") && file.name.endsWith(".mobileconfig")) found.push(join(folder, file.name));
    }
  }
  return found.sort();
}

const FOLDER = Symbol("folder");

/** The bytes, not text: a profile someone saved as a binary plist is not UTF-8, and must still be read as one. */
function readIfExists(file: FileToWrite): Buffer | typeof FOLDER | undefined {
  try {
    return readFileSync(file.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    if (code === "EISDIR") return FOLDER;
    throw unreadable(file.displayPath, error);
  }
}

function listFolder(folder: string, cwd: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.name !== LOCK_NAME);
  } catch (error) {
    throw unreadable(named(cwd, folder).shown, error);
  }
}

/** --check reading the output folder: a file where a folder should be, or no permission, is the admin's to fix. */
function unreadable(shown: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  const fix = code === "ENOTDIR" ? "check --out and that no file stands where a folder should be" : "check that the output folder is readable";
  return new UserError(`${shown}: cannot be read (${code}) — ${fix}`);
}

/**
 * A path found in the output folder as a line shows it (a name with a control character or a line
 * break escaped, so it cannot drive the terminal or split the line) and as the command names it.
 */
function named(cwd: string, path: string): { shown: string; quoted: string } {
  const typed = displayPath(cwd, path);
  return { shown: escapeUnshowable(typed), quoted: shellQuote(typed) };
}
