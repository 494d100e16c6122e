/**
 * init's command-line flags, declared once: one per question (from QUESTIONS) plus the few that
 * steer the run. cli.ts turns these into commander options; initFlagsFrom reads commander's
 * result back into answers. No commander import here: this is data.
 */
import type { AnswerFlags, FlagValue } from "./ask-question.js";
import { QUESTIONS } from "./questions.js";

export interface OptionDeclaration {
  /** As commander takes it: `-c, --config <file>`, `--no-probe`. */
  flags: string;
  description: string;
  /** Collect every occurrence into an array. */
  repeat?: boolean;
}

/** The flags that are not answers. */
const RUN_OPTIONS: readonly OptionDeclaration[] = [
  { flags: "-c, --config <file>", description: 'config file to create or add to (default "jcprofile.json")' },
  { flags: "--keep-domain", description: "store a tenant domain as typed, not the tenant ID it resolves to" },
  { flags: "--authority-host <url>", description: "Entra authority host to check against, stored in the environment (overrides --cloud)" },
  { flags: "--timeout <seconds>", description: "seconds to wait for each live check's answer (default 15)" },
  { flags: "--test-user <upn>", description: "check this test user's password (prompted, masked; up to 3 attempts after a wrong password)" },
  { flags: "--no-probe", description: "skip the live checks against Entra (offline)" },
  { flags: "-y, --yes", description: "take the defaults instead of asking for them; replace an existing environment without asking" },
];

/** `--ca-mode` → `caMode`, as commander names the parsed value. */
const attributeOf = (flag: string): string => flag.replace(/^--/, "").replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());

export function initOptionDeclarations(): OptionDeclaration[] {
  const fromQuestions = QUESTIONS.flatMap((question): OptionDeclaration[] => {
    const { value, description, negate, repeat } = question.option;
    const short = question.name === "env" ? "-e, " : "";
    return [
      { flags: `${short}${question.flag}${value !== undefined ? ` ${value}` : ""}`, description, ...(repeat === true && { repeat }) },
      ...(negate !== undefined ? [{ flags: question.flag.replace(/^--/, "--no-"), description: negate }] : []),
    ];
  });
  const [config, ...rest] = RUN_OPTIONS;
  return [config!, ...fromQuestions, ...rest];
}

export interface ParsedInitFlags {
  config?: string;
  answers: AnswerFlags;
  keepDomain: boolean;
  authorityHost?: string;
  timeout?: string;
  testUser?: string;
  probe: boolean;
  yes: boolean;
  /** Flags that contradict each other (given twice with different values, or with their --no- form): one line each. */
  conflicts?: readonly string[];
}

/** Commander's parsed options → what runInit takes; an answer flag that was not given stays out. */
export function initFlagsFrom(parsed: Readonly<Record<string, unknown>>, conflicts: readonly string[] = []): ParsedInitFlags {
  const answers: AnswerFlags = {};
  for (const question of QUESTIONS) {
    const value = parsed[attributeOf(question.flag)];
    if (value !== undefined) answers[question.name] = value as FlagValue;
  }
  const text = (key: string): string | undefined => (typeof parsed[key] === "string" ? (parsed[key] as string) : undefined);
  const config = text("config");
  const authorityHost = text("authorityHost");
  const timeout = text("timeout");
  const testUser = text("testUser");
  return {
    ...(config !== undefined && { config }),
    answers,
    keepDomain: parsed["keepDomain"] === true,
    ...(authorityHost !== undefined && { authorityHost }),
    ...(timeout !== undefined && { timeout }),
    ...(testUser !== undefined && { testUser }),
    probe: parsed["probe"] !== false,
    yes: parsed["yes"] === true,
    ...(conflicts.length > 0 && { conflicts }),
  };
}
