import type { Problem } from "../problem.js";
import type { ResolvedEnvironment } from "../config/resolve.js";
import type { Domain, ProfileKind } from "../profile/domains.js";
import { holdsElevation, PAYLOAD_PARTS, partPreferences, profilesOf, type PayloadPart, type ProfileName, type ProfileShape } from "../profile/layout.js";
import { PlistValueError, serializePlist, type PlistDict } from "../profile/plist-xml.js";
import { preferencesDepth, wrapPayloads } from "../profile/wrap.js";
import { renderPreferences, type RenderOptions } from "./preferences.js";
import { appendAll } from "../append.js";

export interface RenderedPayload {
  readonly part: PayloadPart;
  readonly domain: Domain;
  /** The preference dictionary a Mac gets for this domain. */
  readonly preferences: PlistDict;
}

export interface RenderedProfile {
  environment: string;
  /** Which of the layout's profiles (profile/layout.ts): login, menubar, combined or elevation. */
  name: ProfileName;
  /** Its PayloadDisplayName, the name Jamf Pro shows. */
  displayName: string;
  /** Relative to the output folder: `<env>/jamf-connect-login.mobileconfig`. */
  relativePath: string;
  identifier: string;
  uuid: string;
  /** One per domain it carries, in payload order. */
  payloads: readonly RenderedPayload[];
  /** The Configuration profile as a dictionary: what upload, verify and build --check compare, without reading `text` back. */
  dictionary: PlistDict;
  /** The same profile as canonical plist text, the bytes build writes. */
  text: string;
}

/** Every payload one environment's profiles carry, in profile order. */
export function environmentPayloads(profiles: readonly RenderedProfile[], environment: string): RenderedPayload[] {
  return profiles.filter((profile) => profile.environment === environment).flatMap((profile) => profile.payloads);
}

function profileIdentifier(environment: ResolvedEnvironment, name: ProfileName): string {
  return `${environment.identifier}.${environment.name}.${name}`;
}

function displayNameOf(environment: ResolvedEnvironment, name: ProfileName): string {
  const { profile } = environment;
  return { login: profile.loginDisplayName, menubar: profile.menubarDisplayName, combined: profile.combinedDisplayName, elevation: profile.elevationDisplayName }[name];
}

/** The outer Configuration profile around the payloads of one of the layout's profiles. */
export function buildProfileDictionary(environment: ResolvedEnvironment, name: ProfileName, payloads: readonly RenderedPayload[]): PlistDict {
  return wrapPayloads(payloads, {
    identifier: profileIdentifier(environment, name),
    displayName: displayNameOf(environment, name),
    organization: environment.organization,
    description: environment.profile.description,
    removalDisallowed: environment.profile.removalDisallowed,
    payloadStyle: environment.profile.payloadStyle,
  });
}

/** Every profile of one environment's layout, as canonical bytes, or the problems that stop them. */
export function renderEnvironment(environment: ResolvedEnvironment, options: RenderOptions = {}): { profiles: RenderedProfile[]; problems: Problem[] } {
  const problems: Problem[] = [];
  // Each config section is rendered and checked once, as one domain, whichever payloads it feeds
  // (the cross-key rules see privilege elevation beside the menu bar's provider); login first, so
  // problems are listed in the order the config has them.
  const render = (section: ProfileKind): PlistDict | undefined => {
    const rendered = renderPreferences(environment, section, options);
    appendAll(problems, rendered.problems);
    return rendered.problems.some((problem) => problem.severity === "error") ? undefined : rendered.preferences;
  };
  const sections: Record<ProfileKind, PlistDict | undefined> = { login: render("login"), menubar: render("menubar") };
  const apart = environment.profile.privilegeElevation === "separate";
  const menubar = sections.menubar;
  const profiles: RenderedProfile[] = [];
  for (const shape of profilesOf(environment.profile.layout, { separate: apart && menubar !== undefined && holdsElevation(menubar) })) {
    const payloads: RenderedPayload[] = [];
    for (const part of shape.parts) {
      const { section, domain } = PAYLOAD_PARTS[part];
      const preferences = sections[section];
      if (preferences !== undefined) payloads.push({ part, domain, preferences: partPreferences(part, preferences, apart) });
    }
    if (payloads.length < shape.parts.length) continue;
    const rendered = renderProfile(environment, shape, payloads, problems);
    if (rendered !== undefined) profiles.push(rendered);
  }
  return { profiles, problems };
}

function renderProfile(environment: ResolvedEnvironment, shape: ProfileShape, payloads: readonly RenderedPayload[], problems: Problem[]): RenderedProfile | undefined {
  const identifier = profileIdentifier(environment, shape.name);
  try {
    const dictionary = buildProfileDictionary(environment, shape.name, payloads);
    const text = serializePlist(dictionary);
    return {
      environment: environment.name,
      name: shape.name,
      displayName: displayNameOf(environment, shape.name),
      relativePath: `${environment.name}/${shape.fileName}`,
      identifier,
      // Made once, for the dictionary (a UUID is a SHA-1; 4000 of them for 1000 environments).
      uuid: dictionary["PayloadUUID"] as string,
      payloads,
      dictionary,
      text,
    };
  } catch (error) {
    if (!(error instanceof PlistValueError)) throw error;
    // The config checks keep unwritable text out of every field; what is left is in the preferences.
    const offset = pathOffset(environment, error.path);
    const index = error.path[1];
    const part = typeof index === "number" ? shape.parts[index] : undefined;
    const path = error.path.length > offset && part !== undefined ? [PAYLOAD_PARTS[part].section, "settings", ...error.path.slice(offset)] : ["profile"];
    problems.push({ path: ["environments", environment.name, ...path], message: error.message, severity: "error", code: "unwritable-value" });
    return undefined;
  }
}

/** Serializer paths start at the profile root; report them from the preference dictionary down. */
function pathOffset(environment: ResolvedEnvironment, path: readonly (string | number)[]): number {
  return Math.min(preferencesDepth(environment.profile.payloadStyle), path.length);
}
