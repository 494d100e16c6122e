/**
 * What a command may touch of the outside world, passed in instead of read from `process`, so that
 * a test can run any command in-process with its own folder, environment and streams.
 */
import { stdStream } from "./std-streams.js";
import type { TerminalStream } from "./terminal.js";

export interface TerminalWritable extends NodeJS.WritableStream, TerminalStream {}

export interface TerminalReadable extends NodeJS.ReadableStream {
  isTTY?: boolean;
}

export interface CommandIo {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: TerminalReadable;
  /** Data for programs: written paths, JSON. */
  readonly stdout: TerminalWritable;
  /** Lines for people: messages, warnings, errors, spinners. */
  readonly stderr: TerminalWritable;
  /**
   * The wall clock: what a license's expiry, a certificate's validity and a signing time are read
   * against. A test hands in a fixed one, so no result depends on the day it runs.
   */
  readonly now: () => Date;
}

export function processIo(): CommandIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    // Read when a command asks: Node makes process.stdin on first read, and for a file or a pipe
    // that loads its file streams and fs/promises (~5 % of a start-up), which most commands never use.
    get stdin() {
      return process.stdin;
    },
    // Written with fs.writeSync while they go to a pipe or a file (std-streams.ts says why).
    stdout: stdStream(1, () => process.stdout),
    stderr: stdStream(2, () => process.stderr),
    now: () => new Date(),
  };
}

/** Resolves once everything written so far has been handed to the OS (or the reader has gone). */
export function drained(stream: NodeJS.WritableStream & { destroyed?: boolean; writableFinished?: boolean }): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed === true || stream.writableFinished === true) return resolve();
    stream.write("", () => resolve());
  });
}
