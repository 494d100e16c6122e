/**
 * The one output module: every command and the wizard print through it. Lines for people go to
 * stderr, data for programs (written paths, JSON) to stdout; colour and animation are decided
 * once, from stderr and the environment (terminal.ts). The spinner is ora, imported only where it
 * can animate; elsewhere a spinner prints just its result line.
 */
import { styleText } from "node:util";
import type { CommandIo } from "./io.js";
import { canAnimate, canColour } from "./terminal.js";

export type Style = Parameters<typeof styleText>[0];

export type Mark = "pass" | "warn" | "fail" | "inconclusive";

const MARKS: Record<Mark, readonly [Style, string]> = {
  pass: ["green", "✔"],
  warn: ["yellow", "⚠"],
  fail: ["red", "✖"],
  inconclusive: ["yellow", "?"],
};

export interface Spinner {
  /** Shows the spinner with this text, or changes the text of the running one. */
  update(text: string): void;
  /** Ends it with a result line (printed too where nothing animates); gone before the next prompt. */
  stop(mark: Mark, text: string): void;
  /** Ends it, leaving nothing behind. */
  clear(): void;
}

export interface Output {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** An indented line under the previous message. */
  detail(message: string): void;
  /** A line of data on stdout (a written path, JSON). */
  data(line: string): void;
  paint(style: Style, text: string): string;
  /** A spinner on stderr, running with `text` if given, else shown at its first update. */
  startSpinner(text?: string): Promise<Spinner>;
}

export function createOutput(io: Pick<CommandIo, "stdout" | "stderr" | "env">): Output {
  const colour = canColour(io.stderr, io.env);
  // validateStream off: styleText would otherwise judge process.stdout, which may be a pipe while stderr is a terminal.
  const paint = (style: Style, text: string): string => (colour ? styleText(style, text, { validateStream: false }) : text);
  const say = (text: string): void => void io.stderr.write(`${text}\n`);
  const marked = (mark: Mark, text: string): string => `${paint(...MARKS[mark])} ${text}`;
  return {
    info: say,
    warn: (message) => say(`${paint("yellow", "warning:")} ${message}`),
    error: (message) => say(`${paint("red", "error:")} ${message}`),
    detail: (message) => say(`  ${message}`),
    data: (line) => void io.stdout.write(`${line}\n`),
    paint,
    async startSpinner(text) {
      if (!canAnimate(io.stderr, io.env)) {
        return { update: () => undefined, clear: () => undefined, stop: (mark, result) => say(marked(mark, result)) };
      }
      const { default: ora } = await import("ora");
      // discardStdin would swallow the keys typed at the next prompt (ora#236): keep stdin alone.
      const spinner = ora({ stream: io.stderr as NodeJS.WriteStream, discardStdin: false });
      if (text !== undefined) spinner.start(text);
      return {
        update(next) {
          if (spinner.isSpinning) spinner.text = next;
          else spinner.start(next);
        },
        stop: (mark, result) => void spinner.stopAndPersist({ symbol: paint(...MARKS[mark]), text: result }),
        clear() {
          if (spinner.isSpinning) spinner.stop();
        },
      };
    },
  };
}
