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

describe("showValue options: one display for every message, diff and dry run", () => {
  const SECRET = "Abc8Q~x7yZ.kLmNoPqRsTuVwXyZ0123456789abcd";

  it("hides everything under a secret's name, and a secret-shaped string anywhere", () => {
    expect([showValue("plain", { secret: true }), showValue(42, { secret: true }), showValue(SECRET)]).toEqual(Array(3).fill("<secret, not shown>"));
    expect(showValue(["a", SECRET], { width: Infinity })).toBe('["a","<secret, not shown>"]');
  });

  it("cuts at the width asked for, or not at all", () => {
    expect(showValue("x".repeat(100), { width: 80 })).toHaveLength(80);
    expect(showValue("x".repeat(100), { width: Infinity })).toHaveLength(102);
  });

  it("shows arrays and dictionaries by their size when asked, before any secret rule", () => {
    expect(showValue([1, 2, 3], { sizes: true, secret: true })).toBe("[3 items]");
    expect(showValue({ A: 1, B: 2 }, { sizes: true })).toBe("{2 keys}");
    expect(showValue("https://user:pw@idp.example/x?token=1", { sizes: true })).not.toMatch(/pw|token/);
  });
});
