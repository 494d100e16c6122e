/**
 * stdout and stderr for the process (io.ts's processIo), written without Node's stream objects
 * while they go to a pipe or a file. Making process.stdout for a pipe loads Node's net and streams
 * modules (~5 % of a bare start-up, and again for stderr), which `build` only needs to print a few
 * lines. On Linux Node writes to pipes and files synchronously anyway; here each write is one
 * fs.writeSync, in order, before the call returns.
 *
 * A terminal (or any character device) gets the real stream at once: colour, columns, prompts and
 * spinners need it. Anything but `write` on a pipe or file (an `on`, a `columns`, a prompt given
 * the stream) makes the real stream, and from then on every write goes through it, after those
 * already made. So does a write the descriptor refuses with EAGAIN (a non-blocking pipe another
 * process shares), from the first byte not written. A reader that has gone (EPIPE) is not an
 * error of ours, as before: the rest is dropped. Any other failure (a full disk, /dev/full, an I/O
 * error) drops the rest too, and is kept for writeFailure: bin.ts says it in one line and the exit
 * code is not 0 — never a stack trace, and the command still finishes what it was doing.
 */
import fs from "node:fs";
import type { TerminalStream } from "./terminal.js";

type WriteCallback = (error?: Error | null) => void;

/** io.ts's TerminalWritable (not imported: io.ts imports this file). */
type StdStream = NodeJS.WritableStream & TerminalStream;

const failures = new Map<number, NodeJS.ErrnoException>();

/** The first write to `fd` that failed for another reason than a reader gone (EPIPE), if any. */
export function writeFailure(fd: number): NodeJS.ErrnoException | undefined {
  return failures.get(fd);
}

function failed(fd: number, error: NodeJS.ErrnoException): void {
  if (error.code !== "EPIPE" && !failures.has(fd)) failures.set(fd, error);
}

/** `fd` (1 or 2) as a stream; `made` is Node's stream for it (process.stdout or process.stderr), made only when needed. */
export function stdStream(fd: number, made: () => NodeJS.WriteStream): StdStream {
  const real = (): NodeJS.WriteStream => {
    const stream = made();
    stream.on("error", (error: NodeJS.ErrnoException) => failed(fd, error));
    return stream;
  };
  if (isCharacterDeviceOrUnknown(fd)) return real();
  let stream: NodeJS.WriteStream | undefined;
  let gone = false;
  const direct = {
    isTTY: false,
    get destroyed(): boolean {
      return gone;
    },
    writableFinished: false,
    write(chunk: string | Uint8Array, encodingOrCallback?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean {
      const done = typeof encodingOrCallback === "function" ? encodingOrCallback : callback;
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, typeof encodingOrCallback === "string" ? encodingOrCallback : "utf8") : chunk;
      let written = 0;
      try {
        while (!gone && written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EAGAIN") {
          stream ??= real();
          return stream.write(bytes.subarray(written), done);
        }
        gone = true;
        failed(fd, error as NodeJS.ErrnoException);
      }
      if (done !== undefined) process.nextTick(done);
      return true;
    },
  };
  return new Proxy(direct, {
    get(target, key, receiver) {
      if (stream === undefined && key in target) return Reflect.get(target, key, receiver);
      stream ??= real();
      const value = Reflect.get(stream, key, stream);
      return typeof value === "function" ? value.bind(stream) : value;
    },
  }) as unknown as StdStream;
}

/** A terminal (or /dev/null) is a character device; a descriptor fstat cannot read is left to Node's stream too. */
function isCharacterDeviceOrUnknown(fd: number): boolean {
  try {
    return fs.fstatSync(fd).isCharacterDevice();
  } catch {
    return true;
  }
}
