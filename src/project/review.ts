/**
 * Shows what init is about to change — only the one environment (and a top-level field a flag
 * changed), as a line diff — and gets the admin's yes. Replacing an environment nobody has seen
 * the diff of needs --yes.
 */
import { ExitCode, UserError } from "../errors.js";
import type { ConfigSource } from "./read-config-file.js";
import { formatJson } from "./write-config.js";
import type { ChangePlan } from "./config-edit.js";
import { diffLines, formatDiff } from "./diff.js";
import type { Prompter } from "../prompt/prompter.js";
import type { Output } from "../output.js";
import { appendAll } from "../append.js";
import { escapeUnshowable } from "../values.js";

export interface Review {
  ui: Output;
  prompter: Prompter | undefined;
  interactive: boolean;
  /** Names the command in "… stopped — nothing was written" (default init). */
  command?: string;
  yes: boolean;
  source: ConfigSource;
}

/**
 * The lines of `"name": { … }` as the environment is written, a C1 or bidirectional control in a
 * value escaped as JSON writes it, so the review shows what is there without it acting on the terminal.
 */
function memberLines(name: string, value: unknown): string[] {
  return `${JSON.stringify(name)}: ${formatJson(value)}`.split("\n").map(escapeUnshowable);
}

function diffOf(plan: ChangePlan, paint: (op: "-" | "+", text: string) => string = (_op, text) => text): string[] {
  const lines: string[] = [];
  for (const change of plan.topChanges) {
    if (change.before !== undefined) lines.push(paint("-", `- ${JSON.stringify(change.key)}: ${escapeUnshowable(JSON.stringify(change.before))}`));
    lines.push(paint("+", `+ ${JSON.stringify(change.key)}: ${escapeUnshowable(JSON.stringify(change.after))}`));
  }
  const before = plan.before === undefined ? [] : memberLines(plan.env, plan.before);
  const after = memberLines(plan.env, plan.after);
  if (before.join("\n") !== after.join("\n")) appendAll(lines, formatDiff(diffLines(before, after), { paint }));
  return lines;
}

export async function reviewAndConfirm(plan: ChangePlan, review: Review): Promise<void> {
  const { ui, source } = review;
  if (!plan.changed) {
    ui.info(`${source.displayPath}: environment "${plan.env}" is unchanged`);
    return;
  }
  const replacing = plan.replaces ?? plan.before !== undefined;
  const what = plan.newFile
    ? `new file ${source.displayPath}`
    : replacing
      ? `${source.displayPath}: environment "${plan.env}" (replaced)`
      : `${source.displayPath}: environment "${plan.env}" (${plan.before === undefined ? "added" : "extended: nothing in it changes"})`;
  ui.info("");
  ui.info(ui.paint("bold", what));
  const paint = (op: "-" | "+", text: string) => ui.paint(op === "-" ? "red" : "green", text);
  for (const line of diffOf(plan, paint)) ui.info(`  ${line}`);
  ui.info("");

  if (review.yes) return;
  if (!review.interactive || review.prompter === undefined) {
    if (replacing) {
      throw new UserError(`environment "${plan.env}" already exists in ${source.displayPath} — pass --yes to replace it (the change is shown above)`);
    }
    if (!plan.newFile && plan.topChanges.length > 0) {
      const flags = plan.topChanges.map((change) => `--${change.key}`).join(" and ");
      throw new UserError(`${flags} would change ${source.displayPath} — pass --yes to confirm (the change is shown above)`);
    }
    return;
  }
  const message = replacing ? `Replace environment "${plan.env}" in ${source.displayPath}?` : `Write ${source.displayPath}?`;
  if (!(await review.prompter.confirm({ message, default: true }))) {
    throw new UserError(`${review.command ?? "init"} stopped — nothing was written`, { exitCode: ExitCode.failed });
  }
}
