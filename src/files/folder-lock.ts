import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { readFileSync } from "node:fs";
import { UserError } from "../errors.js";
import { danglingLinkReason } from "./dangling-link.js";
import { errorCode, nodeFileOps, type FileOps } from "./file-ops.js";
import type { SignalGuard } from "./signal-guard.js";
import { interruptedWrite } from "./signal-guard.js";
import { isProcessAlive } from "./temp-names.js";

/**
 * One writer per output folder. Two builds into one folder at the same time would each replace
 * files atomically, but together they could leave some profiles of one config and some of the
 * other; so a writer first creates `<folder>/.jcprofile.lock` holding its pid and host name, and
 * a second writer waits for it to go. A lock whose process no longer runs on this machine (kill
 * -9, a crash) is taken over. A lock from another host (a shared volume) is never judged stale.
 */
export const LOCK_NAME = ".jcprofile.lock";

export interface LockOptions {
  /** The folder as the admin would type it, for messages. */
  displayPath: string;
  /** How long to wait for another writer before refusing (default 10 s). */
  waitMs?: number;
  pollMs?: number;
  ops?: FileOps;
  /** Checked while waiting, so Ctrl-C does not wait for the other build. */
  guard?: SignalGuard;
}

export interface FolderLock {
  /** The pid of a dead writer whose lock was taken over, to mention to the admin. */
  readonly tookOverFrom: number | undefined;
  /** Removes the lock (only if it is still ours) and the folders made for it, if empty. */
  release(): void;
}

export async function lockFolder(folder: string, options: LockOptions): Promise<FolderLock> {
  const ops = options.ops ?? nodeFileOps;
  const lockPath = join(folder, LOCK_NAME);
  const shownLock = join(options.displayPath, LOCK_NAME);
  const created = makeFolder(folder, ops, options.displayPath);
  const mine = `${process.pid} ${hostname()}\n`;
  const deadline = Date.now() + (options.waitMs ?? 10_000);
  let tookOverFrom: number | undefined;
  for (;;) {
    try {
      ops.writeFileSync(lockPath, mine, { flag: "wx" });
      break;
    } catch (error) {
      if (errorCode(error) !== "EEXIST") {
        removeFolders(created, ops);
        throw new UserError(`${shownLock}: cannot be created (${errorCode(error)}) — check that ${options.displayPath} is writable`);
      }
    }
    const holder = readHolder(lockPath);
    // The writer is gone (kill -9, a crash): its lock is a leftover. (Two runs taking over the same
    // stale lock in the same instant could both succeed; the content check keeps that window tiny.)
    if (holder && holder.host === hostname() && !isProcessAlive(holder.pid) && readText(lockPath) === holder.text && removes(lockPath, ops)) {
      tookOverFrom = holder.pid;
      continue;
    }
    if (options.guard?.caught) throw interruptedWrite(options.guard.caught);
    if (Date.now() >= deadline) {
      const who = holder ? `another jcprofile (pid ${holder.pid}${holder.host === hostname() ? "" : ` on ${holder.host}`})` : "another jcprofile";
      throw new UserError(
        `${options.displayPath}: ${who} is writing to this folder — run again when it has finished; if no jcprofile is running, remove ${shownLock}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 50));
  }
  let released = false;
  return {
    tookOverFrom,
    release() {
      if (released) return;
      released = true;
      if (readText(lockPath) === mine) removes(lockPath, ops);
      removeFolders(created, ops);
    },
  };
}

/** The pid of a writer on this machine that left its lock in `folder` and no longer runs. */
export function deadLockHolder(folder: string): number | undefined {
  const holder = readHolder(join(folder, LOCK_NAME));
  return holder && holder.host === hostname() && !isProcessAlive(holder.pid) ? holder.pid : undefined;
}

/** A lock that cannot be removed is reported (refused, or a leftover to the next run), never a crash. */
function removes(path: string, ops: FileOps): boolean {
  try {
    ops.removeFile(path);
    return true;
  } catch {
    return false;
  }
}

function makeFolder(folder: string, ops: FileOps, shown: string): string[] {
  let top: string | undefined;
  try {
    top = ops.mkdirSync(folder, { recursive: true });
  } catch (error) {
    const dangling = errorCode(error) === "ENOENT" ? danglingLinkReason(folder, shown, "--out") : undefined;
    if (dangling !== undefined) throw new UserError(`${shown}: ${dangling}`);
    const what = errorCode(error) === "EEXIST" ? "is a file, not a folder" : `cannot create the folder (${errorCode(error)})`;
    throw new UserError(`${shown}: ${what} — check --out and that no file stands where a folder should be`);
  }
  const chain: string[] = [];
  if (top === undefined) return chain;
  for (let path = folder; path.length >= top.length; path = dirname(path)) {
    chain.push(path);
    if (path === top) break;
  }
  return chain; // deepest first
}

function removeFolders(deepestFirst: readonly string[], ops: FileOps): void {
  for (const folder of deepestFirst) {
    try {
      ops.rmdirSync(folder);
    } catch {
      return; // Not empty (files were written) or gone: its parents stay too.
    }
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** `<pid> <host>`; undefined while the other writer has created the file but not yet filled it. */
function readHolder(path: string): { pid: number; host: string; text: string } | undefined {
  const text = readText(path);
  const match = text === undefined ? null : /^(\d+) (\S+)\n$/.exec(text);
  return match ? { pid: Number(match[1]), host: match[2]!, text: text! } : undefined;
}
