import { describe, expect, it } from "vitest";
import { diffLines, formatDiff } from "./diff.js";

const lines = (text: string) => text.split("\n");

describe("diffLines", () => {
  it("keeps common lines and shows a changed line as a removal then an addition", () => {
    expect(diffLines(lines("a\nb\nc"), lines("a\nB\nc"))).toEqual([
      { op: " ", text: "a" },
      { op: "-", text: "b" },
      { op: "+", text: "B" },
      { op: " ", text: "c" },
    ]);
  });

  it("handles pure additions and removals, and empty sides", () => {
    expect(diffLines([], ["x"])).toEqual([{ op: "+", text: "x" }]);
    expect(diffLines(["x"], [])).toEqual([{ op: "-", text: "x" }]);
    expect(diffLines(lines("a\nc"), lines("a\nb\nc")).map((line) => line.op).join("")).toBe(" + ");
  });
});

describe("formatDiff", () => {
  const before = Array.from({ length: 20 }, (_unused, index) => `line ${index}`);
  const after = before.map((line, index) => (index === 10 ? "changed" : line));

  it("folds unchanged runs far from a change, keeping three lines of context", () => {
    expect(formatDiff(diffLines(before, after))).toEqual([
      "  …",
      "  line 7",
      "  line 8",
      "  line 9",
      "- line 10",
      "+ changed",
      "  line 11",
      "  line 12",
      "  line 13",
      "  …",
    ]);
  });

  it("never folds a single line, and paints changes only", () => {
    const shown = formatDiff(diffLines(lines("a\nb\nc\nd"), lines("a\nb\nc\nD")), { context: 2, paint: (op, text) => `<${op}>${text}` });
    expect(shown).toEqual(["  a", "  b", "  c", "<->- d", "<+>+ D"]);
  });
});
