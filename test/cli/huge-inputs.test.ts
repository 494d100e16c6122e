/**
 * No spread of an unbounded array into a call (issue 22, item 5): `push(...list)` and
 * `Math.max(...list)` put every element on the stack and throw "Maximum call stack size exceeded"
 * past about 100,000 elements — a 3 MB profile. This scan keeps the pattern out of src;
 * test/e2e/huge-inputs.test.ts runs the import and lint that failed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../folders.js";

/** Every .ts file under src, tests left out. */
function sources(folder = join(REPO_ROOT, "src")): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("unbounded arrays are never spread into a call (issue 22, item 5)", () => {
  it("no push(...), unshift(...), Math.max(...)/min(...) or fromCharCode(...) of a list in src", () => {
    const spread = /\.(?:push|unshift)\(\s*\.\.\.|Math\.(?:max|min)\(\s*\.\.\.|fromCharCode\(\s*\.\.\./;
    const found = sources().flatMap((file) =>
      readFileSync(file, "utf8").split("\n").flatMap((line, index) => (spread.test(line) ? [`${file.slice(REPO_ROOT.length)}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
