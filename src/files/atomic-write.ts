import { basename, dirname } from "node:path";
import { UserError } from "../errors.js";
import { danglingLinkReason } from "./dangling-link.js";
import { errorCode, nodeFileOps, type FileOps } from "./file-ops.js";
import type { FileToWrite } from "./file-to-write.js";
import { guardSignals, interruptedWrite, letSignalsIn, type SignalGuard, type SignalGuardOptions } from "./signal-guard.js";
import { helperPath } from "./temp-names.js";
import { rollBack, type Replaced } from "./roll-back.js";
import { probeTarget } from "./target-state.js";
import { appendAll } from "../append.js";

export interface WriteOptions {
  /** The folder as messages name it: "the output folder" (default), "the config's folder (…)". */
  folderName?: string;
  /** The flag that chose the paths, for the fix of a folder that cannot be made (default --out). */
  pathFlag?: string;
  ops?: FileOps;
  /** A guard the caller holds (and releases) around more than this write, e.g. with a folder lock. */
  guard?: SignalGuard;
  /** For the guard this call takes when none is given. */
  signals?: SignalGuardOptions;
}

/** How long a write may go without letting a pending signal in. */
const SIGNAL_CHECK_MS = 5;

/**
 * All or nothing. Every file is first written beside its target as a temp file (a name `build`
 * recognises, see temp-names.ts), the files being replaced are kept as hard links (or copies),
 * and only then are the temp files renamed into place. When a write, a rename or a signal stops
 * the run, every file already replaced is put back, every temp file and every folder this call
 * made is removed, and one UserError names the file. A rename within a folder is atomic, so a
 * reader sees the old or the new file, never a part. A file whose target already holds its bytes
 * is left as it is (target-state.ts). Returns the kept copies it could not remove afterwards
 * (`.<name>.jcprofile-old-…`, with the reason), for the caller to name: every file is written.
 */
export async function writeFilesAtomically(files: readonly FileToWrite[], options: WriteOptions = {}): Promise<string[]> {
  const ops = options.ops ?? nodeFileOps;
  const folderName = options.folderName ?? "the output folder";
  const guard = options.guard ?? guardSignals(options.signals);
  // A signal reaches JavaScript only through the event loop, and a loop turn per file made a
  // 2000-file build a third slower: let it in every few milliseconds, and always at the end.
  let lastTurn = Date.now();
  const step = async (always = false) => {
    if (always || Date.now() - lastTurn >= SIGNAL_CHECK_MS) {
      await letSignalsIn();
      lastTurn = Date.now();
    }
    if (guard.caught) throw interruptedWrite(guard.caught);
  };
  const created: string[] = [];
  const temps: string[] = [];
  const backups: (string | undefined)[] = [];
  const replaced: Replaced[] = [];
  let pendingFiles: FileToWrite[] = [];
  try {
    try {
      const pending = await writeTemps(files, { ops, folderName, pathFlag: options.pathFlag ?? "--out", created, temps, step });
      pendingFiles = pending.map(({ file }) => file);
      for (const { file, existing } of pending) backups.push(existing ? keepPrevious(file, ops, folderName) : undefined);
      for (const [index, { file }] of pending.entries()) {
        await step();
        try {
          ops.renameSync(temps[index]!, file.path);
        } catch (error) {
          throw new UserError(`${file.displayPath}: cannot be replaced (${errorCode(error)}) — ${renameFix(errorCode(error), folderName)}`);
        }
        replaced.push({ file, backup: backups[index] });
        temps[index] = "";
      }
      await step(true);
    } catch (error) {
      const unrestored = rollBack({ ops, replaced, temps, backups, created });
      throw withRollBack(error, replaced.length, unrestored);
    }
    // Done: the kept copies go. One that cannot is a leftover the next run removes, and is named now.
    const leftovers: string[] = [];
    for (const [index, backup] of backups.entries()) {
      if (backup === undefined) continue;
      try {
        ops.removeFile(backup);
      } catch (error) {
        const shown = `${dirname(pendingFiles[index]!.displayPath)}/${basename(backup)}`.replace(/^\.\//, "");
        leftovers.push(`${shown} (${errorCode(error)})`);
      }
    }
    return leftovers;
  } finally {
    if (!options.guard) guard.release();
  }
}

/**
 * Writes a temp file beside every target that does not already hold its bytes, and returns those
 * files (in order, matching run.temps) with whether something stands at the target now.
 */
async function writeTemps(
  files: readonly FileToWrite[],
  run: { ops: FileOps; folderName: string; pathFlag: string; created: string[]; temps: string[]; step: () => Promise<void> },
): Promise<{ file: FileToWrite; existing: boolean }[]> {
  const { ops, folderName } = run;
  const ready = new Set<string>();
  const made = new Set<string>();
  const pending: { file: FileToWrite; existing: boolean }[] = [];
  for (const file of files) {
    await run.step();
    const folder = dirname(file.path);
    // A profile already in place needs no mkdir of its folder: a rebuild of 1000 environments
    // spared 1000 calls. Otherwise the folder is made (or found) before anything is written.
    let state = ready.has(folder) ? undefined : probeTarget(file);
    if (state === "same") {
      ready.add(folder);
      continue;
    }
    if (!ready.has(folder)) {
      let top: string | undefined;
      try {
        top = ops.mkdirSync(folder, { recursive: true });
      } catch (error) {
        const dangling = errorCode(error) === "ENOENT" ? danglingLinkReason(folder, dirname(file.displayPath)) : undefined;
        if (dangling !== undefined) throw new UserError(`${file.displayPath}: ${dangling}`);
        throw new UserError(`${file.displayPath}: cannot create its folder (${errorCode(error)}) — check ${run.pathFlag} and that no file stands where a folder should be`);
      }
      if (top) {
        const chain = foldersBetween(top, folder);
        appendAll(run.created, chain);
        for (const each of chain) made.add(each);
      }
      ready.add(folder);
    }
    // In a folder this run made, nothing stands yet.
    state = made.has(folder) ? "absent" : (state ?? probeTarget(file));
    if (state === "same") continue;
    if (state === "folder") throw new UserError(`${file.displayPath}: is a folder — remove it or choose another ${run.pathFlag}`);
    pending.push({ file, existing: state === "other" });
    const temp = helperPath(file.path, "tmp");
    try {
      // Created with the mode it will keep (umask permitting), so it is never more open meanwhile.
      // encoding stated: only then does Node write a string in one native call.
      ops.writeFileSync(temp, file.bytes ?? file.text ?? "", { flag: "wx", encoding: "utf8", ...(file.mode !== undefined && { mode: file.mode }) });
      if (file.mode !== undefined) ops.chmodSync(temp, file.mode);
    } catch (error) {
      // The temp file may exist half-written (a full disk): it is ours to remove.
      ops.removeFile(temp);
      throw new UserError(`${file.displayPath}: cannot be written (${errorCode(error)}) — ${writeFix(errorCode(error), folderName)}`);
    }
    run.temps.push(temp);
  }
  return pending;
}

/** A second name for the file about to be replaced, so a failed run can put it back. */
function keepPrevious(file: FileToWrite, ops: FileOps, folderName: string): string | undefined {
  const backup = helperPath(file.path, "old");
  try {
    ops.linkSync(file.path, backup);
    return backup;
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
  }
  // No hard links here (some network and FAT volumes) or the file refuses them (immutable): copy it.
  try {
    ops.copyFileSync(file.path, backup, 1 /* COPYFILE_EXCL */);
    return backup;
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
    throw new UserError(
      `${file.displayPath}: cannot keep a copy of the current file to restore on failure (${errorCode(error)}) — check that you may read it and write to ${folderName}`,
    );
  }
}

function withRollBack(error: unknown, restored: number, unrestored: readonly string[]): unknown {
  if (!(error instanceof UserError)) return error;
  if (unrestored.length > 0) {
    return new UserError(`${error.message}; could not put back ${unrestored.join(", ")}`, { exitCode: error.exitCode });
  }
  if (restored === 0) return error;
  const what = restored === 1 ? "the file already replaced was" : `the ${restored} files already replaced were`;
  return new UserError(`${error.message} (${what} put back)`, { exitCode: error.exitCode });
}

function writeFix(code: string, folderName: string): string {
  if (code === "ENOSPC" || code === "EDQUOT") return `the disk is full (or over quota) — free some space and run again`;
  if (code === "EROFS") return `${folderName} is on a read-only volume — choose a writable one`;
  return `check that ${folderName} is writable`;
}

function renameFix(code: string, folderName: string): string {
  const unchanged = "nothing was changed";
  if (code === "EPERM" || code === "EACCES") {
    return `${unchanged}; the file may be locked (macOS: chflags nouchg FILE; Linux: chattr -i FILE), or ${folderName} is sticky or not writable for you (only the file's owner may replace it)`;
  }
  if (code === "EXDEV" || code === "EBUSY") return `${unchanged}; the file is a mount point or lies on another volume than its folder — write to a plain folder`;
  return `${unchanged}; check that ${folderName} is writable`;
}

/** `top` and every folder under it down to `deepest`, top first. */
function foldersBetween(top: string, deepest: string): string[] {
  const chain: string[] = [];
  for (let folder = deepest; folder.length >= top.length; folder = dirname(folder)) {
    chain.unshift(folder);
    if (folder === top) break;
  }
  return chain;
}

