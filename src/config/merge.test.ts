import { describe, expect, it } from "vitest";
import { deepMerge } from "./merge.js";

describe("deepMerge", () => {
  it("merges objects key by key and replaces arrays and values", () => {
    const base = { a: 1, nested: { x: true, list: [1, 2], keep: "k" }, list: ["a"] };
    const merged = deepMerge(base, { nested: { x: false, list: [3] }, list: ["b", "c"], extra: null });
    expect(merged).toEqual({ a: 1, nested: { x: false, list: [3], keep: "k" }, list: ["b", "c"], extra: null });
  });

  it("keeps the base's key order and appends new keys", () => {
    const merged = deepMerge({ b: 1, a: 2 }, { c: 3, a: 4 });
    expect(Object.keys(merged)).toEqual(["b", "a", "c"]);
  });

  it("does not mutate its inputs", () => {
    const base = { nested: { x: 1 } };
    const override = { nested: { y: 2 } };
    deepMerge(base, override);
    expect(base).toEqual({ nested: { x: 1 } });
    expect(override).toEqual({ nested: { y: 2 } });
  });

  it("lets an object replace a value and a value replace an object", () => {
    expect(deepMerge({ a: 1, b: { c: 1 } } as Record<string, unknown>, { a: { z: 1 }, b: 2 })).toEqual({ a: { z: 1 }, b: 2 });
  });
});
