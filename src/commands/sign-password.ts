/**
 * Where the signing password comes from: --password-stdin, JCPROFILE_SIGNING_PASSWORD, or a masked
 * prompt at a terminal — never argv. It is read only when a file needs it (a PKCS#12, an encrypted
 * PEM key), once, and handed to the key decoder; nothing here logs, stores or echoes it.
 */
import { UserError } from "../errors.js";
import type { CommandIo } from "../io.js";
import { terminalPrompter } from "../prompt/terminal-prompter.js";
import type { PasswordReader } from "../signing/identity.js";

export const SIGNING_PASSWORD_ENV = "JCPROFILE_SIGNING_PASSWORD";

export function signingPasswordReader(io: CommandIo, passwordStdin: boolean): PasswordReader {
  let cached: Promise<string> | undefined;
  return (file) => {
    cached ??= readPassword(io, passwordStdin, file);
    return cached;
  };
}

async function readPassword(io: CommandIo, passwordStdin: boolean, file: string): Promise<string> {
  if (passwordStdin) {
    const password = (await readAll(io.stdin)).replace(/\r?\n$/, "");
    // An empty read is a pipe that carried nothing (an unset variable, a secret store that failed), not a password.
    if (password === "") throw new UserError(`${file} needs a password, but --password-stdin read none (standard input was empty) — pipe the password in, e.g. op read op://it/signing/password | jcprofile sign … --password-stdin`);
    return password;
  }
  const fromEnv = io.env[SIGNING_PASSWORD_ENV];
  if (fromEnv !== undefined) return fromEnv;
  if (io.stdin.isTTY) {
    const prompter = await terminalPrompter(io, { cancelMessage: "sign cancelled — nothing was written" });
    return prompter.password({ message: `Password for ${file}` });
  }
  throw new UserError(
    `${file} needs a password and there is no terminal to ask for it — pipe it with --password-stdin, set ${SIGNING_PASSWORD_ENV}, or run in a terminal to be asked`,
  );
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}
