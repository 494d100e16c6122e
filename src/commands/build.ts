import type { ExitCodeValue } from "../errors.js";
import type { CommandIo } from "../io.js";
import { createOutput, type Output } from "../output.js";
import { exitCodeFor } from "../problem.js";
import { runBuild, type BuildResult } from "../build-command/run-build.js";
import { shellQuote } from "../shell-quote.js";

export interface BuildFlags {
  config?: string;
  env?: string[];
  out?: string;
  check?: boolean;
  prune?: boolean;
}

export async function buildCommand(flags: BuildFlags, io: CommandIo): Promise<ExitCodeValue> {
  const output = createOutput(io);
  const result = await runBuild({
    cwd: io.cwd,
    ...(flags.config !== undefined && { config: flags.config }),
    ...(flags.env !== undefined && { envs: flags.env }),
    ...(flags.out !== undefined && { out: flags.out }),
    check: flags.check ?? false,
    prune: flags.prune ?? false,
    now: io.now(),
  });
  return reportBuild(result, flags, output);
}

/** What build prints, and its exit code, for a finished run (apart so a test can hand in a result from injected faults). */
const LEFTOVERS_NAMED = 3;

export function reportBuild(result: BuildResult, flags: Omit<BuildFlags, "prune">, output: Output): ExitCodeValue {
  for (const warning of result.warnings) output.warn(warning);
  if (flags.check) {
    if (result.differences.length === 0) output.info(`up to date: ${result.files.length} profiles match the config`);
    else reportDifferences(result.differences, buildCommandFor(flags), output);
    return exitCodeFor([], { failed: result.differences.length > 0 });
  }
  for (const note of result.notes) output.info(note);
  // A run killed in the middle of 1000 environments leaves up to 2000: the first few, then a count.
  const leftovers = result.removedLeftovers;
  for (const leftover of leftovers.slice(0, LEFTOVERS_NAMED)) output.info(`removed a temp file of an interrupted run: ${leftover}`);
  if (leftovers.length > LEFTOVERS_NAMED) output.info(`removed ${leftovers.length - LEFTOVERS_NAMED} more temp files of that run`);
  // One write for the whole list: a line each was 2000 writes to stdout for 1000 environments.
  if (result.files.length > 0) output.data(result.files.join("\n"));
  for (const removed of result.pruned) output.info(`pruned: ${removed}`);
  // The profiles are written; what is left is a stale file in the folder, as --check would find it: exit 1, not "bad input".
  for (const kept of result.notPruned) output.error(`not pruned: ${kept}`);
  if (result.notPruned.length > 0) {
    output.info(`the profiles were written; ${result.notPruned.length === 1 ? "one stale file stays" : `${result.notPruned.length} stale files stay`} in the output folder`);
  }
  return exitCodeFor([], { failed: result.notPruned.length > 0 });
}

/** The build the advice names: with the --config, --out and --env that were checked, so it builds what was compared. */
function buildCommandFor(flags: Omit<BuildFlags, "prune" | "check">): { build: string; prune: string } {
  // commander fills in the default config: naming it again would only make the line longer.
  const config = flags.config !== undefined && flags.config !== "jcprofile.json" ? ` --config ${shellQuote(flags.config)}` : "";
  const out = flags.out !== undefined ? ` --out ${shellQuote(flags.out)}` : "";
  const envs = (flags.env ?? []).map((env) => ` --env ${shellQuote(env)}`).join("");
  return { build: `jcprofile build${config}${out}${envs}`, prune: `jcprofile build${config}${out} --prune` };
}

/** `build --check`'s lines for a folder that differs from the config, and what to run about it. */
function reportDifferences(differences: readonly string[], command: { build: string; prune: string }, output: Output): void {
  for (const difference of differences) output.data(difference);
  // Stale files and leftovers have their own lines below: "run build" is only for profiles that differ.
  const profiles = differences.filter((line) => line.startsWith("missing:") || line.startsWith("differs:")).length;
  if (profiles > 0) output.info(`${profiles} of the built profiles differ — run "${command.build}" and commit the result`);
  if (differences.some((line) => line.startsWith("stale:"))) {
    output.info(`stale profiles: remove them with the commands above, or run "${command.prune}"`);
  }
  if (differences.some((line) => line.startsWith("leftover:"))) output.info(`temp files of an interrupted run: "${command.build}" removes them`);
}
