import type { ExitCodeValue } from "../errors.js";
import { runImport } from "../import/run-import.js";
import type { CommandIo } from "../io.js";
import { terminalPrompter } from "../prompt/terminal-prompter.js";
import { createOutput } from "../output.js";
import { exitCodeFor, formatProblem } from "../problem.js";
import { PAYLOAD_PARTS } from "../profile/layout.js";
import type { Prompter } from "../prompt/prompter.js";

export interface ImportFlags {
  readonly files: readonly string[];
  readonly env: string;
  readonly config?: string;
  readonly organization?: string;
  readonly identifier?: string;
  readonly domain?: string;
  readonly tenant?: string;
  readonly yes?: boolean;
}

/**
 * `jcprofile import FILE... --env NAME`: written paths on stdout; notes, the diff, the keys
 * jcprofile adds and the rule problems of a faithful import on stderr.
 */
export async function importCommand(flags: ImportFlags, io: CommandIo): Promise<ExitCodeValue> {
  const ui = createOutput(io);
  // The question before replacing an environment needs a keyboard and somewhere to draw.
  const isTTY = Boolean(io.stdin.isTTY) && Boolean(io.stderr.isTTY);
  let prompter: Prompter | undefined;
  if (isTTY) {
    prompter = await terminalPrompter(io, { cancelMessage: "import cancelled — nothing was written" });
  }
  const result = await runImport({
    cwd: io.cwd,
    files: flags.files,
    env: flags.env,
    ...(flags.config !== undefined && { config: flags.config }),
    ...(flags.organization !== undefined && { organization: flags.organization }),
    ...(flags.identifier !== undefined && { identifier: flags.identifier }),
    ...(flags.domain !== undefined && { domain: flags.domain }),
    ...(flags.tenant !== undefined && { tenant: flags.tenant }),
    yes: flags.yes === true,
    isTTY,
    ...(prompter !== undefined && { prompter }),
    ui,
    now: io.now(),
  });
  for (const path of result.written) ui.data(path);
  if (result.unknownKeys.length > 0) {
    // Each key is named by the pipeline's own warning (above), with a suggestion when it looks like a typo.
    const keys = result.unknownKeys.length === 1 ? "1 key" : `${result.unknownKeys.length} keys`;
    ui.warn(`kept ${keys} unknown to jcprofile's catalogue (${result.unknownKeys.join(", ")}); the environment passes them through with unknownKeys "warn" — check each against Jamf's documentation`);
  }
  if (result.added.length > 0) {
    ui.info(`jcprofile adds ${result.added.length === 1 ? "a key" : "keys"} the source did not have (a value it always writes, or a default made explicit):`);
    for (const key of result.added) ui.info(`  ${key}`);
  }
  if (result.problems.length > 0) {
    ui.error(`imported faithfully, but the source breaks ${result.problems.length === 1 ? "a rule" : `${result.problems.length} rules`} — fix ${result.problems.length === 1 ? "it" : "them"} in the config (build reports the same):`);
    for (const problem of result.problems) ui.error(`  ${formatProblem(problem)}`);
  } else {
    const kept = result.kept.map((part) => `${PAYLOAD_PARTS[part].title} settings`).join(" and ");
    const keptNote = kept === "" ? "" : `; its ${kept} were kept`;
    ui.info(`environment "${flags.env}" imported: every source key comes back identical when built${keptNote} — run "jcprofile build --env ${flags.env}"`);
  }
  // runImport's problems are the config's errors (its warnings were shown above): each fails the import.
  return exitCodeFor(result.problems);
}
