import { readdirSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { isProcessAlive, parseHelperName } from "./temp-names.js";
import { appendAll } from "../append.js";

/**
 * Temp files and kept copies that an interrupted writer (kill -9, a crash, a power cut) left in
 * `folder` or the folders below it, down to `depth` levels. Only names jcprofile makes
 * (temp-names.ts) whose writer no longer runs are returned; a live writer's files are its own.
 */
export function findLeftovers(folder: string, depth = 2): string[] {
  const found: string[] = [];
  // A path is made only for a folder to look into or a leftover found: an output folder of 1000
  // environments holds ~3000 entries, nearly all of them profiles.
  for (const entry of listQuietly(folder)) {
    if (entry.isDirectory()) {
      if (depth > 0) appendAll(found, findLeftovers(join(folder, entry.name), depth - 1));
      continue;
    }
    const helper = parseHelperName(entry.name);
    if (helper && helper.pid !== process.pid && !isProcessAlive(helper.pid)) found.push(join(folder, entry.name));
  }
  return found.sort();
}

/** A folder that cannot be listed has no leftovers we could remove; the write reports it. */
function listQuietly(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}
