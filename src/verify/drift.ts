import { compareKeyPaths } from "../profile/diff.js";
import { problemText, wholeError, type Problem } from "../problem.js";
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
 * `current` is the content as verify already read it, so it is not parsed twice. A drift is also
 * a `drift` problem; the check's summary is that problem's text.
 */
export function checkDrift(profiles: readonly RenderedProfile[], content: Uint8Array, current: ProfileContent): { check: DriftCheck; problem?: Problem } {
  const counterpart = profiles.find((profile) => profile.identifier === current.identifier);
  if (!counterpart) {
    const problem = drift(`drift: the config builds no profile with identifier ${current.identifier ?? "(none)"}`, "check --config and --env");
    return { check: { matches: false, keyPaths: [], summary: problemText(problem) }, problem };
  }
  const where = { environment: counterpart.environment, profile: counterpart.name };
  const built = Buffer.from(counterpart.text, "utf8");
  if (built.equals(content)) return { check: { matches: true, ...where, keyPaths: [], summary: "matches the config" } };
  const keyPaths = compareKeyPaths(current.model?.root, counterpart.dictionary).map((difference) => difference.path);
  const listed = keyPaths.length > 0 ? `: ${keyPaths.join(", ")}` : " (same values, different bytes)";
  const problem = drift(`drift: differs from the ${counterpart.environment} ${counterpart.name} profile the config builds now${listed}`, "run jcprofile sign again");
  return { check: { matches: false, ...where, keyPaths, summary: problemText(problem) }, problem };
}

function drift(message: string, fix: string): Problem {
  return wholeError("drift", message, fix);
}
