import type * as v from "valibot";
import { kindOf, showValue } from "../values.js";
import { messageAndFix, type Problem } from "../problem.js";

const expectedNames: Record<string, string> = {
  string: "a string",
  boolean: "true or false (no quotes)",
  number: "a number",
  Object: "an object { … }",
  Array: "an array [ … ]",
};

/**
 * Turns a valibot issue into a message that names the value and the fix. Validation issues
 * carry our own wording (schema.ts `messages`); schema (type) issues are phrased here.
 */
export function problemFromIssue(
  issue: v.BaseIssue<unknown>,
  knownKeysAt: (path: readonly (string | number)[]) => readonly string[],
  suggest: (key: string, known: readonly string[]) => string | undefined,
): Problem {
  const path = (issue.path ?? []).map((item) => item.key as string | number);
  const input = issue.input;
  if (issue.kind === "validation") {
    // schema.ts words each check "what — fix" in one sentence, which flags and prompts show whole.
    const { message, fix } = messageAndFix(issue.message);
    return { path, message: `${showValue(input)} ${message}`, ...(fix !== undefined && { fix }), severity: "error", code: "invalid-value" };
  }
  if (issue.type === "strict_object" && issue.expected === "never") {
    const known = knownKeysAt(path.slice(0, -1));
    const guess = suggest(String(path[path.length - 1]), known);
    const fix = guess ? `did you mean "${guess}"?` : `known fields here: ${known.join(", ")}`;
    return { path, message: "unknown field", fix, severity: "error", code: "unknown-field" };
  }
  if (input === undefined) {
    return { path, message: "is missing", fix: "add it", severity: "error", code: "missing-field" };
  }
  if (issue.type === "picklist") {
    const options = (issue.expected ?? "").replace(/^\(|\)$/g, "").replaceAll(" | ", ", ");
    return { path, message: `${showValue(input)} is not one of ${options}`, severity: "error", code: "not-allowed-value" };
  }
  const expected = expectedNames[issue.expected ?? ""] ?? issue.expected ?? "another type";
  return { path, message: `${showValue(input)} is ${kindOf(input)}, expected ${expected}`, severity: "error", code: "wrong-type" };
}
