import { compareKeyPaths } from "../profile/diff.js";
import type { RenderedProfile } from "../render/profile.js";
import type { ProfileContent } from "./profile-content.js";

export interface DriftCheck {
  matches: boolean;
  /** The environment and profile kind the content was compared with. */
  environment?: string;
  profile?: string;
  keyPaths: string[];
  summary: string;
}

/**
 * Is the content byte for byte what the config builds now? Matched to a profile by its PayloadIdentifier.
 * `current` is the content as verify already read it, so it is not parsed twice.
 */
export function checkDrift(profiles: readonly RenderedProfile[], content: Uint8Array, current: ProfileContent): DriftCheck {
  const counterpart = profiles.find((profile) => profile.identifier === current.identifier);
  if (!counterpart) {
    return {
      matches: false,
      keyPaths: [],
      summary: `drift: the config builds no profile with identifier ${current.identifier ?? "(none)"} — check --config and --env`,
    };
  }
  const where = { environment: counterpart.environment, profile: counterpart.name };
  const built = Buffer.from(counterpart.text, "utf8");
  if (built.equals(content)) return { matches: true, ...where, keyPaths: [], summary: "matches the config" };
  const keyPaths = compareKeyPaths(current.model?.root, counterpart.dictionary).map((difference) => difference.path);
  const listed = keyPaths.length > 0 ? `: ${keyPaths.join(", ")}` : " (same values, different bytes)";
  return {
    matches: false,
    ...where,
    keyPaths,
    summary: `drift: differs from the ${counterpart.environment} ${counterpart.name} profile the config builds now${listed} — run jcprofile sign again`,
  };
}
