import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import type { FileToWrite } from "./atomic-write.js";

/**
 * Whether a file to write is already in place: its target is a regular file (not a link, folder or
 * FIFO) holding exactly these bytes, with the mode asked for. Such a file is left alone, so a
 * rebuild that changes one environment of a thousand rewrites two profiles, not two thousand, and
 * unchanged profiles keep their modification time (rsync, Munki and backups see no change).
 */
export function alreadyInPlace(file: FileToWrite): boolean {
  let fd: number;
  try {
    // O_NOFOLLOW: a link is replaced, not followed; O_NONBLOCK: a FIFO there does not hang the open.
    fd = openSync(file.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return false;
  }
  try {
    const stat = fstatSync(fd);
    const wanted = file.bytes ?? Buffer.from(file.text ?? "", "utf8");
    if (!stat.isFile() || stat.size !== wanted.length) return false;
    if (file.mode !== undefined && (stat.mode & 0o7777) !== file.mode) return false;
    const current = Buffer.alloc(wanted.length);
    let filled = 0;
    while (filled < current.length) {
      const read = readSync(fd, current, filled, current.length - filled, filled);
      if (read === 0) return false;
      filled += read;
    }
    return current.equals(wanted);
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}
