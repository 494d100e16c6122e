import { showChar } from "./text-position.js";

export { lineAndColumn, showChar } from "./text-position.js";

/**
 * One scanner for jcprofile.json's text (JSON with line and block comments), with two uses:
 * - syntax: JSON.parse says where it failed only for some errors ("Unexpected token '}', … is not
 *   valid JSON" has no position on Node 20) and silently keeps the last of two equal keys, which
 *   hides typos in a hand-edited config. scanJson finds the first syntax error's offset and any
 *   duplicate key; JSON.parse still does the real parsing.
 * - spans: where each member sits in the text, so one value can be replaced or one member added
 *   without re-serialising the rest (write-config.ts): the admin's own formatting, key order and
 *   line endings survive a `jcprofile init` byte for byte.
 */

export interface JsonSyntaxIssue {
  offset: number;
  message: string;
  /** For duplicate keys: the path of the object holding them. */
  path?: (string | number)[];
}

export interface ObjectSpan {
  kind: "object";
  /** Offset of `{`. */
  start: number;
  /** Offset just past `}`. */
  end: number;
  members: { key: string; keyStart: number; value: ValueSpan }[];
}

export interface OtherSpan {
  kind: "other";
  start: number;
  end: number;
}

export type ValueSpan = ObjectSpan | OtherSpan;

/** A number literal JSON.parse cannot keep exactly (beyond 2^53, or beyond a double), as written. */
export interface ImpreciseNumber {
  path: (string | number)[];
  text: string;
}

interface Scanned {
  root: ValueSpan;
  comments: [number, number][];
  impreciseNumbers: ImpreciseNumber[];
}

/**
 * Deeper than any real config; the checks that walk the parsed value recurse, so a hostile file
 * nested thousands deep is stopped here with a position instead of a stack overflow.
 */
export const MAX_DEPTH = 64;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /true|false|null/y;
const SPACE = /[ \t\n\r]*/y;
/** A run of string characters that need no further look: no quote, backslash or control character. */
const STRING_RUN = /[^"\\\u0000-\u001f]*/y;


/** The spans of a JSON document, or its first syntax issue. */
function scan(text: string): Scanned | { issue: JsonSyntaxIssue } {
  let i = 0;
  const path: (string | number)[] = [];
  const comments: [number, number][] = [];
  const impreciseNumbers: ImpreciseNumber[] = [];

  const fail = (message: string): never => {
    throw { offset: i, message } satisfies JsonSyntaxIssue;
  };
  const skipSpace = () => {
    for (;;) {
      SPACE.lastIndex = i;
      SPACE.test(text);
      i = SPACE.lastIndex;
      if (text[i] !== "/") return;
      const start = i;
      if (text[i + 1] === "/") {
        while (i < text.length && text[i] !== "\n") i++;
      } else if (text[i + 1] === "*") {
        const end = text.indexOf("*/", i + 2);
        if (end < 0) fail("a /* comment is not closed with */");
        i = end + 2;
      } else return;
      comments.push([start, i]);
    }
  };
  const found = () => (text[i] === undefined ? "the file ends" : `found ${showChar(text[i]!)}`);
  const expect = (char: string) => {
    skipSpace();
    if (text[i] !== char) fail(`expected '${char}' but ${found()}`);
    i++;
  };

  const readString = (): string => {
    const start = i;
    i++; // opening quote
    let escaped = false;
    while (i < text.length) {
      STRING_RUN.lastIndex = i;
      STRING_RUN.test(text);
      i = STRING_RUN.lastIndex;
      const char = text[i];
      if (char === undefined) break;
      if (char === '"') {
        i++;
        return escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
      }
      if (char === "\\") {
        escaped = true;
        readEscape();
      } else fail(`a string holds a raw ${showChar(char)}; escape it (\\n, \\t, \\u0000)`);
    }
    i = start;
    return fail("a string is not closed with '\"'");
  };

  // JSON knows \" \\ \/ \b \f \n \r \t and \u with four hex digits; JSON.parse would throw on anything else.
  const readEscape = () => {
    const next = text[i + 1];
    if (next !== undefined && '"\\/bfnrt'.includes(next)) {
      i += 2;
      return;
    }
    if (next === "u") {
      if (/^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) {
        i += 6;
        return;
      }
      fail(`\\u must be followed by four hex digits (e.g. \\u00e9), found ${JSON.stringify(text.slice(i, i + 6))}`);
    }
    fail(next === undefined ? "the file ends inside a string" : `\\${next === "\\" ? "\\" : next} is not a JSON escape — write \\\\ for a backslash (JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`);
  };

  const readLiteral = () => {
    const start = i;
    for (const pattern of [WORD, NUMBER]) {
      pattern.lastIndex = i;
      const match = pattern.exec(text);
      if (!match) continue;
      i += match[0].length;
      if (pattern === NUMBER) {
        const value = Number(match[0]);
        const integerLike = !/[.eE]/.test(match[0]);
        if (!Number.isFinite(value) || (integerLike && !Number.isSafeInteger(value))) impreciseNumbers.push({ path: [...path], text: match[0] });
      }
      return;
    }
    i = start;
    fail(text[i] === undefined ? "the file ends where a value was expected" : `unexpected ${showChar(text[i]!)} where a value was expected`);
  };

  const readValue = (): ValueSpan => {
    skipSpace();
    const start = i;
    const char = text[i];
    if ((char === "{" || char === "[") && path.length >= MAX_DEPTH) {
      fail(`nested more than ${MAX_DEPTH} levels deep — a Jamf Connect config never is; check the file`);
    }
    if (char === "{") return readObject();
    if (char === "[") readArray();
    else if (char === '"') readString();
    else readLiteral();
    return { kind: "other", start, end: i };
  };

  const readObject = (): ObjectSpan => {
    const start = i++;
    const members: ObjectSpan["members"] = [];
    const seen = new Set<string>();
    skipSpace();
    if (text[i] === "}") {
      i++;
      return { kind: "object", start, end: i, members };
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') fail(text[i] === "}" ? "a trailing comma before '}' is not allowed in JSON" : "expected a key in double quotes");
      const keyStart = i;
      const key = readString();
      if (seen.has(key)) {
        i = keyStart;
        throw { offset: keyStart, message: `duplicate key "${key}" (JSON keeps only the last one)`, path: [...path] } satisfies JsonSyntaxIssue;
      }
      seen.add(key);
      expect(":");
      path.push(key);
      members.push({ key, keyStart, value: readValue() });
      path.pop();
      skipSpace();
      if (text[i] === ",") {
        i++;
        continue;
      }
      expect("}");
      return { kind: "object", start, end: i, members };
    }
  };

  const readArray = (): void => {
    i++;
    skipSpace();
    if (text[i] === "]") {
      i++;
      return;
    }
    for (let index = 0; ; index++) {
      skipSpace();
      if (text[i] === "]") fail("a trailing comma before ']' is not allowed in JSON");
      path.push(index);
      readValue();
      path.pop();
      skipSpace();
      if (text[i] === ",") {
        i++;
        continue;
      }
      expect("]");
      return;
    }
  };

  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1; // a UTF-8 byte order mark, as some Windows editors write
    const root = readValue();
    skipSpace();
    if (i < text.length) fail(`unexpected ${showChar(text[i]!)} after the end of the JSON value`);
    return { root, comments, impreciseNumbers };
  } catch (issue) {
    if (typeof issue === "object" && issue !== null && "offset" in issue) return { issue: issue as JsonSyntaxIssue };
    throw issue;
  }
}

/** The first syntax error or duplicate key, or undefined for valid JSON. */
export function scanJson(text: string): JsonSyntaxIssue | undefined {
  const scanned = scan(text);
  return "issue" in scanned ? scanned.issue : undefined;
}

/**
 * The value of a config text with comments, or its first syntax issue. Comments become spaces
 * (line breaks kept) and JSON.parse does the rest: the scanner has already proven the text.
 */
export function parseJsonc(text: string): { value: unknown; impreciseNumbers: ImpreciseNumber[] } | { issue: JsonSyntaxIssue } {
  const scanned = scan(text);
  if ("issue" in scanned) return scanned;
  let plain = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  for (const [start, end] of scanned.comments) {
    plain = plain.slice(0, start) + plain.slice(start, end).replace(/[^\n\r]/g, " ") + plain.slice(end);
  }
  return { value: JSON.parse(plain) as unknown, impreciseNumbers: scanned.impreciseNumbers };
}

/** Where the comments are ([start, end) offsets) in text that already parsed. */
export function locateComments(text: string): [number, number][] {
  const scanned = scan(text);
  return "issue" in scanned ? [] : scanned.comments;
}

/** Where each member sits in text that already parsed (parseConfigText checks it first); anything else is a bug. */
export function locateJson(text: string): ValueSpan {
  const scanned = scan(text);
  if ("issue" in scanned) throw new Error(`locateJson: ${scanned.issue.message} at offset ${scanned.issue.offset}`);
  return scanned.root;
}
