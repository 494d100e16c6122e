import { MCX_STATES } from "../profile/domains.js";
import type { PlistDict, PlistValue } from "../profile/plist-xml.js";
import { mcxShapeFix, shapeWords, type ProfileModel } from "../profile/read-profile.js";
import { isDict, type MalformedEntry, type UnreadEntry } from "../profile/unwrap.js";
import { findUnwritableChar } from "../values.js";
import type { FindingPlace } from "./finding.js";
import type { Problem } from "../problem.js";

/**
 * The profile's own keys, which a builder never gets wrong but hand-edited and exported
 * profiles do: identifiers and UUIDs (they decide replace-or-add on the Mac), PayloadVersion,
 * PayloadScope, duplicate domains, Set-Once, an mcx state macOS does not read, an mcx entry not in
 * the shape macOS reads.
 */

export interface PlacedIssue {
  readonly place: FindingPlace;
  readonly issue: Problem;
}

const TOP: FindingPlace = { domain: null, payload: null };

export function checkStructure(model: ProfileModel): PlacedIssue[] {
  if (model.form !== "profile") return [];
  const found: PlacedIssue[] = [];
  const add = (place: FindingPlace, issue: Problem): void => void found.push({ place, issue });
  const root = model.root;
  if (root.PayloadType !== "Configuration") {
    add(TOP, { path: ["PayloadType"], severity: "error", code: "profile-type", message: `is ${show(root.PayloadType)}, not Configuration`, fix: "set the top-level PayloadType to Configuration" });
  }
  checkIds(root, TOP, "the profile", add);
  checkText(root, TOP, add);
  const items = Array.isArray(root.PayloadContent) ? (root.PayloadContent as readonly PlistValue[]) : [];
  items.forEach((item, index) => {
    if (!isDict(item)) return;
    checkIds(item, placeOf(model, index), `payload ${index + 1}`, add);
    checkText(item, placeOf(model, index), add);
  });

  const uuids = new Map<string, string>();
  const identifiers = new Map<string, number>();
  const topIdentifier = typeof root.PayloadIdentifier === "string" ? root.PayloadIdentifier : undefined;
  if (typeof root.PayloadUUID === "string") uuids.set(root.PayloadUUID.toUpperCase(), "the profile");
  items.forEach((item, index) => {
    if (!isDict(item)) return;
    const place = placeOf(model, index);
    if (typeof item.PayloadUUID === "string") {
      const owner = uuids.get(item.PayloadUUID.toUpperCase());
      if (owner !== undefined) {
        add(place, { path: ["PayloadUUID"], severity: "error", code: "duplicate-payload-uuid", message: `${item.PayloadUUID} is also the UUID of ${owner}`, fix: "give every payload and the profile its own UUID (uuidgen)" });
      } else uuids.set(item.PayloadUUID.toUpperCase(), `payload ${index + 1}`);
    }
    if (typeof item.PayloadIdentifier === "string") {
      const other = identifiers.get(item.PayloadIdentifier);
      if (other !== undefined) {
        add(place, { path: ["PayloadIdentifier"], severity: "error", code: "duplicate-payload-identifier", message: `${item.PayloadIdentifier} is also payload ${other + 1}'s`, fix: "give every payload its own identifier (macOS requires them unique within a profile)" });
      } else identifiers.set(item.PayloadIdentifier, index);
      if (item.PayloadIdentifier === topIdentifier) {
        add(place, { path: ["PayloadIdentifier"], severity: "warning", code: "identifier-reused", message: "is the profile's own PayloadIdentifier too", fix: `append a component, e.g. ${topIdentifier}.${typeof item.PayloadType === "string" ? item.PayloadType : "payload"}` });
      }
    }
  });

  const scope = payloadScopeIssue(model);
  if (scope !== undefined) add(TOP, scope);

  // Entries macOS does not read: what the admin believes is set is not.
  for (const entry of model.unread) {
    const { place, issue } = unreadEntryIssue(entry);
    add(place, issue);
  }
  for (const entry of model.malformed) {
    const { place, issue } = malformedEntryIssue(entry);
    add(place, issue);
  }

  const seen = new Set<string>();
  for (const payload of model.payloads) {
    const place = { domain: payload.domain, payload: payload.index === undefined ? null : payload.index + 1 };
    if (seen.has(payload.domain)) {
      add(place, { path: [], severity: "warning", code: "duplicate-domain", message: `a second set of ${payload.domain} preferences in one profile; macOS does not say which value wins`, fix: "keep one payload per domain" });
    }
    seen.add(payload.domain);
    if (payload.style === "mcx" && Object.keys(payload.preferences).length === 0) {
      add(place, { path: [], severity: "warning", code: "mcx-no-settings", message: `the mcx ${payload.mcxState ?? "Forced"} entry for ${payload.domain} holds no preferences (no mcx_preference_settings, or an empty one), so it sets nothing`, fix: "put the preferences in a mcx_preference_settings dictionary, or remove the entry" });
    }
    if (payload.mcxState === "Set-Once") {
      add(place, { path: [], severity: "warning", code: "mcx-set-once", message: "the preferences are Set-Once, a default the user can change", fix: "use Forced (Jamf Connect's settings must be enforced)" });
    }
  }
  return found;
}

/** A profile holding the login window whose PayloadScope is not System, as lint reports it (import notes the error, as it writes System). */
export function payloadScopeIssue(model: ProfileModel): Problem | undefined {
  const scope = model.root.PayloadScope;
  if (model.form !== "profile" || scope === "System" || !model.payloads.some((payload) => payload.kind === "login")) return undefined;
  return scope === undefined
    ? { path: ["PayloadScope"], severity: "warning", code: "payload-scope", message: "is not set, so a manually installed profile is a user profile and the login window never sees it", fix: "set PayloadScope to System" }
    : { path: ["PayloadScope"], severity: "error", code: "payload-scope", message: `is ${show(scope)}, but the login window reads only System (computer-level) preferences`, fix: "set PayloadScope to System" };
}

/** A Jamf Connect mcx entry under a state macOS does not read, as lint reports it and verify too. */
export function unreadEntryIssue({ index, domain, state }: UnreadEntry): PlacedIssue {
  return {
    place: { domain, payload: index + 1 },
    issue: {
      path: ["PayloadContent", domain, state], severity: "error", code: "mcx-unknown-state",
      message: `is an mcx state macOS does not read (it knows ${MCX_STATES.join(" and ")}), so the preferences under it are not set`,
      fix: state === "Often" ? "move them to Forced (Often is the deprecated MCX state; Jamf Connect's settings must be enforced)" : "move them to Forced",
    },
  };
}

/**
 * A Jamf Connect mcx entry not in the shape macOS reads, as lint reports it and import and verify
 * too: no preferences are read from it. Whether macOS reads any of such a shape is not documented,
 * so the message says UNVERIFIED rather than claiming what a Mac does.
 */
export function malformedEntryIssue(entry: MalformedEntry): PlacedIssue {
  const { index, domain, path } = entry;
  return {
    place: { domain, payload: index + 1 },
    issue: {
      path: ["PayloadContent", ...path], severity: "error", code: "mcx-malformed",
      message: `${shapeWords(entry)}, so jcprofile reads no preferences from ${entry.alike === 0 ? "this entry" : "these entries"} (whether macOS does is not documented, UNVERIFIED)`,
      fix: mcxShapeFix(domain),
    },
  };
}

function checkIds(dict: PlistDict, place: FindingPlace, owner: string, add: (place: FindingPlace, issue: Problem) => void): void {
  for (const key of ["PayloadIdentifier", "PayloadUUID"] as const) {
    const value = dict[key];
    if (typeof value !== "string" || value.trim() === "") {
      add(place, { path: [key], severity: "error", code: key === "PayloadUUID" ? "missing-payload-uuid" : "missing-payload-identifier", message: `${value === undefined ? "is missing" : `is ${show(value)}`} in ${owner}`, fix: key === "PayloadUUID" ? "add a <string> UUID (uuidgen)" : "add a reverse-DNS <string> identifier" });
    }
  }
  const version = dict.PayloadVersion;
  if (version !== 1) {
    const what = version === undefined ? "is missing" : typeof version === "number" ? `is ${version}` : `is ${show(version)}, not an <integer>`;
    add(place, { path: ["PayloadVersion"], severity: "error", code: "payload-version", message: `${what} in ${owner}`, fix: "write <integer>1</integer>" });
  }
}

function placeOf(model: ProfileModel, index: number): FindingPlace {
  const jamf = model.payloads.find((payload) => payload.index === index);
  const other = model.others.find((payload) => payload.index === index);
  return { domain: jamf?.domain ?? other?.domain ?? other?.type ?? null, payload: index + 1 };
}

/** A value of the profile's own keys, for a message: text quoted as JSON, so an ESC or a newline in it cannot reach the terminal raw. */
function show(value: PlistValue | undefined): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "missing";
  if (Array.isArray(value)) return "an array";
  if (isDict(value)) return "a dictionary";
  return String(value);
}

/**
 * The profile's own text keys (PayloadOrganization, PayloadDisplayName, …) hold only what an XML
 * property list can: a binary profile may carry a NUL or an ESC that Jamf Pro or a Mac would choke on.
 */
function checkText(dict: PlistDict, place: FindingPlace, add: (place: FindingPlace, issue: Problem) => void): void {
  for (const [key, value] of Object.entries(dict)) {
    if (!key.startsWith("Payload") || typeof value !== "string") continue;
    const bad = findUnwritableChar(value);
    if (bad !== undefined) add(place, { path: [key], severity: "error", code: "unwritable-value", message: `contains ${bad}, which an XML property list cannot hold`, fix: `remove it from ${key}` });
  }
}
