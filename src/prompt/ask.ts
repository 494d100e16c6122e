/**
 * The Prompter on @inquirer/prompts: the only module that imports inquirer (init's wizard and
 * probe's password prompt both ask through it). Prompts draw on
 * stderr (stdout carries the written paths), and both ways out of a prompt — Ctrl-C, which
 * inquirer reports as ExitPromptError, and Ctrl-D, which readline would otherwise just close on
 * — become the one `interrupted` error that cli.ts prints as a single line. Inquirer itself loads
 * at the first prompt: the built CLI bundles each command into one file, where a static import
 * would load it for every run of probe, sign or import, prompting or not.
 */
import { interrupted, type Prompter } from "./prompter.js";

export interface AskStreams {
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
  /** Aborted on SIGINT outside a prompt (e.g. during a live check). */
  signal?: AbortSignal;
  /** The one line printed on Ctrl-C / Ctrl-D (default: init's). */
  cancelMessage?: string;
}

export type PromptModule = typeof import("@inquirer/prompts");

const CANCELLED = new Set(["ExitPromptError", "AbortPromptError", "CancelPromptError"]);

/** `loadPrompts` gives the prompt functions: inquirer's own, or (in tests) the same drawn on a test screen. */
export function createPrompter(streams: AskStreams, loadPrompts: () => Promise<PromptModule> = () => import("@inquirer/prompts")): Prompter {
  async function run<T>(
    prompt: (inquirer: PromptModule, context: { input: NodeJS.ReadStream; output: NodeJS.WriteStream; signal: AbortSignal }) => Promise<T>,
  ): Promise<T> {
    if (streams.signal?.aborted) throw interrupted(streams.cancelMessage);
    const inquirer = await loadPrompts();
    const controller = new AbortController();
    // readline sees Ctrl-D as "close the line" and inquirer then neither answers nor fails:
    // treat it as the admin leaving, like Ctrl-C.
    const onKey = (_text: string | undefined, key: { ctrl?: boolean; name?: string } | undefined) => {
      if (key?.ctrl === true && key.name === "d") controller.abort();
    };
    streams.input.on("keypress", onKey);
    const signal = streams.signal ? AbortSignal.any([controller.signal, streams.signal]) : controller.signal;
    try {
      return await prompt(inquirer, { input: streams.input, output: streams.output, signal });
    } catch (error) {
      if (error instanceof Error && CANCELLED.has(error.name)) throw interrupted(streams.cancelMessage);
      throw error;
    } finally {
      streams.input.off("keypress", onKey);
    }
  }

  return {
    async input(config) {
      const answer = await run(({ input }, context) =>
        input(
          {
            message: config.message,
            ...(config.default !== undefined && config.default !== "" && { default: config.default }),
            ...(config.editable === true && { prefill: "editable" as const }),
            ...(config.validate && { validate: (value: string) => config.validate!(value.trim()) }),
          },
          context,
        ),
      );
      return answer.trim();
    },
    confirm: (config) => run(({ confirm }, context) => confirm(config, context)),
    select: (config) =>
      run(({ select }, context) =>
        select({ message: config.message, choices: config.choices, ...(config.default !== undefined && { default: config.default }) }, context),
      ),
    password: (config) =>
      run(({ password }, context) => password({ message: config.message, mask: config.mask === false ? false : "*", toggleMask: false }, context)),
  };
}
