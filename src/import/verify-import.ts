import { dirname } from "node:path";
import { checkLicense, readLicenseFile } from "../project/license.js";
import { parseJsonc } from "../config/json-syntax.js";
import { deepMerge } from "../config/merge.js";
import { licensePaths, resolveEnvironment } from "../config/resolve.js";
import type { ConfigFile } from "../config/schema.js";
import type { ConfigSource } from "../project/read-config-file.js";
import { renderConfig } from "../project/render-config.js";
import type { Problem } from "../problem.js";
import type { RenderedProfile } from "../render/profile.js";
import { PROFILE_KINDS, type ProfileKind } from "../profile/domains.js";
import { PAYLOAD_PARTS, partPreferences, type PayloadPart } from "../profile/layout.js";
import type { PlistValue } from "../profile/plist-xml.js";
import { fillFromFields } from "../render/fields.js";
import { comparePreferences, type PreferenceComparison } from "./compare.js";
import type { ImportSource } from "./map-environment.js";

export interface Verification {
  /** Errors the config pipeline finds in the new text (a source that breaks a rule); warnings apart. */
  problems: Problem[];
  warnings: Problem[];
  /** Per source: what rendering gives back. */
  comparisons: { source: ImportSource; comparison: PreferenceComparison }[];
  /** The environment's profiles as the new text builds them (with the incoming license); empty when it has problems. */
  profiles: readonly RenderedProfile[];
}

/**
 * Renders the environment from the new config text, in memory, and compares it with the sources.
 * A config that builds goes through the same pipeline as `build` and its profile bytes are read
 * back with the profile reader. A config that does not build (the source broke a rule) cannot
 * give profiles, so the preferences are rendered without the checks — template filled from the
 * resolved fields, settings merged over it, as renderPreferences does before checking — to prove
 * the values are still carried over faithfully.
 */
export function verifyImport(input: { source: ConfigSource; text: string; env: string; sources: readonly ImportSource[]; license?: { path: string; bytes: Uint8Array }; now?: Date }): Verification {
  const { source, text, env, license } = input;
  const incoming = (path: string) => license !== undefined && path === license.path;
  // Checked as build will check the file it is written to; the comparison takes its bytes as they are.
  const readLicense = (path: string) => (incoming(path) ? licenseBytes(license!.bytes) : readLicenseFile(path));
  const result = renderConfig({ ...source, text, envs: [env], readLicense, ...(input.now !== undefined && { now: input.now }) });
  let rendered: Partial<Record<PayloadPart, Readonly<Record<string, PlistValue>>>>;
  if (result.problems.length === 0) {
    rendered = {};
    for (const payload of result.profiles.flatMap((profile) => profile.payloads)) rendered[payload.part] = payload.preferences;
  } else {
    rendered = renderUnchecked(text, source, env, (path) => (incoming(path) ? license!.bytes : readLicenseFile(path)));
  }
  const comparisons = input.sources.map((item) => ({ source: item, comparison: comparePreferences(item.preferences, rendered[item.part] ?? {}) }));
  return { problems: result.problems, warnings: result.warnings, comparisons, profiles: result.profiles };
}

function renderUnchecked(text: string, source: ConfigSource, env: string, readLicense: (path: string) => Uint8Array | string): Partial<Record<PayloadPart, Record<string, PlistValue>>> {
  const parsed = parseJsonc(text);
  if ("issue" in parsed) throw new Error(`verifyImport: the generated config does not parse: ${parsed.issue.message}`);
  // Not validated on purpose: the values are the source's, right or wrong; only their shape is ours.
  const config = parsed.value as ConfigFile;
  const configDir = dirname(source.path);
  const licenses = new Map(licensePaths(config, configDir).map((path) => [path, readLicense(path)] as const));
  const { environment } = resolveEnvironment(config, env, { configDir, licenses });
  const sections: Partial<Record<ProfileKind, Record<string, PlistValue>>> = {};
  for (const kind of Object.keys(PROFILE_KINDS) as ProfileKind[]) {
    const filled = fillFromFields(environment, PROFILE_KINDS[kind].domain).preferences;
    sections[kind] = deepMerge(filled, environment[kind].settings as Record<string, PlistValue>);
  }
  const apart = environment.profile.privilegeElevation === "separate";
  const out: Partial<Record<PayloadPart, Record<string, PlistValue>>> = {};
  for (const [part, { section }] of Object.entries(PAYLOAD_PARTS) as [PayloadPart, (typeof PAYLOAD_PARTS)[PayloadPart]][]) out[part] = partPreferences(part, sections[section]!, apart);
  return out;
}

/** The license's bytes, or what is wrong with them (as readLicenseFile gives it for a file). */
function licenseBytes(bytes: Uint8Array): Uint8Array | string {
  const license = checkLicense(bytes);
  return typeof license === "string" ? license : license.bytes;
}
