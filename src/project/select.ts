import { ENVIRONMENT_NAME_PATTERN } from "../config/schema.js";
import { UserError } from "../errors.js";
import type { Problem } from "../problem.js";
import { showValue } from "../values.js";

/**
 * A name given to --env as typed when it could name an environment; anything else (empty, a typo
 * such as `-e=prod`'s "=prod", control characters, a secret pasted by mistake) as showValue shows it.
 */
function showRequested(name: string): string {
  return ENVIRONMENT_NAME_PATTERN.test(name) ? name : showValue(name);
}

/** The environments named by --env (all when none), in the config's order; an unknown name is a problem. */
export function selectEnvironments(
  known: readonly string[],
  requested: readonly string[] | undefined,
  displayPath: string,
): { names: string[]; problems: Problem[] } {
  if (!requested || requested.length === 0) return { names: [...known], problems: [] };
  const unknown = [...new Set(requested)].filter((name) => !known.includes(name));
  const problems: Problem[] = unknown.length === 0 ? [] : [{
    severity: "error",
    path: [],
    message: `--env ${unknown.map(showRequested).join(", ")}: no such environment in ${displayPath}`,
    fix: `it has ${known.join(", ")}`,
    code: "unknown-environment",
  }];
  return { names: known.filter((name) => requested.includes(name)), problems };
}

/**
 * For a command that acts on one environment (probe, signin): without --env the config must hold
 * exactly one, since acting on several would mix tenants and users. `choose` says how to pick.
 */
export function requireOneEnvironment(known: readonly string[], requested: string | undefined, displayPath: string, choose: string): void {
  if (requested !== undefined || known.length === 1) return;
  throw new UserError(`${displayPath} has ${known.length} environments (${known.join(", ")}): ${choose}`);
}
