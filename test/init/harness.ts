/**
 * Runs the real wizard (runInit with ask.ts's prompter) in-process, its prompts driven through
 * @inquirer/testing's screen, the live checks faked, and everything it shows captured.
 */
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { expect, vi } from "vitest";
import { createPrompter, type PromptModule } from "../../src/prompt/ask.js";
import type { CheckOutcome, WizardChecks } from "../../src/init/checks.js";
import { runInit, type InitFlags, type InitResult } from "../../src/init/run-init.js";
import { runBuild } from "../../src/build-command/run-build.js";
import type { Output } from "../../src/output.js";

export const GUID = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
export const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
export const API_APP = "e5a8c3f1-9b2d-4e7a-8c6f-3d1b5a9e7c20";

export const PASS: CheckOutcome = { verdict: "pass", hint: "fine" };

/** Checks that answer from queues (the last answer repeats) and record what they were asked. */
export function fakeChecks(answers: { tenant?: CheckOutcome[]; app?: CheckOutcome[]; password?: CheckOutcome[] } = {}) {
  const calls: { kind: string; request: Record<string, unknown>; password?: string }[] = [];
  const next = (queue: CheckOutcome[] | undefined) => (queue && queue.length > 1 ? queue.shift()! : (queue?.[0] ?? PASS));
  const checks: WizardChecks = {
    async discoverTenant(request) {
      calls.push({ kind: "tenant", request: { ...request } });
      return next(answers.tenant);
    },
    async checkApp(request) {
      calls.push({ kind: "app", request: { ...request } });
      return next(answers.app);
    },
    async checkPassword(request, readPassword) {
      calls.push({ kind: "password", request: { ...request }, password: await readPassword() });
      return next(answers.password);
    },
  };
  return { checks, calls };
}

export interface Session {
  done: Promise<InitResult>;
  /** stderr lines (help, results, diff) and stdout lines (paths). */
  said: string[];
  printed: string[];
  /** Waits until a prompt waiting for an answer shows `text`. */
  until(text: string): Promise<string>;
  /** Presses Enter (takes the default) at every prompt until one shows `text`. */
  acceptUntil(text: string): Promise<string>;
  answer(text: string, value?: string): Promise<void>;
}

/**
 * inquirer's real prompts, drawn on the test screen. They are handed to the prompter rather than
 * put in place by @inquirer/testing's module mocks, which (like its screen reset) take effect only
 * in the first test file of a worker that shares modules between files.
 */
async function screenPrompts(): Promise<PromptModule> {
  const actual = await vi.importActual<PromptModule>("@inquirer/prompts");
  const wrap = <P>(prompt: P): P => wrapPrompt(prompt as never) as P;
  return { ...actual, input: wrap(actual.input), confirm: wrap(actual.confirm), select: wrap(actual.select), password: wrap(actual.password) };
}

export function startInit(options: { cwd: string; flags?: Partial<InitFlags>; checks?: WizardChecks; isTTY?: boolean; now?: Date; width?: number }): Session {
  const said: string[] = [];
  const printed: string[] = [];
  const ui: Output = {
    info: (line) => void said.push(line),
    warn: (line) => void said.push(`warning: ${line}`),
    error: (line) => void said.push(`error: ${line}`),
    detail: (line) => void said.push(`  ${line}`),
    data: (line) => void printed.push(line),
    paint: (_style, text) => text,
    startSpinner: async (text) => {
      said.push(`(spinner) ${text}`);
      return { update: () => undefined, clear: () => undefined, stop: (symbol, result) => void said.push(`${symbol} ${result}`) };
    },
  };
  screen.clear(); // each session starts on a clean screen (see screenPrompts)
  const flags: InitFlags = { answers: {}, probe: options.checks !== undefined, yes: false, ...options.flags };
  const done = runInit({
    cwd: options.cwd,
    flags,
    isTTY: options.isTTY ?? true,
    // screen.input is the stream the screen's prompts read: Ctrl-D keypresses reach ask.ts there.
    prompter: createPrompter({ input: screen.input as unknown as NodeJS.ReadStream, output: process.stderr }, screenPrompts),
    ...(options.checks !== undefined && { checks: async () => options.checks! }),
    build: runBuild,
    ui,
    ...(options.now !== undefined && { now: () => options.now! }),
    ...(options.width !== undefined && { width: options.width }),
  });
  // Keep a failing run from surfacing as an unhandled rejection while the test still drives prompts.
  done.catch(() => undefined);

  let finished = false;
  void done.finally(() => (finished = true)).catch(() => undefined);

  /** A prompt still waiting: answered ones show "✔ …", so a new prompt is told from the last one. */
  const waiting = () => screen.getScreen().startsWith("?");

  async function until(text: string, accept = false): Promise<string> {
    for (let attempt = 0; attempt < 400 && !finished; attempt++) {
      const shown = screen.getScreen();
      if (waiting() && shown.includes(text)) return shown;
      if (accept && waiting()) screen.keypress("enter");
      await Promise.race([screen.next(), done.then(() => undefined, () => undefined)]);
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error(`no prompt showed ${JSON.stringify(text)}; the screen:\n${screen.getScreen()}\n---\n${said.join("\n")}`);
  }

  return {
    done,
    said,
    printed,
    until: (text) => until(text),
    acceptUntil: (text) => until(text, true),
    async answer(text, value) {
      await until(text);
      if (value !== undefined) screen.type(value);
      screen.keypress("enter");
    },
  };
}

/** The UserError a run ended with. */
export async function failure(session: Session): Promise<{ message: string; exitCode: number }> {
  const error = (await session.done.then(
    () => expect.unreachable("init succeeded"),
    (reason: unknown) => reason,
  )) as { message: string; exitCode: number; name: string };
  expect(error.name).toBe("UserError");
  return error;
}
