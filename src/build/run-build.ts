import { dirname, join, relative, resolve, sep } from "node:path";
import { UserError } from "../errors.js";
import { loadConfig, problemsError } from "../config/load.js";
import { formatPath, type Problem } from "../config/problems.js";
import { resolveEnvironment, type ResolvedEnvironment } from "../config/resolve.js";
import type { ConfigFile } from "../config/schema.js";
import { renderEnvironment, type RenderedProfile } from "../render/profile.js";
import { checkOutput, writeOutput } from "./output-folder.js";

const DEFAULT_CONFIG = "jcprofile.json";

export interface BuildOptions {
  cwd: string;
  config?: string;
  envs?: readonly string[];
  out?: string;
  check?: boolean;
  /** Also remove stale profiles (and the folders that leaves empty) from the output folder. */
  prune?: boolean;
}

export interface BuildResult {
  /** Files written (or, with check, compared), as shown to the user. */
  files: string[];
  warnings: string[];
  /** With check: one line per file that differs, is missing or is stale, or a leftover, with its fix. */
  differences: string[];
  /** Temp files of an interrupted run that this build removed, as shown. */
  removedLeftovers: string[];
  /** Stale profiles and emptied folders that --prune removed, as shown. */
  pruned: string[];
  /** Things the admin should know, e.g. that a dead build's lock was taken over. */
  notes: string[];
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

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  if (options.prune && options.check) throw new UserError("--check writes nothing and --prune removes files — use one of them");
  const selected = options.envs !== undefined && options.envs.length > 0;
  if (options.prune && selected) {
    throw new UserError("--prune needs every environment to know which profiles are stale — leave out --env");
  }
  const { profiles, warnings, configPath } = renderAll(options);
  const outDir = options.out ? resolve(options.cwd, options.out) : join(dirname(configPath), "out");
  const files = profiles.map((profile) => {
    const path = join(outDir, profile.relativePath);
    return { path, displayPath: displayPath(options.cwd, path), text: profile.text };
  });
  const context = { outDir, cwd: options.cwd, allEnvironments: !selected };
  const shown = files.map((file) => file.displayPath);
  if (options.check) return { files: shown, warnings, differences: checkOutput(files, context), removedLeftovers: [], pruned: [], notes: [] };
  const outcome = await writeOutput(files, context, options.prune ?? false);
  const notes = outcome.tookOverLockFrom === undefined ? [] : [`took over the lock of build ${outcome.tookOverLockFrom}, which no longer runs`];
  return { files: shown, warnings, differences: [], removedLeftovers: outcome.removedLeftovers, pruned: outcome.pruned, notes };
}
