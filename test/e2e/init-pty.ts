/**
 * Runs the built CLI in a pseudo-terminal, as an admin at Terminal would: util-linux `script`
 * gives the child a pty (stdin and stderr are TTYs, raw mode works, Ctrl-C is a key), and
 * `-e` hands back the child's exit code. The test waits for each prompt's text before typing.
 */
import { spawn } from "node:child_process";
import { stripVTControlCharacters } from "node:util";
import { CLI } from "./cli.js";

export const KEYS = { enter: "\r", down: "\x1b[B", up: "\x1b[A", backspace: "\x7f", clearLine: "\x15", ctrlC: "\x03", ctrlD: "\x04" } as const;

export interface PtyRun {
  /** Everything the terminal showed so far, ANSI codes stripped. */
  screen(): string;
  /** Resolves when `pattern` shows up after the previous match; rejects with the screen after `timeoutMs`. */
  waitFor(pattern: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Types text (a short pause first, so the prompt owns the keyboard), then optionally a key. */
  type(text: string, key?: keyof typeof KEYS): Promise<void>;
  press(key: keyof typeof KEYS): Promise<void>;
  exited: Promise<number | null>;
  kill(): void;
}

const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function runInPty(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined>; columns?: number; cli?: string },
): PtyRun {
  // A wide terminal keeps long prompts and hints on one line, so the matching stays simple.
  // The shell prints its pid first: `exec` keeps it for node, so a test can signal the CLI itself.
  const command =
    `stty cols ${options.columns ?? 250} rows 50 2>/dev/null; echo "pid=$$."; ` +
    `exec ${quote(process.execPath)} ${quote(options.cli ?? CLI)} ${args.map(quote).join(" ")}`;
  const env: Record<string, string | undefined> = { ...process.env, TERM: "xterm-256color", ...options.env };
  // A real terminal session: not CI (so ora animates), colour on; the test strips it.
  delete env["CI"];
  delete env["NO_COLOR"];
  const child = spawn("/usr/bin/script", ["-qfec", command, "/dev/null"], { cwd: options.cwd, env, stdio: ["pipe", "pipe", "pipe"] });
  let raw = "";
  let cursor = 0;
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    raw += chunk.toString("utf8");
    for (const listener of listeners) listener();
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  const screen = () => stripVTControlCharacters(raw);

  return {
    screen,
    waitFor(pattern, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const text = screen();
          const rest = text.slice(cursor);
          const match = typeof pattern === "string" ? { index: rest.indexOf(pattern), length: pattern.length } : regexMatch(rest, pattern);
          if (match.index < 0) return false;
          cursor += match.index + match.length;
          return true;
        };
        if (check()) return resolve();
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`timed out waiting for ${String(pattern)}; the screen after the last match:\n${screen().slice(cursor)}`));
        }, timeoutMs);
        const listener = () => {
          if (!check()) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve();
        };
        listeners.add(listener);
        void exited.then(() => setTimeout(() => listener(), 50));
      });
    },
    async type(text, key) {
      await pause(40);
      child.stdin.write(text);
      if (key !== undefined) {
        await pause(40);
        child.stdin.write(KEYS[key]);
      }
    },
    async press(key) {
      await pause(40);
      child.stdin.write(KEYS[key]);
    },
    exited,
    kill: () => child.kill("SIGKILL"),
  };
}

function regexMatch(text: string, pattern: RegExp): { index: number; length: number } {
  const match = pattern.exec(text);
  return match === null ? { index: -1, length: 0 } : { index: match.index, length: match[0].length };
}
