/**
 * How upload shows its results: one block of lines per profile as it finishes (stdout), its error
 * and notes (stderr), or one JSON array; every text through the run's redactor first.
 */
import type { Output } from "../output.js";
import { problemText } from "../problem.js";
import type { Redactor } from "../jamfpro/redact.js";
import type { UploadResult } from "./run-upload.js";

export function printResult(result: UploadResult, output: Output, redactor: Redactor): void {
  for (const line of formatResult(result)) output.data(redactor.redact(line));
}

export function printMessages(result: UploadResult, output: Output): void {
  const who = `${result.environment} ${result.target} "${result.name}"`;
  if (result.problem !== undefined) output.error(`${who}: ${problemText(result.problem)}`);
  for (const note of result.notes) output.warn(`${who}: ${note}`);
}

export function warnUnusedOverrides(flags: { takeOver?: string[]; allowRemoval?: string[] }, results: readonly UploadResult[], output: Output): void {
  for (const [flag, values] of [["--take-over", flags.takeOver], ["--allow-removal", flags.allowRemoval]] as const) {
    for (const value of values ?? []) {
      // A typo here must not pass unnoticed: the admin expects a refusal to be lifted.
      if (!results.some((result) => result.name === value || String(result.id) === value)) {
        output.warn(`${flag} ${value}: no profile of this upload has that name or Jamf Pro id — check the name or id in the refusal message`);
      }
    }
  }
}

function formatResult(result: UploadResult): string[] {
  const where = result.url !== undefined ? `  id ${result.id}  ${result.url}` : "";
  const note = result.action === "created" || result.action === "would create" ? "  (unscoped: scope it in Jamf Pro)" : "";
  const lines = [`${result.environment}  ${result.target}  ${result.action}  "${result.name}"${where}${note}`];
  for (const change of result.changes) lines.push(change.words !== undefined ? `    ${change.words}` : `    ${change.path}: ${change.old} → ${change.new}`);
  return lines;
}

/**
 * Each text redacted before it is JSON-escaped: a secret with a quote in it would no longer match
 * afterwards. `error` is the line printed on stderr (message — fix); `code` and `fix` are its parts.
 */
export function toJson(result: UploadResult, redact: (text: string) => string): Record<string, unknown> {
  const problem = result.problem;
  return {
    environment: result.environment,
    target: result.target,
    name: redact(result.name),
    action: result.action,
    id: result.id ?? null,
    url: result.url === undefined ? null : redact(result.url),
    changes: result.changes.map((change) => redact(change.path)),
    error: problem === undefined ? null : redact(problemText(problem)),
    code: problem?.code ?? null,
    fix: problem?.fix === undefined ? null : redact(problem.fix),
  };
}

/**
 * The command's output with every line for people redacted. Not `data`: the JSON is redacted field
 * by field before it is escaped (a second pass over escaped text could cut a `\"` in two), and the
 * text lines are redacted where they are printed.
 */
export function redactedOutput(output: Output, redactor: Redactor): Output {
  const clean = (say: (message: string) => void) => (message: string) => say(redactor.redact(message));
  return { ...output, info: clean(output.info), warn: clean(output.warn), error: clean(output.error), detail: clean(output.detail) };
}
