import { readFileSync } from "node:fs";
import * as v from "valibot";
import { UserError } from "../errors.js";
import { closestMatch } from "../catalog/suggest.js";
import { lineAndColumn, scanJson } from "./json-syntax.js";
import { formatPath, problemFromIssue, type Problem } from "./problems.js";
import { configSchema, type ConfigFile } from "./schema.js";

/** Where problems are reported: the path as the admin typed it. */
export interface ConfigSource {
  path: string;
  displayPath: string;
}

/** All errors of one config in one UserError: the admin fixes them in one pass. */
export function problemsError(displayPath: string, problems: readonly Problem[], warnings: readonly string[] = []): UserError {
  const lines = problems.map((problem) => `${formatPath(problem.path)}: ${problem.message}`);
  if (lines.length === 1) return new UserError(`${displayPath}: ${lines[0]}`, { warnings });
  return new UserError(`${displayPath}: ${lines.length} problems`, { details: lines, warnings });
}

export function readConfigText(source: ConfigSource): string {
  try {
    return readFileSync(source.path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new UserError(`${source.displayPath}: not found — run "jcprofile init" to create it, or pass --config PATH`);
    }
    if (code === "EISDIR") throw new UserError(`${source.displayPath}: is a folder — pass the config file itself with --config`);
    if (code === "EACCES") throw new UserError(`${source.displayPath}: cannot be read (permission denied)`);
    throw new UserError(`${source.displayPath}: cannot be read (${code ?? String(error)})`);
  }
}

export function parseConfigText(text: string, displayPath: string): unknown {
  const syntax = scanJson(text);
  if (syntax) {
    const { line, column } = lineAndColumn(text, syntax.offset);
    throw new UserError(`${displayPath}:${line}:${column}: invalid JSON: ${syntax.message}`);
  }
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
}

/** The keys a strict object accepts at a path, for "did you mean" on an unknown field. */
function knownKeysAt(path: readonly (string | number)[]): readonly string[] {
  let schema: unknown = configSchema;
  for (let index = 0; index < path.length; index++) {
    schema = unwrap(schema);
    const node = schema as { type?: string; entries?: Record<string, unknown>; value?: unknown };
    if (node.type === "record") schema = node.value;
    else schema = node.entries?.[String(path[index])];
  }
  const entries = (unwrap(schema) as { entries?: Record<string, unknown> } | undefined)?.entries;
  return entries ? Object.keys(entries) : [];
}

function unwrap(schema: unknown): unknown {
  let node = schema as { type?: string; wrapped?: unknown; pipe?: unknown[] } | undefined;
  while (node) {
    if (node.type === "optional" && node.wrapped) node = node.wrapped as typeof node;
    else if (node.pipe && node.pipe[0] !== node) node = node.pipe[0] as typeof node;
    else break;
  }
  return node;
}

export function validateConfig(raw: unknown, displayPath: string): ConfigFile {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new UserError(`${displayPath}: the top level must be an object { "organization": …, "identifier": …, "environments": { … } }`);
  }
  const result = v.safeParse(configSchema, raw, { abortEarly: false });
  if (result.success) return result.output;
  const problems = result.issues.map((issue) => problemFromIssue(issue, knownKeysAt, closestMatch));
  throw problemsError(displayPath, problems);
}

export function loadConfig(source: ConfigSource): { raw: unknown; config: ConfigFile } {
  const raw = parseConfigText(readConfigText(source), source.displayPath);
  return { raw, config: validateConfig(raw, source.displayPath) };
}
