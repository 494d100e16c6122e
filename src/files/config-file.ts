import { lstatSync, readdirSync, readlinkSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { UserError } from "../errors.js";
import { writeFilesAtomically, type WriteOptions } from "./atomic-write.js";
import type { FileToWrite } from "./file-to-write.js";
import { errorCode, removeFile } from "./file-ops.js";
import { isProcessAlive, parseHelperName } from "./temp-names.js";

/**
 * Saves an edited config (init, import, …). Admins keep jcprofile.json in a dotfiles or config
 * repository and link to it, and set its mode on purpose: the edit goes to the file the link
 * points at (the link stays a link), the file keeps its permission bits, and a failure names the
 * config's folder, where a temp file must be created. The write is all or nothing, as build's.
 */
export async function writeConfigFile(
  config: { path: string; displayPath: string },
  text: string,
  options: Pick<WriteOptions, "ops" | "signals"> & { alongside?: readonly FileToWrite[] } = {},
): Promise<void> {
  const target = followLinks(config);
  const folder = dirname(target);
  removeOwnLeftovers(target);
  const mode = modeOf(target);
  const { alongside = [], ...writeOptions } = options;
  await writeFilesAtomically([{ path: target, displayPath: config.displayPath, text, ...(mode !== undefined && { mode }) }, ...alongside], {
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
