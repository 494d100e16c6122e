import { styleText } from "node:util";
import { canColour } from "./terminal.js";

/** People read stderr; programs read stdout. */
const useColour = (): boolean => canColour(process.stderr, process.env);

type Style = Parameters<typeof styleText>[0];

function paint(style: Style, text: string): string {
  return useColour() ? styleText(style, text) : text;
}

export const log = {
  info(message: string): void {
    process.stderr.write(`${message}\n`);
  },
  warn(message: string): void {
    process.stderr.write(`${paint("yellow", "warning:")} ${message}\n`);
  },
  error(message: string): void {
    process.stderr.write(`${paint("red", "error:")} ${message}\n`);
  },
  detail(message: string): void {
    process.stderr.write(`  ${message}\n`);
  },
  paint,
};

/** Data for programs: written paths, JSON. */
export function out(line: string): void {
  process.stdout.write(`${line}\n`);
}
