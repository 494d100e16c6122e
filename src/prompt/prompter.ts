import { ExitCode, UserError } from "../errors.js";

/**
 * The wizard's view of a terminal: four kinds of question. ask.ts implements it on
 * @inquirer/prompts; tests may drive that implementation (with @inquirer/testing) or pass their own.
 * Every method rejects with the `interrupted` UserError on Ctrl-C or Ctrl-D.
 */
export interface Prompter {
  /** Text, trimmed. `validate` sees the trimmed text; `editable` puts the default in the line for editing. */
  input(config: { message: string; default?: string; validate?: (value: string) => true | string; editable?: boolean }): Promise<string>;
  confirm(config: { message: string; default: boolean }): Promise<boolean>;
  select<T extends string>(config: {
    message: string;
    choices: readonly { value: T; name: string; description?: string }[];
    default?: T;
  }): Promise<T>;
  /** Masked; the answer is never echoed. `mask: false` shows nothing at all (default `*` per character). */
  password(config: { message: string; mask?: false }): Promise<string>;
}

const INTERRUPTED_MESSAGE = "init cancelled — nothing was written";

/** Ctrl-C or Ctrl-D: one line, exit 130, and nothing on disk has changed. */
export function interrupted(message: string = INTERRUPTED_MESSAGE): UserError {
  return new UserError(message, { exitCode: ExitCode.interrupted });
}
