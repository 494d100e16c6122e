import { basename, dirname, isAbsolute, join, relative, sep } from "node:path";
import { locateComments, locateJson, parseJsonc, type ObjectSpan, type ValueSpan } from "../config/json-syntax.js";
import { isPlainObject } from "../config/merge.js";
import { writeConfigFile } from "./write-config-file.js";
import type { FileToWrite } from "../files/file-to-write.js";
import type { FileOps } from "../files/file-ops.js";

/**
 * Edits jcprofile.json as text. A reviewed config lives in git, so an edit must touch only what
 * it changes: one value is spliced into the text, and every other byte (other environments, key
 * order, the admin's line breaks and indentation, comments, `$schema`, the final newline) stays
 * as it was. An object that holds comments is edited member by member, so its comments stay too.
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
    const inside = text.slice(object.start + 1, object.end - 1);
    if (inside.trim() !== "") {
      // Only comments inside: they stay, the member goes after them.
      const end = object.start + 1 + inside.trimEnd().length;
      return splice(text, end, end, `${style.eol}${inner}${member}`);
    }
    return splice(text, object.start + 1, object.end - 1, `${style.eol}${inner}${member}${style.eol}${outer}`);
  }
  const indent = multiline ? lineIndent(text, last.keyStart) : undefined;
  const member = `${JSON.stringify(key)}: ${render(value, style, indent)}`;
  if (indent === undefined) return splice(text, last.value.end, last.value.end, `, ${member}`);
  // A comment on the last member's line stays with it: the comma goes before it, the new member after.
  const lineEnd = endOfTrailingComment(text, last.value.end);
  return splice(text, last.value.end, lineEnd, `,${text.slice(last.value.end, lineEnd)}${style.eol}${indent}${member}`);
}

/** After `offset`: past spaces and one comment on the same line, or `offset` itself. */
function endOfTrailingComment(text: string, offset: number): number {
  const match = /^[ \t]*(?:\/\/[^\r\n]*|\/\*(?:(?!\*\/)[^\r\n])*\*\/)/.exec(text.slice(offset));
  return match ? offset + match[0].length : offset;
}

/** Where a member's text starts and ends for removal: its whole line(s) when it stands alone there. */
function removeMember(text: string, object: ObjectSpan, index: number): string {
  const member = object.members[index]!;
  const next = object.members[index + 1];
  if (next !== undefined) {
    const lineStart = text.lastIndexOf("\n", member.keyStart - 1) + 1;
    const alone = /^[ \t]*$/.test(text.slice(lineStart, member.keyStart));
    const comma = text.indexOf(",", member.value.end); // the scanner proved a comma follows, before any comment
    const end = alone ? endOfLine(text, endOfTrailingComment(text, comma + 1)) : next.keyStart;
    return splice(text, alone ? lineStart : member.keyStart, end, "");
  }
  const previous = object.members[index - 1];
  if (previous === undefined) return splice(text, member.keyStart, member.value.end, "");
  const comma = text.indexOf(",", previous.value.end);
  return splice(text, comma, endOfTrailingComment(text, member.value.end), "");
}

function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return /^[ \t\r]*$/.test(text.slice(offset, newline < 0 ? text.length : newline)) && newline >= 0 ? newline + 1 : offset;
}

function objectAt(text: string, path: readonly string[]): ObjectSpan {
  let node: ValueSpan = locateJson(text);
  for (const key of path) {
    const member = node.kind === "object" ? node.members.find((candidate) => candidate.key === key) : undefined;
    if (member === undefined) throw new Error(`objectAt: no ${path.join(".")}`);
    node = member.value;
  }
  if (node.kind !== "object") throw new Error(`objectAt: ${path.join(".")} is not an object`);
  return node;
}

/** An object edited member by member: removed keys go, changed values are set, new keys are added. */
function mergeInto(text: string, path: readonly string[], value: Record<string, unknown>): string {
  let edited = text;
  for (;;) {
    const object = objectAt(edited, path);
    const gone = object.members.findIndex((member) => !Object.hasOwn(value, member.key) || value[member.key] === undefined);
    if (gone < 0) break;
    edited = removeMember(edited, object, gone);
  }
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const member = objectAt(edited, path).members.find((candidate) => candidate.key === key);
    if (member !== undefined) {
      const current = parseJsonc(edited.slice(member.value.start, member.value.end));
      if (!("issue" in current) && JSON.stringify(current.value) === JSON.stringify(item)) continue;
    }
    edited = setConfigValue(edited, [...path, key], item);
  }
  return edited;
}

function holdsComment(text: string, start: number, end: number): boolean {
  return locateComments(text).some(([from, to]) => from >= start && to <= end);
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
      if (member.value.kind === "object" && isPlainObject(value) && holdsComment(text, member.value.start, member.value.end)) {
        return mergeInto(text, path, value);
      }
      const indent = lineIndent(text, member.keyStart);
      return splice(text, member.value.start, member.value.end, render(value, style, indent));
    }
    node = member.value;
  }
  throw new Error("unreachable");
}

/**
 * `$schema` for a new config, a reference that holds in a colleague's clone of the config's
 * repository: a path relative to the config when the schema is part of that tree — jcprofile
 * installed in a `node_modules` at or above the config's folder
 * (`./node_modules/jcprofile/schema/jcprofile.schema.json`), or the config inside jcprofile's own
 * checkout — else the schema published with this version of the package (a global install or an
 * npx cache lives at a path that exists on this machine only).
 */
export function schemaReference(configDir: string, packageDir: string, version: string): string {
  const schemaFile = join(packageDir, "schema", "jcprofile.schema.json");
  const inTree = isWithin(packageDir, configDir) || (basename(dirname(packageDir)) === "node_modules" && isWithin(dirname(dirname(packageDir)), configDir));
  const path = relative(configDir, schemaFile);
  if (!inTree || isAbsolute(path) || /^[A-Za-z]:/.test(path)) return publishedSchemaUrl(version);
  const slashed = path.split(sep).join("/");
  return slashed.startsWith("..") ? slashed : `./${slashed}`;
}

/** The schema file of this version as published with the package, served by a public CDN for npm packages. */
export function publishedSchemaUrl(version: string): string {
  return `https://cdn.jsdelivr.net/npm/jcprofile@${version}/schema/jcprofile.schema.json`;
}

/** Whether `path` is `folder` or inside it. */
function isWithin(folder: string, path: string): boolean {
  const rest = relative(folder, path);
  return rest === "" || (!rest.startsWith("..") && !isAbsolute(rest));
}

/**
 * Saves an edited config: through a symlink to its target, keeping the file's mode, all or
 * nothing (src/project/write-config-file.ts). Every command that edits the config writes through here.
 * `alongside`: files written in the same all-or-nothing step (import's license file).
 */
/** A kept copy of the previous file the write could not remove: harmless, but the admin's to remove. */
export function leftoverWarning(leftover: string): string {
  const path = leftover.replace(/ \([^)]*\)$/, "");
  return `written, but the copy of a replaced file kept during the write could not be removed: ${leftover} — remove it: rm '${path.replaceAll("'", `'\\''`)}' (the next edit also removes it)`;
}

export async function saveConfigText(config: { path: string; displayPath: string }, text: string, alongside: readonly FileToWrite[] = [], ops?: FileOps): Promise<string[]> {
  return writeConfigFile(config, text, { alongside, ...(ops !== undefined && { ops }) });
}
