import { styleText } from "node:util";
import type { CommandIo } from "./io.js";
import { canColour } from "./terminal.js";

export type Style = Parameters<typeof styleText>[0];

/** Lines for people on stderr, data for programs on stdout; colour decided once, from stderr. */
export interface Output {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** An indented line under the previous message. */
  detail(message: string): void;
  /** A line of data on stdout (a written path, JSON). */
  data(line: string): void;
  paint(style: Style, text: string): string;
}

export function createOutput(io: Pick<CommandIo, "stdout" | "stderr" | "env">): Output {
  const colour = canColour(io.stderr, io.env);
  const paint = (style: Style, text: string): string => (colour ? styleText(style, text) : text);
  const say = (text: string): void => void io.stderr.write(`${text}\n`);
  return {
    info: say,
    warn: (message) => say(`${paint("yellow", "warning:")} ${message}`),
    error: (message) => say(`${paint("red", "error:")} ${message}`),
    detail: (message) => say(`  ${message}`),
    data: (line) => void io.stdout.write(`${line}\n`),
    paint,
  };
}
