import { checkRules, checkSettings } from "../catalog/index.js";
import { deepMerge, isPlainObject, withoutPaths } from "../config/merge.js";
import type { Problem } from "../problem.js";
import type { ResolvedEnvironment } from "../config/resolve.js";
import { PROFILE_KINDS, type ProfileKind } from "../profile/domains.js";
import type { PlistValue } from "../profile/plist-xml.js";
import { checkRenderedPreferences } from "./profile-rules.js";
import { fillFromFields } from "./fields.js";
import { appendAll } from "../append.js";

export { PROFILE_KINDS, type ProfileKind } from "../profile/domains.js";

export interface RenderOptions {
  /** The command's clock, for a license's expiry (not checked without it). */
  now?: Date;
  /** Lint's profile checks (render/profile-rules.ts); off when the environment's fields hold stand-ins. */
  profileChecks?: boolean;
}

/**
 * The preference dictionary one domain receives on the Mac: template, filled from the config
 * fields, with the environment's `settings` merged over it, checked key by key, by the cross-key
 * rules and by lint's profile checks (render/profile-rules.ts).
 */
export function renderPreferences(
  environment: ResolvedEnvironment,
  kind: ProfileKind,
  options: RenderOptions = {},
): { preferences: Record<string, PlistValue>; problems: Problem[] } {
  const { domain } = PROFILE_KINDS[kind];
  const settingsPath = ["environments", environment.name, kind, "settings"];
  const settings = environment[kind].settings;
  const problems: Problem[] = [];
  const at = (issue: Problem): Problem => ({ ...issue, path: [...settingsPath, ...issue.path] });

  const { preferences: filled, owned } = fillFromFields(environment, domain);
  const ownedPaths = new Set<string>();
  for (const [path, field] of ownedKeysIn(settings, owned, "", [])) {
    ownedPaths.add(path);
    problems.push({
      path: [...settingsPath, ...path.split(".")],
      message: `is written by jcprofile from "${field}"`,
      fix: `set ${field} instead and remove this key`,
      severity: "error",
      code: "owned-key",
    });
  }
  for (const key of Object.keys(settings)) {
    if (key.startsWith("Payload")) {
      const message = "is a profile key, not a Jamf Connect preference";
      problems.push({ path: [...settingsPath, key], message, fix: "remove it (jcprofile writes the Payload keys)", severity: "error", code: "payload-key-in-settings" });
    }
  }
  // An owned key already has its message ("set <field> instead"); the catalogue's would repeat it.
  const catalogIssues = checkSettings(domain, settings, { unknownKeys: environment.unknownKeys });
  appendAll(problems, catalogIssues.filter((issue) => !ownedPaths.has(issue.path.join("."))).map(at));
  // The rules still run without the keys already reported, so a rule problem shows in the same pass.
  const reported = problems.filter((problem) => problem.severity === "error").map((problem) => problem.path.slice(settingsPath.length));
  const checked = withoutPaths(settings, reported);
  const preferences = deepMerge(filled, checked as Record<string, PlistValue>);
  appendAll(problems, checkRules(domain, preferences).map(at));
  const environmentPath = ["environments", environment.name];
  if (options.profileChecks !== false) appendAll(problems, checkRenderedPreferences(domain, preferences, { settingsPath, environmentPath, owned, ...(options.now !== undefined && { now: options.now }) }));
  return { preferences, problems };
}

/** The owned keys set in settings, as [key path, field]; a plain walk (a generator's yield* per level was slow while cold). */
function ownedKeysIn(settings: Readonly<Record<string, unknown>>, owned: ReadonlyMap<string, string>, prefix: string, found: [string, string][]): [string, string][] {
  for (const key in settings) {
    if (!Object.hasOwn(settings, key)) continue;
    const path = prefix === "" ? key : `${prefix}.${key}`;
    const field = owned.get(path);
    const value = settings[key];
    if (field) found.push([path, field]);
    else if (isPlainObject(value)) ownedKeysIn(value, owned, path, found);
  }
  return found;
}
