import { describe, expect, it } from "vitest";
import { lineAndColumn, locateJson, scanJson } from "./json-syntax.js";

describe("scanJson", () => {
  it("accepts valid JSON, including a byte order mark", () => {
    expect(scanJson('{"a": [1, -2.5e3, true, false, null, "x\\"y"], "b": {}}')).toBeUndefined();
    expect(scanJson('\uFEFF{"a": 1}')).toBeUndefined();
  });

  it.each([
    ['{"a": 1,}', "trailing comma before '}'", 1, 9],
    ['{\n  "a": 1\n  "b": 2\n}', "expected '}' but found '\"'", 3, 3],
    ['{"a": tru}', "unexpected 't' where a value was expected", 1, 7],
    ['{"a": "x', "not closed", 1, 7],
    ["[1, 2", "expected ']' but the file ends", 1, 6],
    ["", "the file ends where a value was expected", 1, 1],
    ['{"a": 1} x', "after the end of the JSON value", 1, 10],
    ["{a: 1}", "expected a key in double quotes", 1, 2],
  ])("locates the error in %j", (text, message, line, column) => {
    const issue = scanJson(text);
    expect(issue?.message).toContain(message);
    expect(lineAndColumn(text, issue!.offset)).toEqual({ line, column });
  });

  it("finds duplicate keys, which JSON.parse silently collapses", () => {
    const text = '{"environments": {"prod": {"tenant": "a", "tenant": "b"}}}';
    const issue = scanJson(text);
    expect(issue?.message).toBe('duplicate key "tenant" (JSON keeps only the last one)');
    expect(issue?.path).toEqual(["environments", "prod"]);
    expect(lineAndColumn(text, issue!.offset)).toEqual({ line: 1, column: 43 });
  });
});

describe("locateJson", () => {
  it("gives each member's key and value offsets", () => {
    const text = '\ufeff{ "a": [1, 2], "b": { "c": null } }';
    const root = locateJson(text);
    expect(root.kind).toBe("object");
    if (root.kind !== "object") return;
    expect(root.members.map((member) => [member.key, text.slice(member.value.start, member.value.end)])).toEqual([
      ["a", "[1, 2]"],
      ["b", '{ "c": null }'],
    ]);
  });
});
