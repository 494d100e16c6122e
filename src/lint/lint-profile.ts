import { checkRules } from "../catalog/rules.js";
import { checkSettings } from "../catalog/check.js";
import type { ProfileModel } from "../profile/read-profile.js";
import { checkEntra } from "../checks/entra-checks.js";
import { toFinding, type LintFinding } from "../checks/finding.js";
import { checkLicense } from "../checks/license-check.js";
import { checkStructure } from "../checks/structure-checks.js";
import { appendAll } from "../append.js";

export interface LintOptions {
  /** For the license's expiry date. */
  readonly now: Date;
}

/**
 * Every problem of one read profile: its own structure, then each Jamf Connect payload's
 * preferences through the same catalogue and cross-key rules `build` uses, then the checks only
 * a profile from elsewhere needs (GUIDs, scopes, secrets, license, 1.x keys).
 */
export function lintProfile(model: ProfileModel, options: LintOptions): LintFinding[] {
  const findings = checkStructure(model).map(({ place, issue }) => toFinding(model.fileName, place, issue));
  for (const payload of model.payloads) {
    const place = { domain: payload.domain, payload: payload.index === undefined ? null : payload.index + 1 };
    const { domain, preferences } = payload;
    const issues = [
      ...checkSettings(domain, preferences, { unknownKeys: "typos", source: "profile" }),
      ...checkRules(domain, preferences),
      ...checkEntra(domain, preferences),
      ...checkLicense(preferences, options.now),
    ];
    appendAll(findings, issues.map((issue) => toFinding(model.fileName, place, issue)));
  }
  return findings;
}
