/**
 * Canonical XML property list bytes, the form a signing step or `git diff` wants to see twice
 * alike: Apple's header and DOCTYPE, tab indentation, dictionary keys sorted, <integer> only
 * for safe integers, <true/>/<false/>, <data> never empty, no character a plist cannot hold.
 *
 * Why not plist's build(): importing the plist package costs ~60 ms of start-up (the xmldom
 * parser comes with it), and its output keeps insertion order and accepts NaN, unsafe integers
 * and empty data. The plist package still re-parses every output in the tests.
 */

import { findUnwritableChar } from "../values.js";

/** What a property list holds. Reals are read as numbers; jcprofile itself writes only integers. */
export type PlistValue = string | number | boolean | Uint8Array | Date | readonly PlistValue[] | PlistDict;

export interface PlistDict {
  readonly [key: string]: PlistValue;
}

export class PlistValueError extends Error {
  constructor(
    readonly path: readonly (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

/** The lines before the root value (joined with the others, so the text is made flat in one join). */
const HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n' +
  '<plist version="1.0">';


export function serializePlist(root: PlistValue): string {
  const lines: string[] = [HEADER];
  writeValue(root, 0, [], lines);
  lines.push("</plist>", "");
  // One flat string: a header and tail concatenated around the join would be copied again when written.
  return lines.join("\n");
}

/**
 * Code units findUnwritableChar may object to (C0 controls but tab, LF and CR; surrogates, which
 * it accepts when paired; the noncharacters) and those XML escapes: text without any is written as
 * it is, after one scan. A build writes ~50,000 strings for 1000 environments.
 */
const NOT_PLAIN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff&<>\r]/;

/** `path` is the writer's stack of keys and indexes, copied only for an error. */
function escapeText(text: string, path: readonly (string | number)[]): string {
  if (!NOT_PLAIN.test(text)) return text;
  const bad = findUnwritableChar(text);
  if (bad) throw new PlistValueError([...path], `contains ${bad}, which a property list cannot hold`);
  return escapeXmlText(text);
}

/**
 * Text for an XML element's content: `&`, `<` and `>` escaped. A raw CR would reach the reader as
 * LF (XML line-end normalisation); a reference keeps it. Also how upload carries the plist inside
 * the Classic API's `payloads` element.
 */
export function escapeXmlText(text: string): string {
  if (!/[&<>\r]/.test(text)) return text;
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll("\r", "&#13;");
}

/** Indentation by depth, made once. */
const PADS: string[] = [""];
const padOf = (depth: number): string => (PADS[depth] ??= "\t".repeat(depth));

/**
 * A dictionary's keys in UTF-16 code-unit order (sort()'s own order for strings, as < compares
 * them). sort() copies the array to work on even when it is in order already, as the profile's own
 * keys are: checked first.
 */
function sortedKeys(dict: object): string[] {
  const keys = Object.keys(dict);
  for (let index = 1; index < keys.length; index++) {
    if (keys[index - 1]! > keys[index]!) return keys.sort();
  }
  return keys;
}

/**
 * A dictionary key's element after its indentation, made once per name: 2000 profiles repeat the
 * same few dozen keys. Bounded, for profiles from elsewhere with endless names.
 */
function keyElement(key: string, path: readonly (string | number)[]): string {
  let element = keyElements.get(key);
  if (element === undefined) {
    if (keyElements.size >= 10_000) keyElements.clear();
    element = `\t<key>${escapeText(key, path)}</key>`;
    keyElements.set(key, element);
  }
  return element;
}

const keyElements = new Map<string, string>();

/**
 * Appends `value`'s lines. `path` is one stack for the whole walk (a key or index pushed while
 * its value is written, popped after), copied only into an error: a copy per key was a fifth of
 * writing 2000 profiles.
 */
function writeValue(value: PlistValue, depth: number, path: (string | number)[], lines: string[]): void {
  const pad = padOf(depth);
  if (typeof value === "string") {
    lines.push(`${pad}<string>${escapeText(value, path)}</string>`);
  } else if (typeof value === "boolean") {
    lines.push(`${pad}<${value ? "true" : "false"}/>`);
  } else if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) {
      throw new PlistValueError([...path], `${value} is not a whole number between ±9007199254740991, the only numbers jcprofile writes`);
    }
    lines.push(`${pad}<integer>${value}</integer>`);
  } else if (value instanceof Uint8Array) {
    if (value.length === 0) throw new PlistValueError([...path], "is empty data, which macOS refuses to read");
    lines.push(`${pad}<data>${Buffer.from(value.buffer, value.byteOffset, value.length).toString("base64")}</data>`);
  } else if (value instanceof Date) {
    // Read profiles can hold dates (a license's ExpirationDate); plist dates are whole seconds in UTC.
    if (Number.isNaN(value.getTime())) throw new PlistValueError([...path], "is an invalid date");
    lines.push(`${pad}<date>${value.toISOString().replace(/\.\d{3}Z$/, "Z")}</date>`);
  } else if (Array.isArray(value)) {
    if (value.length === 0) {
      lines.push(`${pad}<array/>`);
      return;
    }
    lines.push(`${pad}<array>`);
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      writeValue(value[index] as PlistValue, depth + 1, path, lines);
      path.pop();
    }
    lines.push(`${pad}</array>`);
  } else if (typeof value === "object" && value !== null) {
    const keys = sortedKeys(value);
    if (keys.length === 0) {
      lines.push(`${pad}<dict/>`);
      return;
    }
    lines.push(`${pad}<dict>`);
    for (const key of keys) {
      path.push(key);
      lines.push(pad + keyElement(key, path));
      writeValue((value as Record<string, PlistValue>)[key]!, depth + 1, path, lines);
      path.pop();
    }
    lines.push(`${pad}</dict>`);
  } else {
    throw new PlistValueError([...path], `${String(value)} has no property list form (remove the key instead of writing null)`);
  }
}
