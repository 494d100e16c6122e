import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CLI } from "../e2e/cli.js";

const PRELOAD = fileURLToPath(new URL("./pause-rename.mjs", import.meta.url));

export interface PausedRun {
  /** Resolves with the jcprofile process's pid once it holds before the chosen rename. */
  paused: Promise<number>;
  /** Lets it go on. */
  go(): void;
  /** The exit as a shell reports it ($?: 128 + signal number for a signal), and the output. */
  done: Promise<{ exit: number; stdout: string; stderr: string }>;
}

/**
 * Runs the built CLI under sh, held just before its `pauseAt`th profile rename (pause-rename.mjs),
 * so a test can signal it, kill it or race a second build against it at a known point.
 */
export function runPausedCli(args: readonly string[], options: { cwd: string; pauseAt: number }): PausedRun {
  const control = mkdtempSync(join(tmpdir(), "jcprofile-pause-"));
  const child = spawn("sh", ["-c", 'node --import "$0" "$@"; echo "exit=$?" >&2', PRELOAD, CLI, ...args], {
    cwd: options.cwd,
    env: { ...process.env, CI: "true", NO_COLOR: "1", JCPROFILE_TEST_PAUSE_AT: String(options.pauseAt), JCPROFILE_TEST_PAUSE_DIR: control },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const done = new Promise<{ exit: number; stdout: string; stderr: string }>((resolve, reject) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
    child.on("error", reject);
    child.on("close", () => {
      clearTimeout(timer);
      rmSync(control, { recursive: true, force: true });
      const match = /exit=(\d+)\n$/.exec(stderr);
      resolve({ exit: match ? Number(match[1]) : -1, stdout, stderr: stderr.replace(/exit=\d+\n$/, "") });
    });
  });
  const paused = new Promise<number>((resolve, reject) => {
    const poll = setInterval(() => {
      const marker = join(control, "paused");
      if (existsSync(marker) && readFileSync(marker, "utf8") !== "") {
        clearInterval(poll);
        resolve(Number(readFileSync(marker, "utf8")));
      }
    }, 20);
    void done.then(() => {
      clearInterval(poll);
      reject(new Error(`the CLI ended before it paused:\n${stderr}`));
    });
  });
  paused.catch(() => {});
  const go = () => {
    if (existsSync(control)) writeFileSync(join(control, "go"), "");
  };
  return { paused, go, done };
}
