import { describe, expect, it } from "vitest";
import { exitCodeFor, formatProblem, messageAndFix, problemText } from "./problem.js";

describe("problemText / formatProblem", () => {
  it("shows a fix kept apart as the message's tail, as a joined message reads", () => {
    const apart = { severity: "error", path: ["tenant"], message: "is empty", fix: "add it" } as const;
    const joined = { severity: "error", path: ["tenant"], message: "is empty — add it" } as const;
    expect(problemText(apart)).toBe("is empty — add it");
    expect(formatProblem({ ...apart, file: "jcprofile.json" })).toBe(formatProblem({ ...joined, file: "jcprofile.json" }));
    expect(problemText({ ...apart, fix: "" })).toBe("is empty");
  });
});

describe("messageAndFix", () => {
  it.each([
    ["is not a GUID — use the Application (client) ID — from Overview", { message: "is not a GUID", fix: "use the Application (client) ID — from Overview" }],
    ["is empty", { message: "is empty" }],
  ])("%s", (text, parts) => {
    expect(messageAndFix(text)).toEqual(parts);
    expect(problemText({ severity: "error", path: [], ...messageAndFix(text) })).toBe(text);
  });
});

describe("exitCodeFor", () => {
  const warning = { severity: "warning" } as const;
  const error = { severity: "error" } as const;
  it.each([
    ["nothing found", [], {}, 0],
    ["only warnings", [warning], {}, 0],
    ["warnings with strict", [warning], { strict: true }, 1],
    ["an error", [warning, error], {}, 1],
    ["a failed outcome", [], { failed: true }, 1],
    ["unreadable outweighs the rest", [error], { unreadable: true, failed: true }, 2],
    ["inconclusive alone", [warning], { inconclusive: true }, 3],
    ["a failure outweighs inconclusive", [], { failed: true, inconclusive: true }, 1],
    ["an error outweighs inconclusive", [error], { inconclusive: true }, 1],
  ] as const)("%s", (_, problems, outcome, code) => {
    expect(exitCodeFor(problems, outcome)).toBe(code);
  });
});
