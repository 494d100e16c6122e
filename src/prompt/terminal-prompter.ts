import type { CommandIo } from "../io.js";
import type { Prompter } from "./prompter.js";

/**
 * A prompter on the command's own terminal: it reads stdin and draws on stderr, so stdout stays
 * data (`--json`, written paths). ask.ts (and, at the first question, inquirer) loads only here.
 */
export async function terminalPrompter(io: CommandIo, options: { cancelMessage?: string; signal?: AbortSignal } = {}): Promise<Prompter> {
  const { createPrompter } = await import("./ask.js");
  return createPrompter({ input: io.stdin as NodeJS.ReadStream, output: io.stderr as NodeJS.WriteStream, ...options });
}
