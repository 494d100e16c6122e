import { isPlainObject } from "../config/merge.js";
import { formatPath, problemText, type Problem } from "../problem.js";

/**
 * Says each problem once, where the admin wrote the value. Environments are checked after
 * `defaults` is merged in, so a mistake in `defaults` shows up once per environment under
 * `environments.<name>`; here it moves to its `defaults` path and the copies collapse into one.
 */
export function attributeProblems(problems: readonly Problem[], raw: unknown): Problem[] {
  const defaults = isPlainObject(raw) ? raw["defaults"] : undefined;
  const environments = isPlainObject(raw) ? raw["environments"] : undefined;
  const seen = new Set<string>();
  const said: Problem[] = [];
  for (const problem of problems) {
    const placed = { ...problem, path: placeOf(problem.path, defaults, environments) };
    const key = `${placed.severity}\u0000${formatPath(placed.path)}\u0000${problemText(placed)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    said.push(placed);
  }
  return said;
}

function placeOf(path: readonly (string | number)[], defaults: unknown, environments: unknown): readonly (string | number)[] {
  if (path[0] !== "environments" || typeof path[1] !== "string" || path.length < 3 || !isPlainObject(environments)) return path;
  const own = Object.hasOwn(environments, path[1]) ? environments[path[1]] : undefined;
  const rest = path.slice(2);
  // A value written in defaults and not in the environment is the defaults' problem; a missing one stays with the environment.
  return depthIn(defaults, rest) === rest.length && depthIn(own, rest) < rest.length ? ["defaults", ...rest] : path;
}

/** How many steps of `path` exist in `value`. */
function depthIn(value: unknown, path: readonly (string | number)[]): number {
  let node = value;
  let depth = 0;
  for (const step of path) {
    if (Array.isArray(node) && typeof step === "number" && step < node.length) node = node[step];
    else if (isPlainObject(node) && typeof step === "string" && Object.hasOwn(node, step)) node = node[step];
    else break;
    depth++;
  }
  return depth;
}
