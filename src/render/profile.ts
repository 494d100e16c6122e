import { uuidV5 } from "./uuid.js";
import type { Problem } from "../problem.js";
import type { ResolvedEnvironment } from "../config/resolve.js";
import { PlistValueError, serializePlist, type PlistValue } from "./plist-xml.js";
import { PROFILE_KINDS, renderPreferences, type ProfileKind } from "./preferences.js";

/**
 * Fixed namespace for every PayloadUUID jcprofile writes: UUID v5 of the PayloadIdentifier in
 * it, so the same identifier always gets the same UUID (a re-upload replaces the profile on
 * the Mac instead of adding a ghost copy). Changing this constant changes every UUID.
 */
export const UUID_NAMESPACE = "5c0b9a3e-8f2d-4b61-9a7e-2d4c1f6e8b30";

export function payloadUuid(identifier: string): string {
  return uuidV5(identifier, UUID_NAMESPACE).toUpperCase();
}

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

/** The outer Configuration profile around one preference domain, in the chosen payload style. */
export function buildProfileDictionary(
  environment: ResolvedEnvironment,
  kind: ProfileKind,
  preferences: Record<string, PlistValue>,
): Record<string, PlistValue> {
  const { domain } = PROFILE_KINDS[kind];
  const identifier = profileIdentifier(environment, kind);
  const payloadIdentifier = `${identifier}.${domain}`;
  const displayName = kind === "login" ? environment.profile.loginDisplayName : environment.profile.menubarDisplayName;
  const common = {
    PayloadDisplayName: displayName,
    PayloadIdentifier: payloadIdentifier,
    PayloadOrganization: environment.organization,
    PayloadUUID: payloadUuid(payloadIdentifier),
    PayloadVersion: 1,
  };
  const payload: Record<string, PlistValue> =
    environment.profile.payloadStyle === "mcx"
      ? {
          ...common,
          PayloadType: "com.apple.ManagedClient.preferences",
          PayloadContent: { [domain]: { Forced: [{ mcx_preference_settings: preferences }] } },
        }
      : { ...preferences, ...common, PayloadType: domain };
  return {
    PayloadContent: [payload],
    ...(environment.profile.description !== undefined && { PayloadDescription: environment.profile.description }),
    PayloadDisplayName: displayName,
    PayloadIdentifier: identifier,
    PayloadOrganization: environment.organization,
    PayloadRemovalDisallowed: environment.profile.removalDisallowed,
    PayloadScope: "System",
    PayloadType: "Configuration",
    PayloadUUID: payloadUuid(identifier),
    PayloadVersion: 1,
    TargetDeviceType: 5,
  };
}

/** Both profiles of one environment, as canonical bytes, or the problems that stop them. */
export function renderEnvironment(environment: ResolvedEnvironment): { profiles: RenderedProfile[]; problems: Problem[] } {
  const profiles: RenderedProfile[] = [];
  const problems: Problem[] = [];
  for (const kind of Object.keys(PROFILE_KINDS) as ProfileKind[]) {
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
  // mcx: PayloadContent[0].PayloadContent.<domain>.Forced[0].mcx_preference_settings.<key> → 7; domain style: PayloadContent[0].<key> → 2
  return environment.profile.payloadStyle === "mcx" ? Math.min(7, path.length) : Math.min(2, path.length);
}
