/**
 * JSON.parse says where it failed only for some errors ("Unexpected token '}', … is not valid
 * JSON" has no position on Node 20) and silently keeps the last of two equal keys, which hides
 * typos in a hand-edited config. This scanner finds the first syntax error's offset and any
 * duplicate key; JSON.parse still does the real parsing.
 */

export interface JsonSyntaxIssue {
  offset: number;
  message: string;
  /** For duplicate keys: the path of the object holding them. */
  path?: (string | number)[];
}

export function scanJson(text: string): JsonSyntaxIssue | undefined {
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

  const readValue = (): void => {
    skipSpace();
    const char = text[i];
    if (char === "{") return readObject();
    if (char === "[") return readArray();
    if (char === '"') {
      readString();
      return;
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) fail(char === undefined ? "the file ends where a value was expected" : `unexpected '${char}' where a value was expected`);
    i += literal![0].length;
  };

  const readObject = (): void => {
    i++;
    const seen = new Set<string>();
    skipSpace();
    if (text[i] === "}") {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') fail(text[i] === "}" ? "a trailing comma before '}' is not allowed in JSON" : "expected a key in double quotes");
      const keyOffset = i;
      const key = readString();
      if (seen.has(key)) {
        i = keyOffset;
        throw { offset: keyOffset, message: `duplicate key "${key}" (JSON keeps only the last one)`, path: [...path] } satisfies JsonSyntaxIssue;
      }
      seen.add(key);
      expect(":");
      path.push(key);
      readValue();
      path.pop();
      skipSpace();
      if (text[i] === ",") {
        i++;
        continue;
      }
      expect("}");
      return;
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
    readValue();
    skipSpace();
    if (i < text.length) fail(`unexpected '${text[i]}' after the end of the JSON value`);
    return undefined;
  } catch (issue) {
    if (typeof issue === "object" && issue !== null && "offset" in issue) return issue as JsonSyntaxIssue;
    throw issue;
  }
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
