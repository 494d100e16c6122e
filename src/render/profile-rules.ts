/**
 * The checks lint runs on a profile from elsewhere — Entra IDs and scopes, secrets, the license —
 * run on every profile build renders too, from the same code, so what lint calls an error build
 * refuses and upload never sends. One judgement call differs: an expired license is a warning
 * here, since the same config built yesterday and the fix is in Jamf Account, not in the config.
 */
import { checkEntra } from "../checks/entra-checks.js";
import { checkLicense } from "../checks/license-check.js";
import type { Problem } from "../problem.js";
import type { Domain } from "../profile/domains.js";
import type { PlistDict } from "../profile/plist-xml.js";

/** Lint's errors that build only warns about. */
const WARNED_BY_BUILD = new Set(["license-expired"]);

export interface RenderedContext {
  /** Where the environment's settings for this domain are: `environments.<env>.<part>.settings`. */
  settingsPath: readonly (string | number)[];
  /** The environment's path: `environments.<env>`. */
  environmentPath: readonly (string | number)[];
  /** Preference path (dotted) → the config field jcprofile fills it from (template placeholders). */
  owned: ReadonlyMap<string, string>;
  /** The clock a license's expiry is read against; without one, expiry is not checked. */
  now?: Date;
}

/** Lint's profile checks on rendered preferences, each placed at the config field or setting that wrote it. */
export function checkRenderedPreferences(domain: Domain, preferences: PlistDict, context: RenderedContext): Problem[] {
  const issues: Problem[] = [...checkEntra(domain, preferences), ...(context.now !== undefined ? checkLicense(preferences, context.now) : [])];
  return issues.map((issue) => {
    const field = context.owned.get(issue.path.join("."));
    const path = field !== undefined ? [...context.environmentPath, ...field.split(".")] : [...context.settingsPath, ...issue.path];
    const severity = WARNED_BY_BUILD.has(issue.code ?? "") ? "warning" : issue.severity;
    return { path, severity, message: issue.message, ...(issue.fix !== undefined && issue.fix !== "" && { fix: issue.fix }), ...(issue.code !== undefined && { code: issue.code }) };
  });
}
