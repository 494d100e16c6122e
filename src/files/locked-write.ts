import { writeFilesAtomically, type WriteOptions } from "./atomic-write.js";
import type { FileToWrite } from "./file-to-write.js";
import { removeFile } from "./file-ops.js";
import { lockFolder } from "./folder-lock.js";
import { findLeftovers } from "./leftovers.js";
import { guardSignals } from "./signal-guard.js";

export interface LockedWrite {
  /** Leftovers of an interrupted run that were removed (absolute paths). */
  removedLeftovers: string[];
  /** The pid of a dead writer whose lock was taken over. */
  tookOverLockFrom: number | undefined;
}

/**
 * Writes files into a folder jcprofile owns (build's and sign's output folders): under the
 * folder's lock, after removing what an interrupted run left below it, all or nothing. `then`
 * runs under the same lock after a successful write (build --prune). Signals are held off for
 * the whole of it, so Ctrl-C never leaves the lock behind.
 */
export async function writeIntoFolder(
  folder: string,
  files: readonly FileToWrite[],
  options: { displayPath: string; then?: () => void } & Pick<WriteOptions, "folderName" | "ops">,
): Promise<LockedWrite> {
  const guard = guardSignals();
  try {
    const lock = await lockFolder(folder, { displayPath: options.displayPath, guard, ...(options.ops && { ops: options.ops }) });
    try {
      const removedLeftovers = findLeftovers(folder).filter(removeQuietly);
      await writeFilesAtomically(files, { guard, ...(options.folderName && { folderName: options.folderName }), ...(options.ops && { ops: options.ops }) });
      options.then?.();
      return { removedLeftovers, tookOverLockFrom: lock.tookOverFrom };
    } finally {
      lock.release();
    }
  } finally {
    guard.release();
  }
}

/** A leftover that cannot be removed stays reported by build --check; it does not stop the write. */
function removeQuietly(path: string): boolean {
  try {
    removeFile(path);
    return true;
  } catch {
    return false;
  }
}
