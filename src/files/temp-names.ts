import { basename, dirname, join } from "node:path";

/**
 * Names of the files jcprofile keeps beside a target while it writes: `tmp` holds the new bytes
 * until the rename, `old` keeps the previous file so a failed run can put it back. Both start
 * with a dot (hidden in Finder and `ls`) and carry the writer's pid, so a later run can tell a
 * leftover of a dead process from the work of a live one.
 */
export type HelperKind = "tmp" | "old";

const HELPER = /^\.(.+)\.jcprofile-(tmp|old)-(\d+)-[0-9a-f]+$/;

/**
 * The hex tail: 32 random bits drawn once per process, then a counter. Drawing them per file cost
 * a 1000-environment build ~50 ms; the names only have to differ from each other and from a dead
 * run's leftovers with the same pid, and `wx` refuses any clash anyway. So Math.random (seeded by
 * V8 from the OS's entropy) serves: node:crypto's randomBytes would load Node's whole crypto family
 * (~7 % of a `jcprofile build` start-up) for these four bytes.
 */
let token: number | undefined;
let counter = 0;

export function helperPath(target: string, kind: HelperKind, pid = process.pid): string {
  token ??= Math.floor(Math.random() * 0x100000000);
  const tail = `${token.toString(16).padStart(8, "0")}${(counter++).toString(16)}`;
  return join(dirname(target), `.${basename(target)}.jcprofile-${kind}-${pid}-${tail}`);
}

export interface HelperName {
  /** The name of the file it was written for. */
  target: string;
  kind: HelperKind;
  pid: number;
}

/** What a file name says about the run that left it, or undefined when jcprofile did not make it. */
export function parseHelperName(name: string): HelperName | undefined {
  const match = HELPER.exec(name);
  if (!match) return undefined;
  return { target: match[1]!, kind: match[2] as HelperKind, pid: Number(match[3]) };
}

/** Whether a process with this pid runs on this machine (EPERM: it runs, as another user). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
