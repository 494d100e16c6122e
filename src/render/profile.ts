import type { Problem } from "../problem.js";
import type { ResolvedEnvironment } from "../config/resolve.js";
import { PROFILE_KINDS, PROFILE_KIND_NAMES, type ProfileKind } from "../profile/domains.js";
import { PlistValueError, serializePlist, type PlistDict } from "../profile/plist-xml.js";
import { payloadUuid, preferencesDepth, wrapPreferences } from "../profile/wrap.js";
import { renderPreferences } from "./preferences.js";

export interface RenderedProfile {
  environment: string;
  kind: ProfileKind;
  /** Relative to the output folder: `<env>/jamf-connect-login.mobileconfig`. */
  relativePath: string;
  identifier: string;
  uuid: string;
  text: string;
}

function profileIdentifier(environment: ResolvedEnvironment, kind: ProfileKind): string {
  return `${environment.identifier}.${environment.name}.${kind}`;
}

/** The outer Configuration profile around one preference domain, in the environment's payload style. */
export function buildProfileDictionary(
  environment: ResolvedEnvironment,
  kind: ProfileKind,
  preferences: PlistDict,
): PlistDict {
  return wrapPreferences(PROFILE_KINDS[kind].domain, preferences, {
    identifier: profileIdentifier(environment, kind),
    displayName: kind === "login" ? environment.profile.loginDisplayName : environment.profile.menubarDisplayName,
    organization: environment.organization,
    description: environment.profile.description,
    removalDisallowed: environment.profile.removalDisallowed,
    payloadStyle: environment.profile.payloadStyle,
  });
}

/** Both profiles of one environment, as canonical bytes, or the problems that stop them. */
export function renderEnvironment(environment: ResolvedEnvironment): { profiles: RenderedProfile[]; problems: Problem[] } {
  const profiles: RenderedProfile[] = [];
  const problems: Problem[] = [];
  for (const kind of PROFILE_KIND_NAMES) {
    const rendered = renderPreferences(environment, kind);
    problems.push(...rendered.problems);
    if (rendered.problems.some((problem) => problem.severity === "error")) continue;
    const identifier = profileIdentifier(environment, kind);
    try {
      const text = serializePlist(buildProfileDictionary(environment, kind, rendered.preferences));
      profiles.push({
        environment: environment.name,
        kind,
        relativePath: `${environment.name}/${PROFILE_KINDS[kind].fileName}`,
        identifier,
        uuid: payloadUuid(identifier),
        text,
      });
    } catch (error) {
      if (!(error instanceof PlistValueError)) throw error;
      // The config checks keep unwritable text out of every field; what is left is in the preferences.
      const offset = pathOffset(environment, error.path);
      const path = error.path.length > offset ? [kind, "settings", ...error.path.slice(offset)] : ["profile"];
      problems.push({ path: ["environments", environment.name, ...path], message: error.message, severity: "error" });
    }
  }
  return { profiles, problems };
}

/** Serializer paths start at the profile root; report them from the preference dictionary down. */
function pathOffset(environment: ResolvedEnvironment, path: readonly (string | number)[]): number {
  return Math.min(preferencesDepth(environment.profile.payloadStyle), path.length);
}
