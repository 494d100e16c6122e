/**
 * One scanner for jcprofile.json's text, with two uses:
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

/** The spans of a JSON document, or its first syntax issue. */
function scan(text: string): { root: ValueSpan } | { issue: JsonSyntaxIssue } {
  let i = 0;
  const path: (string | number)[] = [];

  const fail = (message: string): never => {
    throw { offset: i, message } satisfies JsonSyntaxIssue;
  };
  const skipSpace = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const expect = (char: string) => {
    skipSpace();
    if (text[i] !== char) fail(text[i] === undefined ? `expected '${char}' but the file ends` : `expected '${char}' but found '${text[i]}'`);
    i++;
  };

  const readString = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length) {
      const char = text[i]!;
      if (char === '"') {
        i++;
        return JSON.parse(text.slice(start, i)) as string;
      }
      if (char === "\\") i += 2;
      else if (char < " ") fail("a string holds a raw control character or line break; escape it (\\n, \\t)");
      else i++;
    }
    i = start;
    return fail("a string is not closed with '\"'");
  };

  const readValue = (): ValueSpan => {
    skipSpace();
    const start = i;
    const char = text[i];
    if (char === "{") return readObject();
    if (char === "[") readArray();
    else if (char === '"') readString();
    else {
      const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
      if (!literal) fail(char === undefined ? "the file ends where a value was expected" : `unexpected '${char}' where a value was expected`);
      i += literal![0].length;
    }
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
    if (i < text.length) fail(`unexpected '${text[i]}' after the end of the JSON value`);
    return { root };
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

/** Where each member sits in text that already parsed (parseConfigText checks it first); anything else is a bug. */
export function locateJson(text: string): ValueSpan {
  const scanned = scan(text);
  if ("issue" in scanned) throw new Error(`locateJson: ${scanned.issue.message} at offset ${scanned.issue.offset}`);
  return scanned.root;
}

/** 1-based line and column of an offset, as editors count them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === "\n") {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
