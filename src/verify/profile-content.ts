/**
 * Whether the bytes inside a signed file are a well-formed Jamf Connect profile, read by the
 * project's one profile reader (src/profile), as lint reads them.
 */
import { guessDomainFromKeys } from "../catalog/guess-domain.js";
import { locatedMessage, toFinding } from "../checks/finding.js";
import { malformedEntryIssue, unreadEntryIssue } from "../checks/structure-checks.js";
import type { Problem } from "../problem.js";
import { NothingReadError, ProfileReadError, readProfile, type ProfileModel } from "../profile/read-profile.js";

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
    // A Jamf Connect profile macOS reads nothing of is still one: its entries are mcxEntryProblems', in lint's words.
    if (error instanceof NothingReadError) model = error.model;
    else if (error instanceof ProfileReadError) return { problem: `the content ${error.what}` };
    else throw error;
  }
  const identifier = typeof model.root.PayloadIdentifier === "string" ? model.root.PayloadIdentifier : undefined;
  const found = { model, ...(identifier !== undefined && { identifier }) };
  if (model.form === "preferences") return { ...found, problem: "the content is bare Jamf Connect preferences, not a configuration profile" };
  return found;
}

/**
 * Preferences the content holds where the Mac does not get them: under an mcx state macOS does not
 * read (`Often`, a typo), or in an mcx entry not in the shape macOS reads (`Forced` a dictionary,
 * no `mcx_preference_settings`; what macOS makes of those is not documented, UNVERIFIED — jcprofile
 * reads nothing from them). The file is not what it seems. Lint's `mcx-unknown-state` and
 * `mcx-malformed` errors, in lint's words and with its location ("payload 2 com.jamf.connect:
 * PayloadContent[…].Often: …").
 */
export function mcxEntryProblems(content: ProfileContent): Problem[] {
  const model = content.model;
  if (model === undefined) return [];
  return [...model.unread.map(unreadEntryIssue), ...model.malformed.map(malformedEntryIssue)].map(({ place, issue }) => {
    const finding = toFinding(model.fileName, place, issue);
    return { severity: "error", path: [], code: finding.code, message: locatedMessage(finding), fix: finding.fix };
  });
}
