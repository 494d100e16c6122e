import type { RenderedProfile } from "../render/profile.js";
import { readProfileContent, differingKeyPaths } from "./profile-content.js";

export interface DriftCheck {
  matches: boolean;
  /** The environment and profile kind the content was compared with. */
  environment?: string;
  profile?: string;
  keyPaths: string[];
  summary: string;
}

/** Is the content byte for byte what the config builds now? Matched to a profile by its PayloadIdentifier. */
export async function checkDrift(profiles: readonly RenderedProfile[], content: Buffer): Promise<DriftCheck> {
  const current = await readProfileContent(content);
  const counterpart = profiles.find((profile) => profile.identifier === current.identifier);
  if (!counterpart) {
    return {
      matches: false,
      keyPaths: [],
      summary: `drift: the config builds no profile with identifier ${current.identifier ?? "(none)"} — check --config and --env`,
    };
  }
  const where = { environment: counterpart.environment, profile: counterpart.kind };
  if (Buffer.from(counterpart.text, "utf8").equals(content)) return { matches: true, ...where, keyPaths: [], summary: "matches the config" };
  const built = await readProfileContent(Buffer.from(counterpart.text, "utf8"));
  const keyPaths = differingKeyPaths(current.dictionary, built.dictionary);
  const listed = keyPaths.length > 0 ? `: ${keyPaths.join(", ")}` : " (same values, different bytes)";
  return {
    matches: false,
    ...where,
    keyPaths,
    summary: `drift: differs from the ${counterpart.environment} ${counterpart.kind} profile the config builds now${listed} — run jcprofile sign again`,
  };
}
