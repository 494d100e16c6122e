/**
 * Runs jcprofile in-process through the same seam src/bin.ts uses: `run(args, io)` with a folder,
 * an environment object, string stdin and captured stdout/stderr (no TTY, so no prompts, colour or
 * spinner). Much faster than spawning the built CLI; the few tests that need a real process (exit
 * codes as the shell sees them, TTYs, signals, pipes) use test/e2e/cli.ts's spawnCli instead.
 *
 * TLS: the emulator's certificate is trusted through NODE_EXTRA_CA_CERTS, which vitest.config.ts
 * sets before the test workers start (Node reads it only at start-up), as the e2e tests set it
 * for the spawned CLI.
 */
import { Readable, Writable } from "node:stream";
import { run } from "../src/cli.js";
import type { CommandIo } from "../src/io.js";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  /** The command's whole environment (CI=true and NO_COLOR=1 are added); undefined values are left out. */
  env?: Record<string, string | undefined>;
  input?: string;
  /** The command's wall clock (default: the real one). */
  now?: Date;
}

function capture(sink: { text: string }): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      sink.text += chunk.toString();
      done();
    },
  });
}

export async function runCli(args: readonly string[], options: RunOptions): Promise<CliRun> {
  const out = { text: "" };
  const err = { text: "" };
  const env = Object.fromEntries(
    Object.entries({ CI: "true", NO_COLOR: "1", ...options.env }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const io: CommandIo = {
    cwd: options.cwd,
    env,
    stdin: Readable.from(options.input === undefined || options.input === "" ? [] : [Buffer.from(options.input)]),
    stdout: capture(out),
    stderr: capture(err),
    now: () => options.now ?? new Date(),
  };
  const code = await run(args, io);
  return { code, stdout: out.text, stderr: err.text };
}
