import { describe, expect, it } from "vitest";
import { findUnwritableChar, kindOf, showValue } from "./values.js";

describe("findUnwritableChar", () => {
  it.each([
    ["plain text, tabs\tand\nlines\r", undefined],
    ["bell\u0007", "a control character (U+0007)"],
    ["nul\u0000", "a control character (U+0000)"],
    ["\uFFFE", "a noncharacter (U+FFFE)"],
    ["lone \uD83D surrogate", "an unpaired surrogate (U+D83D)"],
    ["\uDC00 trailing half", "an unpaired surrogate (U+DC00)"],
    ["pair 🍎 is fine", undefined],
  ])("%j → %s", (text, expected) => {
    expect(findUnwritableChar(text)).toBe(expected);
  });
});

describe("value wording", () => {
  it("names JSON kinds and shortens long values", () => {
    expect([kindOf("x"), kindOf(1), kindOf(true), kindOf([]), kindOf({}), kindOf(null)]).toEqual([
      "a string",
      "a number",
      "a boolean",
      "an array",
      "an object",
      "null",
    ]);
    expect(showValue("false")).toBe('"false"');
    expect(showValue("x".repeat(100)).length).toBe(40);
  });
});
