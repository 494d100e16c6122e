/**
 * The program as a process (started by src/launch.ts, the executable): runs it on this process's
 * arguments, folder, environment and streams, and is the only place that exits. It first lets
 * stdout and stderr drain: a pipe takes 64 KiB before a slow reader must catch up, and exiting
 * earlier would cut `--json` off there. Exiting (rather than only setting process.exitCode) then
 * ends keep-alive sockets and timers that libraries may leave behind.
 */
import { run } from "./cli.js";
import { ExitCode } from "./errors.js";
import { drained, processIo } from "./io.js";
import { writeFailure } from "./std-streams.js";

// A function rather than top-level await: the bundle is CommonJS (scripts/bundle.mjs says why).
export async function main(): Promise<void> {
  // Should the event loop ever empty while a command still waits (a bug), a CommonJS file would
  // exit 0, a false success; the ESM entry point this was exited 13 (unsettled top-level await).
  process.exitCode = 13;
  // A reader that stops early (`jcprofile probe --json | head -1`) is not an error of ours: the
  // streams ignore EPIPE (std-streams.ts).
  const io = processIo();
  let code = await run(process.argv.slice(2), io);
  process.exitCode = code;
  await Promise.all([drained(io.stdout), drained(io.stderr)]);
  // Output that could not be written (a full disk, /dev/full) is a failed run, said in one line.
  const lost = writeFailure(1) ?? writeFailure(2);
  if (lost !== undefined) {
    if (writeFailure(2) === undefined) {
      io.stderr.write(`error: could not write to standard output (${lost.code ?? lost.message}): what it shows is incomplete — check the disk or the file it goes to\n`);
      await drained(io.stderr);
    }
    if (code === ExitCode.ok) code = ExitCode.failed;
    process.exitCode = code;
  }
  process.exit(code);
}
