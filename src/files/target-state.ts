import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import type { FileToWrite } from "./file-to-write.js";

/**
 * What stands where a file is about to be written, found with one open:
 * - `same`: a regular file (not a link) holding exactly these bytes, with the mode asked for. It
 *   is left alone, so a rebuild that changes one environment of a thousand rewrites two profiles,
 *   not two thousand, and unchanged profiles keep their modification time (rsync, Munki and backups
 *   see no change);
 * - `absent`: nothing (the new file needs no copy of a previous one to restore on failure);
 * - `folder`: a folder, or a link to one;
 * - `other`: anything else, replaced by the rename (a link itself, not what it points to).
 */
export type TargetState = "same" | "absent" | "folder" | "other";

export function probeTarget(file: FileToWrite): TargetState {
  let fd: number;
  try {
    // O_NOFOLLOW: a link is replaced, not followed; O_NONBLOCK: a FIFO there does not hang the open.
    fd = openSync(file.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return "absent";
    return code === "ELOOP" && pointsToFolder(file.path) ? "folder" : "other";
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return "folder";
    const size = file.bytes?.length ?? Buffer.byteLength(file.text ?? "", "utf8");
    if (!stat.isFile() || stat.size !== size) return "other";
    if (file.mode !== undefined && (stat.mode & 0o7777) !== file.mode) return "other";
    // Read into, and encode the text into, two buffers kept for the next probe: a rebuild of 1000
    // environments probes 2000 profiles, and two fresh buffers each cost it ~40 ms.
    if (scratch.current.length < size) scratch = { current: Buffer.allocUnsafe(size * 2), wanted: Buffer.allocUnsafe(size * 2) };
    const current = scratch.current.subarray(0, size);
    let filled = 0;
    while (filled < size) {
      const read = readSync(fd, current, filled, size - filled, filled);
      if (read === 0) return "other";
      filled += read;
    }
    const wanted = file.bytes ?? scratch.wanted.subarray(0, scratch.wanted.write(file.text ?? "", 0, "utf8"));
    return current.equals(wanted) ? "same" : "other";
  } catch {
    return "other";
  } finally {
    closeSync(fd);
  }
}

let scratch = { current: Buffer.alloc(0), wanted: Buffer.alloc(0) };

function pointsToFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
