import { describe, expect, it } from "vitest";
import { lineAndColumn, locateJson, MAX_DEPTH, parseJsonc, scanJson } from "./json-syntax.js";

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

describe("parseJsonc: hostile and commented input", () => {
  const issueOf = (text: string) => {
    const parsed = parseJsonc(text);
    if (!("issue" in parsed)) throw new Error("parsed");
    return { ...parsed.issue, ...lineAndColumn(text, parsed.issue.offset) };
  };

  it("an invalid escape is located at its backslash, not thrown", () => {
    expect(issueOf('{"a": "x\\x"}')).toMatchObject({ line: 1, column: 9, message: expect.stringContaining("\\x is not a JSON escape") });
    expect(issueOf('{"a": "\\u12"}')).toMatchObject({ column: 8, message: expect.stringContaining("four hex digits") });
  });

  it("nesting thousands deep stops at the depth limit", () => {
    expect(issueOf("[".repeat(5000)).message).toContain(`nested more than ${MAX_DEPTH} levels deep`);
  });

  it("control bytes are shown escaped", () => {
    expect(issueOf('{"a": \u0000}').message).toBe("unexpected NUL U+0000 where a value was expected");
    expect(issueOf('{"a": "b\u0001"}').message).toContain("control character U+0001");
  });

  it("comments are whitespace; numbers JSON cannot keep are listed as written", () => {
    const big = `1${"2".repeat(300)}`;
    const parsed = parseJsonc(`// top\n{"a": /* x */ 1, /* y */ "b": ${big}, "c": [12345678901234567890]}\n/* end */`);
    expect(parsed).toEqual({
      value: { a: 1, b: Number(big), c: [12345678901234567000] },
      impreciseNumbers: [{ path: ["b"], text: big }, { path: ["c", 0], text: "12345678901234567890" }],
    });
    expect(issueOf('{"a": 1 /* open').message).toContain("not closed with */");
  });
});
