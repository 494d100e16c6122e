import { existsSync, readdirSync, readFileSync, type Dirent } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { UserError } from "../errors.js";
import { loadConfig, problemsError } from "../config/load.js";
import { formatPath, type Problem } from "../config/problems.js";
import { resolveEnvironment, type ResolvedEnvironment } from "../config/resolve.js";
import type { ConfigFile } from "../config/schema.js";
import { renderEnvironment, type RenderedProfile } from "../render/profile.js";
import { writeFilesAtomically } from "../files/atomic-write.js";

const DEFAULT_CONFIG = "jcprofile.json";

export interface BuildOptions {
  cwd: string;
  config?: string;
  envs?: readonly string[];
  out?: string;
  check?: boolean;
}

export interface BuildResult {
  /** Files written (or, with check, compared), as shown to the user. */
  files: string[];
  warnings: string[];
  /** With check: one line per file that differs, is missing or is stale. */
  differences: string[];
}

/** A path as the admin would type it: relative to where they stand, when it is below it. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === "" || rel.startsWith("..") || rel.startsWith(sep) ? path : rel;
}

export function configLocation(cwd: string, config: string | undefined): { path: string; displayPath: string } {
  const path = resolve(cwd, config ?? DEFAULT_CONFIG);
  return { path, displayPath: config ?? DEFAULT_CONFIG };
}

/** Picks the environments named by --env (all when none), in the config's order. */
function selectEnvironments(config: ConfigFile, requested: readonly string[] | undefined, displayPath: string): string[] {
  const known = Object.keys(config.environments);
  if (!requested || requested.length === 0) return known;
  const unknown = requested.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new UserError(`--env ${unknown.join(", ")}: no such environment in ${displayPath} — it has ${known.join(", ")}`);
  }
  return known.filter((name) => requested.includes(name));
}

/** read → parse → merge → validate → render, for every selected environment, in memory. */
export function renderAll(options: BuildOptions): {
  environments: ResolvedEnvironment[];
  profiles: RenderedProfile[];
  warnings: string[];
  configPath: string;
} {
  const source = configLocation(options.cwd, options.config);
  const { config } = loadConfig(source);
  const names = selectEnvironments(config, options.envs, source.displayPath);
  const problems: Problem[] = [];
  const environments: ResolvedEnvironment[] = [];
  const profiles: RenderedProfile[] = [];
  const licenseCache = new Map();
  for (const name of names) {
    const resolved = resolveEnvironment(config, name, { configDir: dirname(source.path), licenseCache });
    problems.push(...resolved.problems);
    if (!resolved.environment) continue;
    environments.push(resolved.environment);
    const rendered = renderEnvironment(resolved.environment);
    problems.push(...rendered.problems);
    profiles.push(...rendered.profiles);
  }
  const errors = problems.filter((problem) => problem.severity === "error");
  const warnings = problems
    .filter((problem) => problem.severity === "warning")
    .map((problem) => `${source.displayPath}: ${formatPath(problem.path)}: ${problem.message}`);
  if (errors.length > 0) throw problemsError(source.displayPath, errors, warnings);
  return { environments, profiles, warnings, configPath: source.path };
}

export function runBuild(options: BuildOptions): BuildResult {
  const { profiles, warnings, configPath } = renderAll(options);
  const outDir = options.out ? resolve(options.cwd, options.out) : join(dirname(configPath), "out");
  const files = profiles.map((profile) => {
    const path = join(outDir, profile.relativePath);
    return { path, displayPath: displayPath(options.cwd, path), text: profile.text };
  });
  if (options.check) {
    const differences: string[] = [];
    for (const file of files) {
      const current = readIfExists(file);
      if (current === undefined) differences.push(`missing: ${file.displayPath}`);
      else if (current !== file.text) differences.push(`differs: ${file.displayPath}`);
    }
    if (!options.envs || options.envs.length === 0) {
      const expected = new Set(files.map((file) => file.path));
      for (const stale of builtProfilesIn(outDir, options.cwd)) {
        if (!expected.has(stale)) differences.push(`stale: ${displayPath(options.cwd, stale)} (no environment builds it)`);
      }
    }
    return { files: files.map((file) => file.displayPath), warnings, differences };
  }
  writeFilesAtomically(files);
  return { files: files.map((file) => file.displayPath), warnings, differences: [] };
}

function readIfExists(file: { path: string; displayPath: string }): string | undefined {
  try {
    return readFileSync(file.path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    if (code === "EISDIR") return "";
    throw unreadable(file.displayPath, error);
  }
}

/** `<out>/<env>/*.mobileconfig` as jcprofile lays them out. */
function builtProfilesIn(outDir: string, cwd: string): string[] {
  if (!existsSync(outDir)) return [];
  const found: string[] = [];
  for (const entry of listFolder(outDir, cwd)) {
    if (!entry.isDirectory()) continue;
    const folder = join(outDir, entry.name);
    for (const file of listFolder(folder, cwd)) {
      if (file.name.startsWith("jamf-connect-") && file.name.endsWith(".mobileconfig")) found.push(join(folder, file.name));
    }
  }
  return found.sort();
}

function listFolder(folder: string, cwd: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw unreadable(displayPath(cwd, folder), error);
  }
}

/** --check reading the output folder: a file where a folder should be, or no permission, is the admin's to fix. */
function unreadable(shown: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  const fix = code === "ENOTDIR" ? "check --out and that no file stands where a folder should be" : "check that the output folder is readable";
  return new UserError(`${shown}: cannot be read (${code}) — ${fix}`);
}

