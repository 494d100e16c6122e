/**
 * Runs the built CLI (dist/cli.js) in a child process, as an admin would: no TTY, CI=true (no
 * spinners, no colour). For what only a process shows; everything else runs in-process
 * (test/run-cli.ts), which is many times faster. As another user, it runs through as-nobody.ts.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "../folders.js";
import type { CliRun } from "../run-cli.js";

export { buildHelperFiles, copyExample, EXAMPLE_CONFIG, EXAMPLE_PROFILES, EXAMPLES, listFiles, REPO_ROOT, tempDir, useTempDir } from "../folders.js";
export type { CliRun } from "../run-cli.js";

export const CLI = join(REPO_ROOT, "dist", "cli.js");

/** The commands that talk to Entra or Jamf Pro. */
const TLS_COMMANDS = new Set(["probe", "init", "upload"]);

export interface SpawnOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
}

export function spawnCli(args: readonly string[], options: SpawnOptions = { cwd: REPO_ROOT }): Promise<CliRun> {
  return spawnProgram(process.execPath, [CLI, ...args], { ...options, env: cliEnv(args, options.env) });
}

/** The environment the CLI runs with: this process's, CI=true and NO_COLOR=1, then `env` over it. */
export function cliEnv(args: readonly string[], env: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const base: Record<string, string | undefined> = { ...process.env, CI: "true", NO_COLOR: "1" };
  // The emulator's CA (vitest.config.ts) makes Node load its whole root store at start-up, ~20 ms
  // of CPU a spawn: only the commands that talk TLS get it (a test may still pass it in env).
  if (!TLS_COMMANDS.has(args[0] ?? "")) delete base["NODE_EXTRA_CA_CERTS"];
  return { ...base, ...env };
}

/** Runs `command` with `options.env` as its whole environment, no TTY, killed after the timeout (20 s): its exit code and output. */
export function spawnProgram(command: string, argv: readonly string[], options: SpawnOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: options.cwd, env: options.env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 20_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}

/** Runs a shell pipeline (/bin/sh -c) in `cwd`, as the CLI's tests run it (CI=true, NO_COLOR=1), and returns its stdout. */
export function runShell(command: string, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("/bin/sh", ["-c", command], { cwd, env: { ...process.env, CI: "true", NO_COLOR: "1" } });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.on("error", reject);
    child.on("close", () => resolve(stdout));
  });
}
