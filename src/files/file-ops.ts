import * as fs from "node:fs";

/**
 * The file system calls the writers make, as one object so that a test can make any of them fail
 * (a full disk, a locked file, another volume) where the fault cannot be produced for real.
 */
export type FileOps = Pick<typeof fs, "mkdirSync" | "writeFileSync" | "chmodSync" | "linkSync" | "copyFileSync" | "renameSync" | "rmdirSync"> & {
  removeFile: typeof removeFile;
};

/**
 * Removes a file; one already gone is no error (`rmSync(path, { force: true })` for a file, without
 * loading fs.rm's recursive remover, which cost every build a few milliseconds of start-up).
 */
export function removeFile(path: fs.PathLike): void {
  try {
    fs.unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

export const nodeFileOps: FileOps = {
  mkdirSync: fs.mkdirSync,
  writeFileSync: fs.writeFileSync,
  chmodSync: fs.chmodSync,
  linkSync: fs.linkSync,
  copyFileSync: fs.copyFileSync,
  renameSync: fs.renameSync,
  removeFile,
  rmdirSync: fs.rmdirSync,
};

/** The errno code of a failed call (EACCES, ENOSPC, …), or its message when it has none. */
export function errorCode(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return code ?? message ?? String(error);
}
