/**
 * Where the test user's password comes from: --password-stdin, JCPROFILE_PASSWORD, or a masked
 * prompt on a terminal — never argv. The value lives in one local and is returned to the check
 * run (entra/run-checks.ts), which hands it to the transport; nothing here logs, stores or echoes it.
 */
import { UserError } from "../errors.js";
import type { Output } from "../output.js";
import type { Prompter } from "../prompt/prompter.js";

export const PASSWORD_ENV = "JCPROFILE_PASSWORD";

const PASSWORD_WAYS =
  `pipe it with --password-stdin (e.g. from your password manager's CLI), set ${PASSWORD_ENV}, or run in a terminal to be asked`;

export interface PasswordSource {
  username: string;
  passwordStdin: boolean;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /**
   * Asks at the terminal (masked, drawing on stderr so stdout stays data); made only when stdin is
   * a terminal and no other source gave the password, so inquirer is loaded only then.
   */
  prompter: () => Promise<Prompter>;
  /** Where the whitespace warning goes. */
  output: Pick<Output, "warn">;
}

export async function readProbePassword(source: PasswordSource): Promise<string> {
  const password = await readFrom(source);
  if (password === "") throw new UserError(`the password for ${source.username} is empty — ${PASSWORD_WAYS}`);
  if (password !== password.trim()) {
    source.output.warn("the password starts or ends with whitespace, which ROPG does not support: Entra will reject it even if it is right");
  }
  return password;
}

async function readFrom(source: PasswordSource): Promise<string> {
  if (source.passwordStdin) return stripOneNewline(await readAll(source.stdin));
  const fromEnv = source.env[PASSWORD_ENV];
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  if (source.stdin.isTTY) return prompt(source);
  throw new UserError(`--username ${source.username} needs a password and there is no terminal to ask for it — ${PASSWORD_WAYS}`);
}

/** `echo "$PW" | jcprofile probe --password-stdin` adds one newline; a password may end in other whitespace. */
function stripOneNewline(text: string): string {
  return text.replace(/\r?\n$/, "");
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** Masked with no "show password" toggle; Ctrl-C or Ctrl-D end the run with exit 130 (the prompter's cancel). */
async function prompt(source: PasswordSource): Promise<string> {
  const prompter = await source.prompter();
  return prompter.password({ message: `Password for ${source.username}` });
}
