import { lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { UserError } from "../errors.js";
import { writeFilesAtomically, type WriteOptions } from "../files/atomic-write.js";
import type { FileToWrite } from "../files/file-to-write.js";
import { errorCode, removeFile } from "../files/file-ops.js";
import { isProcessAlive, parseHelperName } from "../files/temp-names.js";

/**
 * Saves an edited config (init, import, …). Admins keep jcprofile.json in a dotfiles or config
 * repository and link to it, and set its mode on purpose: the edit goes to the file the link
 * points at (the link stays a link), the file keeps its permission bits, and a failure names the
 * config's folder, where a temp file must be created. The write is all or nothing, as build's.
 * Returns the kept copies it could not remove afterwards, for the command to name.
 */
export async function writeConfigFile(
  config: { path: string; displayPath: string },
  text: string,
  options: Pick<WriteOptions, "ops" | "signals"> & { alongside?: readonly FileToWrite[] } = {},
): Promise<string[]> {
  const target = followLinks(config);
  const folder = dirname(target);
  const mode = modeOf(target);
  // A config made read-only on purpose (chmod a-w) is not edited behind that: a rename would replace it regardless.
  if (mode !== undefined && (mode & 0o200) === 0 && !holds(target, text)) {
    throw new UserError(`${config.displayPath}: is read-only (mode ${mode.toString(8).padStart(4, "0")}) — nothing was written; make it writable (chmod u+w ${config.displayPath}) to let jcprofile edit it`);
  }
  removeOwnLeftovers(target);
  const { alongside = [], ...writeOptions } = options;
  return writeFilesAtomically([{ path: target, displayPath: config.displayPath, text, ...(mode !== undefined && { mode }) }, ...alongside], {
    ...writeOptions,
    folderName: `the config's folder (${folder})`,
    pathFlag: "--config",
  });
}

/** The file a chain of symbolic links ends at; a dangling link ends at the file it names. */
function followLinks(config: { path: string; displayPath: string }): string {
  let current = config.path;
  for (let hops = 0; hops < 40; hops++) {
    let isLink: boolean;
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch (error) {
      if (errorCode(error) === "ENOENT") return current;
      throw new UserError(`${config.displayPath}: cannot be read (${errorCode(error)}) — check that you may read the config's folder (${dirname(current)})`);
    }
    if (!isLink) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw new UserError(`${config.displayPath}: too many symbolic links (a loop?) — point it at a real file`);
}

function holds(path: string, text: string): boolean {
  try {
    return readFileSync(path).equals(Buffer.from(text, "utf8"));
  } catch {
    return false;
  }
}

function modeOf(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** Temp files of this config left by an edit that was killed; other files are not ours. */
function removeOwnLeftovers(target: string): void {
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    const helper = parseHelperName(name);
    if (helper?.target === basename(target) && helper.pid !== process.pid && !isProcessAlive(helper.pid)) {
      try {
        removeFile(resolve(dirname(target), name));
      } catch {
        // Not ours to remove after all (another user's folder): it stays, harmless.
      }
    }
  }
}
