import { join } from "node:path";
import { UserError } from "../errors.js";
import type { FileOps } from "../files/file-ops.js";
import { displayPath, outputFolder } from "../project/read-config-file.js";
import { loadAndRender } from "../project/load-and-render.js";
import { formatProblem } from "../problem.js";
import { checkOutput, writeOutput } from "./output-folder.js";

export interface BuildOptions {
  cwd: string;
  config?: string;
  envs?: readonly string[];
  out?: string;
  check?: boolean;
  /** Also remove stale profiles (and the folders that leaves empty) from the output folder. */
  prune?: boolean;
  /** The command's clock, for a license's expiry. */
  now?: Date;
  /** The file operations of the write and of --prune (default node's): a test makes one fail. */
  ops?: FileOps;
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
  /** Stale profiles --prune could not remove, each with why and the fix (the profiles were written). */
  notPruned: string[];
  /** Things the admin should know, e.g. that a dead build's lock was taken over. */
  notes: string[];
}

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  if (options.prune && options.check) throw new UserError("--check writes nothing and --prune removes files — use one of them");
  const selected = options.envs !== undefined && options.envs.length > 0;
  if (options.prune && selected) {
    throw new UserError("--prune needs every environment to know which profiles are stale — leave out --env");
  }
  const { profiles, warnings: found, source } = loadAndRender(options);
  const warnings = found.map(formatProblem);
  const outDir = outputFolder(options.cwd, options.out, source);
  const files = profiles.map((profile) => {
    const path = join(outDir, profile.relativePath);
    return { path, displayPath: displayPath(options.cwd, path), text: profile.text, dictionary: profile.dictionary };
  });
  const context = { outDir, cwd: options.cwd, allEnvironments: !selected, ...(options.ops !== undefined && { ops: options.ops }) };
  const shown = files.map((file) => file.displayPath);
  if (options.check) return { files: shown, warnings, differences: await checkOutput(files, context), removedLeftovers: [], pruned: [], notPruned: [], notes: [] };
  const outcome = await writeOutput(files, context, options.prune ?? false);
  const notes = outcome.tookOverLockFrom === undefined ? [] : [`took over the lock of build ${outcome.tookOverLockFrom}, which no longer runs`];
  return { files: shown, warnings, differences: [], removedLeftovers: outcome.removedLeftovers, pruned: outcome.pruned, notPruned: outcome.notPruned, notes };
}
