/**
 * Where each member of a JSON document sits in its text, so one value can be replaced or one
 * member added without re-serialising the rest: the admin's own formatting, key order and
 * line endings survive a `jcprofile init` byte for byte. Only for text that already parsed
 * (parseConfigText checks the syntax first); on anything else it throws a plain Error (a bug).
 */

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

export function locateJson(text: string): ValueSpan {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const skipSpace = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw new Error(`locateJson: unexpected ${JSON.stringify(text[i] ?? "end of text")} at offset ${i}`);
  };
  const skipString = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const readValue = (): ValueSpan => {
    skipSpace();
    const start = i;
    const char = text[i];
    if (char === "{") return readObject();
    if (char === "[") {
      i++;
      skipSpace();
      while (text[i] !== "]") {
        readValue();
        skipSpace();
        if (text[i] === ",") i++;
        else if (text[i] !== "]") fail();
        skipSpace();
      }
      i++;
    } else if (char === '"') {
      skipString();
    } else {
      const literal = /^(?:true|false|null|-?\d[\d.eE+-]*)/.exec(text.slice(i, i + 400));
      if (!literal) fail();
      i += literal![0].length;
    }
    return { kind: "other", start, end: i };
  };
  const readObject = (): ObjectSpan => {
    const start = i++;
    const members: ObjectSpan["members"] = [];
    skipSpace();
    while (text[i] !== "}") {
      if (text[i] !== '"') fail();
      const keyStart = i;
      const key = skipString();
      skipSpace();
      if (text[i] !== ":") fail();
      i++;
      members.push({ key, keyStart, value: readValue() });
      skipSpace();
      if (text[i] === ",") i++;
      else if (text[i] !== "}") fail();
      skipSpace();
    }
    i++;
    return { kind: "object", start, end: i, members };
  };
  return readValue();
}
