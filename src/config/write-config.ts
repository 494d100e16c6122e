import { relative, sep } from "node:path";
import { locateJson, type ObjectSpan, type ValueSpan } from "./json-syntax.js";
import { writeConfigFile } from "../files/config-file.js";

/**
 * Edits jcprofile.json as text. A reviewed config lives in git, so an edit must touch only what
 * it changes: one value is spliced into the text, and every other byte (other environments, key
 * order, the admin's line breaks and indentation, `$schema`, the final newline) stays as it was.
 */

interface Style {
  /** One level of indentation, as the file uses it (two spaces when it cannot tell). */
  unit: string;
  eol: string;
}

function styleOf(text: string): Style {
  const indented = /^([ \t]+)\S/m.exec(text);
  return { unit: indented?.[1] ?? "  ", eol: text.includes("\r\n") ? "\r\n" : "\n" };
}

/**
 * JSON with `unit` indentation, continued lines prefixed by `indent`. Short lists of plain
 * values stay on one line (`"adminRoles": ["Admin"]`), as the shipped example writes them.
 */
export function formatJson(value: unknown, unit = "  ", indent = ""): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const inline = `[${value.map((item) => JSON.stringify(item)).join(", ")}]`;
    if (value.every((item) => item === null || typeof item !== "object") && inline.length <= 72) return inline;
    const inner = indent + unit;
    return `[\n${value.map((item) => inner + formatJson(item, unit, inner)).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return "{}";
    const inner = indent + unit;
    const lines = entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${formatJson(item, unit, inner)}`);
    return `{\n${lines.join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** The text of a new config file: `$schema` first when given, a final newline. */
export function newConfigText(config: Record<string, unknown>): string {
  return `${formatJson(config)}\n`;
}

/** The whitespace that starts the line holding `offset`, or undefined when other text precedes it there. */
function lineIndent(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

function render(value: unknown, style: Style, indent: string | undefined): string {
  // A member written inline (`{ "a": 1 }`) gets an inline value, so the line stays one line.
  const text = indent === undefined ? JSON.stringify(value) : formatJson(value, style.unit, indent);
  return style.eol === "\n" ? text : text.replaceAll("\n", style.eol);
}

/** `{ a: { b: value } }` for the path still missing under an existing object. */
function nest(path: readonly string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

function insertMember(text: string, object: ObjectSpan, key: string, value: unknown, style: Style): string {
  const last = object.members.at(-1);
  const multiline = text.slice(object.start, object.end).includes("\n");
  if (last === undefined) {
    const lineStart = text.lastIndexOf("\n", object.start - 1) + 1;
    const outer = /^[ \t]*/.exec(text.slice(lineStart, object.start))![0];
    const inner = outer + style.unit;
    const member = `${JSON.stringify(key)}: ${render(value, style, inner)}`;
    return splice(text, object.start + 1, object.end - 1, `${style.eol}${inner}${member}${style.eol}${outer}`);
  }
  const indent = multiline ? lineIndent(text, last.keyStart) : undefined;
  const member = `${JSON.stringify(key)}: ${render(value, style, indent)}`;
  const separator = indent === undefined ? ", " : `,${style.eol}${indent}`;
  return splice(text, last.value.end, last.value.end, separator + member);
}

/**
 * Sets the value at `path` (object keys from the top), adding the member, and any objects
 * missing on the way, at the end of its parent. Everything else in the text is kept.
 */
export function setConfigValue(text: string, path: readonly string[], value: unknown): string {
  if (path.length === 0) throw new Error("setConfigValue: empty path");
  const style = styleOf(text);
  let node: ValueSpan = locateJson(text);
  for (const [depth, key] of path.entries()) {
    if (node.kind !== "object") throw new Error(`setConfigValue: ${path.slice(0, depth).join(".")} is not an object`);
    const member: ObjectSpan["members"][number] | undefined = node.members.find((candidate) => candidate.key === key);
    if (member === undefined) return insertMember(text, node, key, nest(path.slice(depth + 1), value), style);
    if (depth === path.length - 1) {
      const indent = lineIndent(text, member.keyStart);
      return splice(text, member.value.start, member.value.end, render(value, style, indent));
    }
    node = member.value;
  }
  throw new Error("unreachable");
}

/**
 * `$schema` for a new config: the package's own schema file, as a path relative to the config,
 * when the package is installed below the config's folder (node_modules/jcprofile/…). A path
 * out to a global install or an npx cache would break on the next machine, so none is written.
 */
export function schemaReference(configDir: string, schemaFile: string): string | undefined {
  const path = relative(configDir, schemaFile);
  if (path === "" || path.startsWith("..") || path.startsWith(sep) || /^[A-Za-z]:/.test(path)) return undefined;
  return `./${path.split(sep).join("/")}`;
}

/**
 * Saves an edited config: through a symlink to its target, keeping the file's mode, all or
 * nothing (src/files/config-file.ts). Every command that edits the config writes through here.
 */
export async function saveConfigText(config: { path: string; displayPath: string }, text: string): Promise<void> {
  await writeConfigFile(config, text);
}
