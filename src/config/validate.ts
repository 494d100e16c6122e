import * as v from "valibot";
import { closestMatch } from "../catalog/suggest.js";
import type { Problem } from "../problem.js";
import { isPlainObject } from "./merge.js";
import { problemFromIssue } from "./schema-issues.js";
import { configSchema, type ConfigFile } from "./schema.js";
import { appendAll } from "../append.js";

/**
 * Parsed JSON → a checked config, or every problem in it. valibot does the field checks; two
 * things it would let through are checked here first:
 * - an array where an object belongs (valibot's object and record schemas accept arrays, and
 *   `"login": []` would then silently mean "no login settings");
 * - the names `__proto__`, `constructor` and `prototype`, which valibot's records skip to guard
 *   against prototype pollution: an environment or settings key with such a name would vanish.
 *   They are checked here against the same schemas as any other name.
 * The config returned is the parsed value itself (not valibot's copy), so no name is lost and
 * the admin's key order is kept.
 */

type Path = (string | number)[];
type Node = { type?: string; wrapped?: unknown; pipe?: unknown[]; entries?: Record<string, unknown>; key?: unknown; value?: unknown; item?: unknown };

const SKIPPED_BY_VALIBOT = new Set(["__proto__", "constructor", "prototype"]);

function unwrap(schema: unknown): Node | undefined {
  let node = schema as Node | undefined;
  while (node) {
    if (node.type === "optional" && node.wrapped) node = node.wrapped as Node;
    else if (node.pipe && node.pipe[0] !== node) node = node.pipe[0] as Node;
    else break;
  }
  return node;
}

const isObjectSchema = (node: Node | undefined) => node?.type === "strict_object" || node?.type === "object" || node?.type === "record";

/** The keys a strict object accepts at a path, for "did you mean" on an unknown field. */
function knownKeysAt(path: readonly (string | number)[]): readonly string[] {
  let node = unwrap(configSchema);
  for (const step of path) {
    node = unwrap(node?.type === "record" ? node.value : node?.entries?.[String(step)]);
  }
  return node?.entries ? Object.keys(node.entries) : [];
}

const toProblem = (prefix: Path) => (issue: v.BaseIssue<unknown>): Problem => {
  const problem = problemFromIssue(issue, (path) => knownKeysAt([...prefix, ...path]), closestMatch);
  return { ...problem, path: [...prefix, ...problem.path] };
};

/**
 * Arrays where objects belong, and the names valibot skips, walking schema and value together.
 * `path` is one stack for the walk (a key pushed while its value is checked, popped after), copied
 * only into a problem: a config of 1000 environments has thousands of values to walk.
 */
function checkShapes(schema: unknown, value: unknown, path: Path, problems: Problem[], arrays: Path[]): void {
  const node = unwrap(schema);
  if (!node || value === undefined) return;
  if (isObjectSchema(node) && Array.isArray(value)) {
    const here = [...path];
    arrays.push(here);
    problems.push({ severity: "error", path: here, message: `${value.length === 0 ? "[]" : "[ … ]"} is an array, expected an object { … }`, fix: "write the fields inside { }", code: "wrong-type" });
    return;
  }
  if (!isPlainObject(value)) return;
  if (node.type === "record") {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const item = value[key];
      path.push(key);
      if (SKIPPED_BY_VALIBOT.has(key)) {
        const here = [...path];
        const keyCheck = v.safeParse(node.key as v.GenericSchema, key);
        if (!keyCheck.success) appendAll(problems, keyCheck.issues.map((issue) => ({ ...toProblem(here)(issue), path: here })));
        const valueCheck = v.safeParse(node.value as v.GenericSchema, item, { abortEarly: false });
        if (!valueCheck.success) appendAll(problems, valueCheck.issues.map(toProblem(here)));
      }
      checkShapes(node.value, item, path, problems, arrays);
      path.pop();
    }
  } else if (node.entries) {
    for (const key in value) {
      if (!Object.hasOwn(value, key) || !Object.hasOwn(node.entries, key)) continue;
      path.push(key);
      checkShapes(node.entries[key], value[key], path, problems, arrays);
      path.pop();
    }
  }
}

/** Two environments one case-insensitive disk (macOS's default) would build into one folder. */
function caseTwins(environments: Record<string, unknown>): Problem[] {
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  for (const name of Object.keys(environments)) {
    const folded = name.toLowerCase();
    const first = seen.get(folded);
    if (first === undefined) seen.set(folded, name);
    else {
      problems.push({
        severity: "error",
        path: ["environments", name],
        message: `differs from "${first}" only in letter case`,
        fix: "on a Mac's case-insensitive disk both would build into one folder; rename one",
        code: "case-twin",
      });
    }
  }
  return problems;
}

const under = (path: readonly (string | number)[], prefix: readonly (string | number)[]) =>
  prefix.length <= path.length && prefix.every((step, index) => path[index] === step);

export function validateConfig(raw: unknown): { config?: ConfigFile; problems: Problem[] } {
  if (!isPlainObject(raw)) {
    const message = 'the top level must be an object { "organization": …, "identifier": …, "environments": { … } }';
    return { problems: [{ severity: "error", path: [], message, code: "wrong-type" }] };
  }
  const problems: Problem[] = [];
  const arrays: Path[] = [];
  checkShapes(configSchema, raw, [], problems, arrays);
  const result = v.safeParse(configSchema, raw, { abortEarly: false });
  if (!result.success) {
    // An array where an object belongs already has its message; valibot's would add noise under it.
    const named = isPlainObject(raw["environments"]) && Object.keys(raw["environments"]).length > 0;
    problems.push(
      ...result.issues
        .filter((issue) => !(named && issue.type === "check" && issue.path?.length === 1)) // "no environments": it has only names valibot skips
        .map(toProblem([]))
        .filter((problem) => !arrays.some((path) => under(problem.path, path))),
    );
  }
  if (isPlainObject(raw["environments"])) appendAll(problems, caseTwins(raw["environments"]));
  return problems.length > 0 ? { problems } : { config: raw as ConfigFile, problems };
}
