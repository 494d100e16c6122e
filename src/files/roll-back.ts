import type { FileToWrite } from "./file-to-write.js";
import { errorCode, type FileOps } from "./file-ops.js";

export interface Replaced {
  file: FileToWrite;
  /** The previous file under its helper name; undefined when there was none. */
  backup: string | undefined;
}

/**
 * Undoes a run of writeFilesAtomically: every replaced file gets its previous file back (a rename,
 * atomic like the replacement) or is removed when it is new; temp files, unused backups and the
 * folders the run made go. Returns the files it could not put back, with where their previous
 * content now is, so the error can say so rather than leave a silent mix.
 */
export function rollBack(run: {
  ops: FileOps;
  replaced: readonly Replaced[];
  temps: readonly string[];
  backups: readonly (string | undefined)[];
  created: readonly string[];
}): string[] {
  const { ops } = run;
  const unrestored: string[] = [];
  const putBack = new Set<string>();
  for (const { file, backup } of [...run.replaced].reverse()) {
    try {
      if (backup) {
        ops.renameSync(backup, file.path);
        putBack.add(backup);
      } else {
        ops.removeFile(file.path);
      }
    } catch (error) {
      unrestored.push(backup ? `${file.displayPath} (${errorCode(error)}; its previous content is in ${backup})` : `${file.displayPath} (${errorCode(error)})`);
      if (backup) putBack.add(backup);
    }
  }
  for (const path of [...run.temps, ...run.backups]) {
    if (path && !putBack.has(path)) removeQuietly(ops, path);
  }
  // Deepest first; a folder something else wrote into meanwhile stays.
  for (const folder of [...run.created].reverse()) {
    try {
      ops.rmdirSync(folder);
    } catch {
      // Not empty or already gone: leave it.
    }
  }
  return unrestored;
}

export function removeQuietly(ops: FileOps, path: string): void {
  try {
    ops.removeFile(path);
  } catch {
    // A helper file we cannot remove is reported as a leftover by the next build.
  }
}
