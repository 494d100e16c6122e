/**
 * Runs the built CLI (dist/cli.js) in a child process, as an admin would: no TTY, CI=true (no
 * spinners, no colour). For what only a process shows; everything else runs in-process
 * (test/run-cli.ts), which is many times faster.
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

export function spawnCli(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined>; input?: string; timeoutMs?: number } = { cwd: REPO_ROOT },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, CI: "true", NO_COLOR: "1" };
    // The emulator's CA (vitest.config.ts) makes Node load its whole root store at start-up, ~20 ms
    // of CPU a spawn: only the commands that talk TLS get it (a test may still pass it in env).
    if (!TLS_COMMANDS.has(args[0] ?? "")) delete env["NODE_EXTRA_CA_CERTS"];
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd,
      env: { ...env, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
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
