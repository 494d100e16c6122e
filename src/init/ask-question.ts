/**
 * One question, answered from the first source that has it: its flag (validated like the prompt),
 * its default when there is nobody to ask (no terminal, or --yes), else the prompt. With no
 * terminal and no default the question is recorded as missing, so every missing flag can be
 * listed at once before anything is sent or written.
 */
import { appendAll } from "../append.js";
import { isUserError, UserError } from "../errors.js";
import { showValue } from "../values.js";
import type { Prompter } from "../prompt/prompter.js";
import type { AnswerName, Answers, Question, QuestionContext } from "./question-types.js";
import { questionNamed } from "./questions.js";
import type { Output } from "../output.js";
import { splitRoles, type Validator } from "./validators.js";
import { wrapIndented } from "../text-wrap.js";
import { CLIENT_ID_FIX, tenantAsClientIdMessage } from "../checks/entra-checks.js";

export type FlagValue = string | boolean | readonly string[];
/** Raw flag values by the answer they give; `--no-license` is `license: false`. */
export type AnswerFlags = { [K in AnswerName]?: FlagValue };

export interface Asking {
  answers: Partial<Answers>;
  context: QuestionContext;
  flags: AnswerFlags;
  /** A terminal to prompt on. */
  interactive: boolean;
  /** --yes: take every default without asking. */
  yes: boolean;
  prompter: Prompter | undefined;
  ui: Output;
  /** Flags of questions nobody could answer (no terminal, no default). */
  missing: string[];
  /**
   * Given, a bad flag value is recorded here (its message) instead of thrown, and the question
   * takes its default: the dry pass without a terminal names every bad flag at once.
   */
  badFlags?: string[];
  /** The terminal's width: explanations wrap at word boundaries instead of mid-word. */
  width?: number;
}

/** A dim explanation line (leading spaces kept as its indent), wrapped to the terminal's width. */
export function note(asking: Pick<Asking, "ui" | "width">, text: string): void {
  const lines = asking.width !== undefined ? wrapIndented(text, asking.width) : [text];
  for (const line of lines) asking.ui.info(asking.ui.paint("dim", line));
}

/** Dependencies of a default that may itself be missing: their default follows once they are given. */
const DEPENDS_ON: Partial<Record<AnswerName, readonly AnswerName[]>> = {
  ropgClientId: ["clientId"],
  identifier: ["tenant", "organization"],
};

/**
 * Questions whose flag may change an existing config although they are asked only on the first run,
 * and the cloud, which --authority-host makes moot but which --cloud may still record.
 */
const FLAG_ALWAYS_APPLIES: ReadonlySet<AnswerName> = new Set(["organization", "identifier", "cloud"]);

/** App IDs: a tenant ID pasted there is caught before any request, in lint's words. */
const APP_ID_ANSWERS: ReadonlySet<AnswerName> = new Set(["clientId", "ropgClientId", "apiAppId"]);

/** The question's validator, plus what only the other answers can tell. */
function validatorFor(question: Question & { kind: "text" }, context: QuestionContext, answers: Partial<Answers>): Validator {
  const own = question.validate(context);
  if (!APP_ID_ANSWERS.has(question.name)) return own;
  return (value) => {
    const verdict = own(value);
    if (verdict !== true) return verdict;
    const tenant = answers.tenant;
    if (tenant !== undefined && value.trim().toLowerCase() === tenant.toLowerCase()) {
      return `${tenantAsClientIdMessage(value.trim(), "the tenant answer")} — ${CLIENT_ID_FIX}`;
    }
    return true;
  };
}

export async function askQuestion(question: Question, asking: Asking, options: { reenter?: boolean } = {}): Promise<void> {
  const { answers, context, flags } = asking;
  const set = (value: unknown) => ((answers as Record<string, unknown>)[question.name] = value);
  const raw = flags[question.name];
  /** The flag's value, or — collecting bad flags — the question's default after recording why. */
  const flagged = (check: () => unknown): { value: unknown } | undefined => {
    if (asking.badFlags === undefined) return { value: check() };
    try {
      return { value: check() };
    } catch (error) {
      if (!isUserError(error)) throw error;
      // A repeatable flag with several bad values brings one line per value.
      appendAll(asking.badFlags, error.details.length > 0 ? error.details : [error.message]);
      const fallback = question.default(answers, context);
      if (fallback !== undefined) set(fallback);
      return undefined;
    }
  };
  if (!options.reenter && !(question.applies?.(answers, context) ?? true)) {
    if (raw === undefined || raw === false) {
      // A question made moot by another flag (the cloud by --authority-host) still has its default answer.
      if (question.defaultWhenSkipped === true) set(question.default(answers, context));
      return;
    }
    const given = flagged(() => {
      if (!FLAG_ALWAYS_APPLIES.has(question.name)) throw new UserError(`${question.flag} ${question.notApplicable ?? "does not apply here"}`);
      return fromFlag(question, raw, context, answers);
    });
    if (given !== undefined) set(given.value);
    return;
  }
  if (raw !== undefined && !options.reenter) {
    const given = flagged(() => fromFlag(question, raw, context, answers));
    if (given === undefined) return;
    set(given.value);
    echo(asking, question, given.value, question.flag);
    return;
  }
  const fallback = question.default(answers, context);
  if (!options.reenter && fallback !== undefined && (asking.yes || !asking.interactive)) {
    set(fallback);
    echo(asking, question, fallback, "default");
    return;
  }
  if (!asking.interactive || asking.prompter === undefined) {
    const waiting = (DEPENDS_ON[question.name] ?? []).some((name) => asking.missing.includes(questionNamed(name).flag));
    if (!waiting) asking.missing.push(question.flag);
    return;
  }
  if (question.help !== undefined) note(asking, `  ${question.help}`);
  // Re-entering after a failed check starts from an empty field, so a paste replaces the value
  // that failed instead of being appended to it; the old value is shown above for reference.
  if (options.reenter && question.kind === "text") {
    const old = answers[question.name];
    if (typeof old === "string" && old !== "") note(asking, `  was: ${old}`);
  }
  // A default that follows from the answers (the ROPG app after a re-entered login app) is still
  // offered; inquirer shows it beside the empty field, so typing or pasting replaces it.
  const start = options.reenter && question.kind === "text"
    ? (fallback !== answers[question.name] ? fallback : undefined)
    : options.reenter ? (answers[question.name] ?? fallback) : fallback;
  set(await prompt(question, asking.prompter, start, context, answers));
}

async function prompt(question: Question, prompter: Prompter, fallback: unknown, context: QuestionContext, answers: Partial<Answers>): Promise<unknown> {
  const { message } = question;
  switch (question.kind) {
    case "text": {
      const text = await prompter.input({
        message,
        ...(typeof fallback === "string" && { default: fallback }),
        validate: validatorFor(question, context, answers),
      });
      return question.normalise?.(text) ?? text;
    }
    case "list": {
      const text = await prompter.input({
        message,
        ...(Array.isArray(fallback) && { default: fallback.join(", ") }),
        validate: (value) => question.validate(splitRoles(value)),
      });
      return splitRoles(text);
    }
    case "confirm":
      return prompter.confirm({ message, default: fallback === true });
    case "select":
      return prompter.select({ message, choices: question.choices, ...(typeof fallback === "string" && { default: fallback }) });
  }
}

/** A flag's value through the question's own validator; a bad one is a usage error (exit 2). */
function fromFlag(question: Question, raw: FlagValue, context: QuestionContext, answers: Partial<Answers>): unknown {
  const refuse = (message: string): never => {
    throw new UserError(`${question.flag}: ${message}`);
  };
  switch (question.kind) {
    case "text": {
      const typed = raw === false ? "" : typeof raw === "string" ? raw.trim() : refuse("expects a value");
      const verdict = validatorFor(question, context, answers)(typed);
      return verdict === true ? (question.normalise?.(typed) ?? typed) : refuse(verdict);
    }
    case "list": {
      const roles = (Array.isArray(raw) ? raw : [String(raw)]).flatMap((item: string) => splitRoles(item));
      // Each value on its own, so every bad one is named (one line each), not only the first.
      const verdicts = [...new Set(roles.map((role) => question.validate([role])).filter((verdict) => verdict !== true))];
      if (verdicts.length > 1) {
        throw new UserError(`${verdicts.length} values of ${question.flag} are wrong — fix them all, then run init again:`, {
          details: verdicts.map((verdict) => `${question.flag}: ${verdict}`),
        });
      }
      const verdict = verdicts[0] ?? question.validate(roles);
      return verdict === true ? roles : refuse(verdict);
    }
    case "confirm":
      return raw === true;
    case "select": {
      const text = String(raw).trim();
      const value = question.aliases?.[text] ?? text;
      const known = question.choices.map((choice) => choice.value);
      if (known.includes(value)) return value;
      const spellings = [...known, ...Object.keys(question.aliases ?? {})].join(", ");
      return refuse(`${showValue(text)} is not one of ${spellings}`);
    }
  }
}

/** At a terminal, an answer taken from a flag or a default is shown as if it had been typed. */
function echo(asking: Asking, question: Question, value: unknown, source: string): void {
  if (!asking.interactive) return;
  const { paint } = asking.ui;
  const choice = question.kind === "select" ? question.choices.find((candidate) => candidate.value === value)?.name : undefined;
  const shown = Array.isArray(value)
    ? value.join(", ") || "(none)"
    : typeof value === "boolean"
      ? (value ? "yes" : "no")
      : (choice ?? (String(value) || "(none)"));
  asking.ui.info(`${paint("green", "✔")} ${paint("bold", question.message)} ${paint("cyan", shown)} ${paint("dim", `(${source})`)}`);
}
