/**
 * The built CLI run as another user, `nobody` (through setpriv), for what only a second user shows:
 * a file its user cannot read, a sticky folder where another user owns a profile.
 *
 * nobody cannot enter a private (0700) folder, and a checkout often sits in one: a clone inside
 * `mktemp -d`, root's home, a CI workspace. So nobody never runs or reads anything in the checkout:
 * stageCli copies the package as npm would install it (package.json, its `files`, the runtime
 * packages a test needs) into a folder under the system temp folder that everyone may read, and
 * runAsNobody copies the NODE_EXTRA_CA_CERTS file there too. The files under test are the test's
 * own, in a temp folder it hands to openToOthers.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, lstatSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { REPO_ROOT, tempDir } from "../folders.js";
import type { CliRun } from "../run-cli.js";
import { cliEnv, spawnProgram, type SpawnOptions } from "./cli.js";

/** nobody's user and group id (nogroup on Debian): chown takes numbers. */
export const NOBODY = 65534;
const SETPRIV = [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups"];

/** A staged copy of the package: its folder and the CLI's entry point (package.json's bin) in it. */
export interface StagedCli {
  root: string;
  cli: string;
}

/** Every folder below `path` (and it) 0755, every file 0644, or 0755 when it was executable: so nobody may read them. */
export function openToOthers(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  if (!stat.isDirectory()) return chmodSync(path, stat.mode & 0o111 ? 0o755 : 0o644);
  chmodSync(path, 0o755);
  for (const entry of readdirSync(path)) openToOthers(join(path, entry));
}

/**
 * Copies the package at `from` as npm would install it into `into`: package.json, what its `files`
 * lists (dist/, templates/ and schema/, which dist/cli.js finds by walking up to package.json) and
 * node_modules/<name> for each of `packages` (the bundle leaves some packages external; a package's
 * own dependencies must be named too).
 */
export function stageCli(from: string, into: string, packages: readonly string[] = []): StagedCli {
  const pkg = JSON.parse(readFileSync(join(from, "package.json"), "utf8")) as { files: string[]; bin: Record<string, string> };
  const listed = pkg.files.filter((entry) => !entry.startsWith("!"));
  for (const entry of ["package.json", ...listed, ...packages.map((name) => join("node_modules", name))]) {
    cpSync(join(from, entry), join(into, entry), { recursive: true });
  }
  // What `files` leaves out again, written `!<folder>/**/*<ending>` (dist's code caches).
  for (const entry of pkg.files.filter((each) => each.startsWith("!"))) {
    const [, folder, ending] = /^!([^*]+)\/\*\*\/\*([^*/]+)$/.exec(entry) ?? [];
    if (folder === undefined || ending === undefined) throw new Error(`stageCli: package.json's files entry ${entry} is not !<folder>/**/*<ending>`);
    for (const path of readdirSync(join(into, folder), { recursive: true, encoding: "utf8" })) {
      if (path.endsWith(ending)) rmSync(join(into, folder, path));
    }
  }
  openToOthers(into);
  return { root: into, cli: join(into, pkg.bin["jcprofile"]!) };
}

/** The hooks of a test file that runs the CLI as nobody: this checkout staged before its tests, removed after them. */
export function useStagedCli(use: (staged: StagedCli) => void, options: { packages?: readonly string[] } = {}): void {
  let cleanup = () => {};
  beforeAll(() => {
    const made = tempDir("jcprofile-staged-");
    cleanup = made.cleanup;
    use(stageCli(REPO_ROOT, made.dir, options.packages));
  });
  afterAll(() => cleanup());
}

/** Runs the staged CLI as nobody in `options.cwd`, as spawnCli runs the checkout's (CI=true, NO_COLOR=1, no TTY). */
export function runAsNobody(staged: StagedCli, args: readonly string[], options: SpawnOptions): Promise<CliRun> {
  const env = cliEnv(args, options.env);
  const ca = env["NODE_EXTRA_CA_CERTS"];
  // Node warns on stderr when it cannot read this file, so nobody gets a copy it can read.
  if (ca !== undefined) {
    env["NODE_EXTRA_CA_CERTS"] = join(staged.root, "extra-ca-certs.pem");
    copyFileSync(ca, env["NODE_EXTRA_CA_CERTS"]);
    chmodSync(env["NODE_EXTRA_CA_CERTS"], 0o644);
  }
  return spawnProgram("setpriv", [...SETPRIV, process.execPath, staged.cli, ...args], { ...options, env });
}

let why: { reason: string | undefined } | undefined;

/**
 * Why the CLI cannot run as nobody here, or undefined when it can: setpriv needs root and must be
 * installed and allowed to switch users, and nobody must be able to run node and to read a file
 * in the system temp folder (where the staged copy and the tests' folders are).
 */
export function whyNobodyCannotRun(): string | undefined {
  why ??= { reason: probeNobody() };
  return why.reason;
}

function probeNobody(): string | undefined {
  if (process.getuid?.() !== 0) return "not run as root, so setpriv cannot switch to another user";
  const probe = tempDir("jcprofile-nobody-");
  try {
    writeFileSync(join(probe.dir, "probe.cjs"), "");
    openToOthers(probe.dir);
    const run = spawnSync("setpriv", [...SETPRIV, process.execPath, join(probe.dir, "probe.cjs")], { encoding: "utf8" });
    const code = (run.error as NodeJS.ErrnoException | undefined)?.code;
    if (code === "ENOENT") return "setpriv is not installed";
    if (run.error) return `setpriv cannot be run (${code ?? run.error.message})`;
    if (run.status === 0) return undefined;
    // Node's stack starts with where it threw; the error itself is the line worth a title.
    const lines = run.stderr.trim().split("\n");
    const error = lines.find((line) => /^\w*Error\b/.test(line)) ?? lines.at(-1);
    return `setpriv cannot run ${process.execPath} as nobody on a file in ${tmpdir()}: ${error}`;
  } finally {
    probe.cleanup();
  }
}

/** A test's title, with why it is skipped when it is. */
export function titled(title: string, skipReason: string | undefined): string {
  return skipReason === undefined ? title : `${title} (skipped: ${skipReason})`;
}
