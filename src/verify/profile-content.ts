/**
 * Whether the bytes inside a signed file are a well-formed Jamf Connect profile, read by the
 * project's one profile reader (src/profile), as lint reads them.
 */
import { guessDomainFromKeys } from "../catalog/guess-domain.js";
import { ProfileReadError, readProfile, type ProfileModel } from "../profile/read-profile.js";

export interface ProfileContent {
  model?: ProfileModel;
  identifier?: string;
  /** undefined when it is a Jamf Connect profile. */
  problem?: string;
}

export function readProfileContent(content: Uint8Array, fileName: string): ProfileContent {
  let model: ProfileModel;
  try {
    model = readProfile(content, { fileName, guessDomain: guessDomainFromKeys });
  } catch (error) {
    if (!(error instanceof ProfileReadError)) throw error;
    return { problem: `the content ${error.what}` };
  }
  const identifier = typeof model.root.PayloadIdentifier === "string" ? model.root.PayloadIdentifier : undefined;
  const found = { model, ...(identifier !== undefined && { identifier }) };
  if (model.form === "preferences") return { ...found, problem: "the content is bare Jamf Connect preferences, not a configuration profile" };
  return found;
}
