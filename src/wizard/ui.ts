/**
 * What the wizard shows besides prompts: lines for people on stderr, written paths on stdout, and
 * a spinner while a live check runs. The spinner is ora, loaded only when it can animate (stderr
 * is a terminal, not CI); elsewhere a check prints just its result line.
 */
import { styleText } from "node:util";
import { canAnimate, canColour } from "../terminal.js";

export type Style = Parameters<typeof styleText>[0];

export interface Spinner {
  /** Ends the spinner with a result line; the spinner is gone before the next prompt. */
  stop(symbol: "pass" | "warn" | "fail" | "inconclusive", text: string): void;
}

export interface WizardUi {
  /** A line for people (stderr). */
  say(line: string): void;
  /** A line for programs (stdout): written paths. */
  out(line: string): void;
  paint(style: Style, text: string): string;
  startSpinner(text: string): Promise<Spinner>;
}

const SYMBOLS = { pass: ["green", "✔"], warn: ["yellow", "⚠"], fail: ["red", "✖"], inconclusive: ["yellow", "?"] } as const;

export interface ConsoleUiOptions {
  stderr: NodeJS.WriteStream;
  stdout: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

export function consoleUi({ stderr, stdout, env }: ConsoleUiOptions): WizardUi {
  const colour = canColour(stderr, env);
  const animate = canAnimate(stderr, env);
  const paint = (style: Style, text: string) => (colour ? styleText(style, text) : text);
  const line = (symbol: keyof typeof SYMBOLS, text: string) => `${paint(SYMBOLS[symbol][0], SYMBOLS[symbol][1])} ${text}`;
  return {
    say: (text) => void stderr.write(`${text}\n`),
    out: (text) => void stdout.write(`${text}\n`),
    paint,
    async startSpinner(text) {
      if (!animate) return { stop: (symbol, result) => void stderr.write(`${line(symbol, result)}\n`) };
      const { default: ora } = await import("ora");
      // discardStdin would swallow the keys typed at the next prompt (ora#236): keep stdin alone.
      const spinner = ora({ text, stream: stderr, discardStdin: false }).start();
      return {
        stop(symbol, result) {
          spinner.stopAndPersist({ symbol: paint(SYMBOLS[symbol][0], SYMBOLS[symbol][1]), text: result });
        },
      };
    },
  };
}
