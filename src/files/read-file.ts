import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";

/**
 * Reads a file the admin named (the config, a license) without trusting what it is: a FIFO
 * would block forever, /dev/zero would never end, a huge file would fill memory. Only regular
 * files up to MAX_INPUT_BYTES are read. Returns the bytes, or what is wrong (it reads after the
 * file's name) with its errno code, so callers word "not found" their own way, and a fix when the
 * reader has one (a caller with a better one uses its own).
 */
const MAX_INPUT_BYTES = 10 * 1024 * 1024;

export interface ReadFailure {
  code: string;
  reason: string;
  fix?: string;
}

export type ReadOutcome = { bytes: Buffer } | ReadFailure;

/** The reason with its fix, "what — fix", for a caller that adds nothing of its own. */
export function failureText(failure: ReadFailure): string {
  return failure.fix === undefined ? failure.reason : `${failure.reason} — ${failure.fix}`;
}

const REGULAR_ONLY = "jcprofile reads only regular files";

export function readInputFile(path: string): ReadOutcome {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO that slipped past stat (a race) returns instead of waiting for a writer.
    const before = statSync(path);
    const refused = refuseSpecial(before);
    if (refused) return refused;
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return failure(error);
  }
  try {
    const stats = fstatSync(fd);
    const refused = refuseSpecial(stats);
    if (refused) return refused;
    const bytes = Buffer.alloc(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: bytes.subarray(0, read) };
  } catch (error) {
    return failure(error);
  } finally {
    closeSync(fd);
  }
}

function refuseSpecial(stats: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; size: number }): ReadFailure | undefined {
  if (stats.isDirectory()) return { code: "EISDIR", reason: "is a folder, not a file" };
  if (stats.isFIFO()) return { code: "FIFO", reason: "is a named pipe (FIFO), not a file", fix: REGULAR_ONLY };
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return { code: "DEVICE", reason: "is a device, not a file", fix: REGULAR_ONLY };
  if (stats.isSocket()) return { code: "SOCKET", reason: "is a socket, not a file", fix: REGULAR_ONLY };
  if (!stats.isFile()) return { code: "SPECIAL", reason: "is not a regular file" };
  if (stats.size > MAX_INPUT_BYTES) {
    return { code: "EFBIG", reason: `is ${(stats.size / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_INPUT_BYTES / 1024 / 1024} MB jcprofile reads`, fix: "is it the right file?" };
  }
  return undefined;
}

function failure(error: unknown): ReadFailure {
  const code = (error as NodeJS.ErrnoException).code ?? "EIO";
  if (code === "ENOENT") return { code, reason: "not found" };
  if (code === "EACCES" || code === "EPERM") return { code, reason: "cannot be read (permission denied)" };
  if (code === "ELOOP") return { code, reason: "is a symbolic link that loops (or a chain of links too long)", fix: "point it at the real file" };
  if (code === "ENOTDIR") return { code, reason: "not found (a part of the path is a file, not a folder)" };
  return { code, reason: `cannot be read (${code})` };
}
