import { mkdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { UserError } from "../errors.js";

export interface FileToWrite {
  path: string;
  displayPath: string;
  /** Text is written as UTF-8; bytes (a signed profile) as they are. */
  text: string | Uint8Array;
}

/**
 * All or nothing: every file is first written beside its target as a temp file; only when all
 * of them are on disk are they renamed into place (a rename within a folder is atomic). On any
 * failure the temp files and the folders this call created are removed and nothing changed.
 */
export function writeFilesAtomically(files: readonly FileToWrite[]): void {
  const temps: string[] = [];
  // Folders made by this call, top first: a file in one of them cannot be a folder already (no
  // stat needed), and on failure they are removed again.
  const created = new Set<string>();
  const ready = new Set<string>();
  try {
    for (const file of files) {
      const folder = dirname(file.path);
      if (!ready.has(folder)) {
        let top: string | undefined;
        try {
          top = mkdirSync(folder, { recursive: true });
        } catch (error) {
          throw new UserError(`${file.displayPath}: cannot create its folder (${describe(error)}) — check --out and that no file stands where a folder should be`);
        }
        if (top) for (const made of foldersBetween(top, folder)) created.add(made);
        ready.add(folder);
      }
      if (!created.has(folder) && isFolder(file.path)) throw new UserError(`${file.displayPath}: is a folder — remove it or choose another --out`);
      const temp = `${file.path}.${process.pid}.tmp`;
      try {
        writeFileSync(temp, file.text, { encoding: "utf8", flag: "wx" });
      } catch (error) {
        throw new UserError(`${file.displayPath}: cannot be written (${describe(error)}) — check that the output folder is writable`);
      }
      temps.push(temp);
    }
  } catch (error) {
    for (const temp of temps) rmSync(temp, { force: true });
    // Remove the folders we made, deepest first; a folder something else wrote into stays.
    for (const folder of [...created].reverse()) removeEmptyTree(folder);
    throw error;
  }
  files.forEach((file, index) => renameSync(temps[index]!, file.path));
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

function removeEmptyTree(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // Not empty or already gone: leave it.
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return code ?? message;
}
