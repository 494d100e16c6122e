import { ExitCode, UserError, type ExitCodeValue } from "./errors.js";
import { escapeUnshowable } from "./values.js";

/**
 * One thing wrong (or suspicious) in what the admin wrote: the config, a settings key, a rule
 * between keys, a license file. Every check (schema, catalogue, rules, license, syntax) returns
 * these, so a command can list them all at once and say where each one is.
 */
export interface Problem {
  readonly severity: "error" | "warning";
  /** JSON path from the root of what was checked; a caller that nests it prefixes its own. */
  readonly path: readonly (string | number)[];
  /** Reads after "<path>: ", so it never repeats the path; without `fix`, it ends with the fix. */
  readonly message: string;
  /** How to fix it, when kept apart from the message; shown as "message — fix". */
  readonly fix?: string;
  /** The file as the admin typed it; set by the pipeline. */
  readonly file?: string;
  /** 1-based, when the problem is in the text itself (syntax, encoding). */
  readonly line?: number;
  readonly column?: number;
  /** A stable name for the kind of problem (`unknown-key`, `wrong-type`, a rule's name), for --json. */
  readonly code?: string;
}

export const isError = (problem: Problem): boolean => problem.severity === "error";

/** What a command found besides its problems, as far as its exit code goes. */
export interface Outcome {
  /** Something could not be read or checked at all: exit 2, which outweighs everything else. */
  readonly unreadable?: boolean;
  /** The command's own verdict failed (a file not valid, a profile that differs, a stale file kept): exit 1. */
  readonly failed?: boolean;
  /** Warnings fail too (lint --strict). */
  readonly strict?: boolean;
  /** Something could not be decided (network, timeout, an unexpected answer): exit 3 when nothing failed. */
  readonly inconclusive?: boolean;
}

/**
 * The one place a command's findings become its exit code: 2 when something could not be read,
 * else 1 when the outcome failed or a problem is an error (any problem with `strict`), else 3 when
 * something could not be decided, else 0. A failure outweighs an inconclusive check: a retry
 * cannot mend what was refused, so the admin is sent to fix that first.
 */
export function exitCodeFor(problems: readonly Pick<Problem, "severity">[], outcome: Outcome = {}): ExitCodeValue {
  if (outcome.unreadable === true) return ExitCode.usage;
  if (outcome.failed === true) return ExitCode.failed;
  if (problems.some((problem) => problem.severity === "error" || outcome.strict === true)) return ExitCode.failed;
  return outcome.inconclusive === true ? ExitCode.inconclusive : ExitCode.ok;
}

/** `environments.prod.login.adminRoles[0]` — the path as the admin would write it. */
export function formatPath(path: readonly (string | number)[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else if (!/^[A-Za-z0-9_$-]+$/.test(part)) text += `[${escapeUnshowable(JSON.stringify(part))}]`;
    else text += text === "" ? part : `.${part}`;
  }
  return text === "" ? "(top level)" : text;
}

/**
 * An error about the whole of what was read (a file, an answer, a stored profile), not a place
 * in it: no JSON path, a code, the fix apart when there is one.
 */
export function wholeError<Code extends string>(code: Code, message: string, fix?: string): Problem & { readonly code: Code; readonly severity: "error" } {
  return { severity: "error", path: [], code, message, ...(fix !== undefined && { fix }) };
}

/** The message with its fix: "what is wrong — how to fix it". */
export function problemText(problem: Problem): string {
  return problem.fix !== undefined && problem.fix !== "" ? `${problem.message} — ${problem.fix}` : problem.message;
}

/**
 * A wording kept as one sentence "what — fix" because it is also shown whole elsewhere (a schema
 * message a flag or a prompt repeats, a license verdict), as a Problem's message and fix: split at
 * its first dash, so problemText gives back the same bytes.
 */
export function messageAndFix(text: string): Pick<Problem, "message" | "fix"> {
  const dash = text.indexOf(" — ");
  return dash < 0 ? { message: text } : { message: text.slice(0, dash), fix: text.slice(dash + 3) };
}

/** Where, without the file: `3:14` for text positions, else the JSON path. */
function locate(problem: Problem): string {
  if (problem.line !== undefined) return `${problem.line}:${problem.column ?? 1}`;
  return formatPath(problem.path);
}

/** One line: `jcprofile.json:3:14: message` or `jcprofile.json: environments.prod.tenant: message`. */
export function formatProblem(problem: Problem): string {
  const text = problemText(problem);
  if (problem.file === undefined) return problem.path.length === 0 ? text : `${locate(problem)}: ${text}`;
  const file = problem.file;
  if (problem.line !== undefined) return `${file}:${locate(problem)}: ${text}`;
  if (problem.path.length === 0) return `${file}: ${text}`;
  return `${file}: ${locate(problem)}: ${text}`;
}

/**
 * All errors in one UserError, so the admin fixes them in one pass. One error is one line; more
 * are a count and one line each (the file is named once when they share it).
 */
export function problemsError(errors: readonly Problem[], warnings: readonly Problem[] = [], lead = ""): UserError {
  const shownWarnings = warnings.map(formatProblem);
  if (errors.length === 1) return new UserError(`${lead}${formatProblem(errors[0]!)}`, { warnings: shownWarnings });
  const files = new Set(errors.map((problem) => problem.file ?? ""));
  if (files.size === 1) {
    const [file] = files;
    const details = errors.map((problem) => (problem.line === undefined && problem.path.length === 0 ? problemText(problem) : `${locate(problem)}: ${problemText(problem)}`));
    return new UserError(`${lead}${file}: ${errors.length} problems`, { details, warnings: shownWarnings });
  }
  return new UserError(`${lead}${errors.length} problems`, { details: errors.map(formatProblem), warnings: shownWarnings });
}
