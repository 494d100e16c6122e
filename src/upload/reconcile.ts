/**
 * The stored profile and the rendered one, side by side: carry the server's identifiers into ours
 * (so Macs update the installed profile in place instead of adding a ghost copy), then list what a
 * Mac would get differently. Pure: no I/O.
 */
import { createHash } from "node:crypto";
import { compareKeyPaths, type KeyPath } from "../profile/diff.js";
import { isDict } from "../profile/unwrap.js";
import { isDomain, MCX_PAYLOAD_TYPE } from "../profile/domains.js";
import { domainWords } from "./ownership.js";
import type { PlistDict, PlistValue } from "../profile/plist-xml.js";
import { isSecretName } from "../secrets.js";
import { showValue } from "../values.js";
import { appendAll } from "../append.js";

export interface Change {
  /** Where, from the preference domain down for settings (`com.jamf.connect.login.DenyLocal`). */
  path: string;
  old: string;
  new: string;
  /** A whole payload added or removed, in an admin's words ("removes the menu bar settings (com.jamf.connect)"). */
  words?: string;
}

const ID_KEYS = ["PayloadUUID", "PayloadIdentifier"] as const;
/**
 * Keys Jamf Pro writes itself on every write, at the top and in every payload: the display name and
 * identifiers (jamf/terraform-provider-jamfplatform PR #154); at the top also the description, from
 * the profile's `general/description` (terraform-provider-jamfpro #582). Comparing them would make
 * every run an update; the identifiers are carried over instead, the description is reported apart.
 */
const REDERIVED = new Set(["PayloadDisplayName", "PayloadIdentifier", "PayloadUUID"]);
const REDERIVED_AT_TOP = new Set([...REDERIVED, "PayloadDescription"]);
/** Keys Jamf Pro adds where a profile lacks them (PR #154): compared only when ours has them. */
const INJECTED = new Set(["PayloadEnabled", "PayloadDescription", "PayloadRemovalDisallowed", "PayloadOrganization", "AllowUserOverrides"]);
/** Jamf-exported payloads read "JAMF Software" whatever was sent (Jamf-exported Custom Settings; not documented as a rule). */
const PAYLOAD_KEYS_OF_JAMF = new Set(["PayloadEnabled", "PayloadOrganization"]);

function payloadsOf(profile: PlistDict): PlistDict[] {
  const content = profile["PayloadContent"];
  return Array.isArray(content) ? content.filter(isDict) : [];
}

/** A payload's type and preference domains: `com.apple.ManagedClient.preferences|com.jamf.connect`. */
function payloadKey(payload: PlistDict): string {
  const type = typeof payload["PayloadType"] === "string" ? payload["PayloadType"] : "";
  const content = payload["PayloadContent"];
  const domains = type === MCX_PAYLOAD_TYPE && isDict(content) ? Object.keys(content).sort() : [];
  return [type, ...domains].join("|");
}

function withIdsOf(target: PlistDict, source: PlistDict | undefined): PlistDict {
  if (source === undefined) return target;
  const copy: Record<string, PlistValue> = { ...target };
  for (const key of ID_KEYS) if (typeof source[key] === "string") copy[key] = source[key];
  return copy;
}

/** Ours, with the stored profile's top-level and payload identifiers (payloads matched by type and domain, in order). */
export function carryIdentifiers(ours: PlistDict, stored: PlistDict): PlistDict {
  const unused = new Map<string, PlistDict[]>();
  for (const payload of payloadsOf(stored)) {
    const key = payloadKey(payload);
    unused.set(key, [...(unused.get(key) ?? []), payload]);
  }
  const payloads = payloadsOf(ours).map((payload) => withIdsOf(payload, unused.get(payloadKey(payload))?.shift()));
  return { ...withIdsOf(ours, stored), PayloadContent: payloads };
}

/**
 * Every difference a Mac would see between the stored profile and ours once Jamf Pro has stored
 * ours: key order, the keys it writes itself and the whitespace it trims do not count.
 */
export function compareProfiles(ours: PlistDict, stored: PlistDict): Change[] {
  const predicted = asJamfStores(ours);
  const changes = keyChanges({ ...stored, PayloadContent: [] }, { ...predicted, PayloadContent: [] });
  // Payloads side by side by type and domain, not by position: a payload removed in front must not
  // read as every key of the next one changing.
  const unused = payloadsOf(stored).map((payload) => ({ payload, key: payloadKey(payload) }));
  for (const payload of payloadsOf(predicted)) {
    const index = unused.findIndex((item) => item.key === payloadKey(payload));
    if (index === -1) {
      changes.push(wholePayload(payload, "adds"));
      continue;
    }
    appendAll(changes, keyChanges({ PayloadContent: [unused[index]!.payload] }, { PayloadContent: [payload] }));
    unused.splice(index, 1);
  }
  for (const { payload } of unused) changes.push(wholePayload(payload, "removes"));
  return changes;
}

function keyChanges(stored: PlistDict, ours: PlistDict): Change[] {
  return compareKeyPaths(stored, ours, { ignore: addedByJamf }).map((difference) => {
    const secret = difference.parts.some((part) => typeof part === "string" && isSecretName(part));
    return { path: difference.path, old: showNode(difference.before, secret), new: showNode(difference.after, secret) };
  });
}

/** What a whole payload is, for an admin: "the menu bar settings (com.jamf.connect)", or its type. */
function payloadWords(payload: PlistDict): { path: string; words: string } {
  const [type, ...domains] = payloadKey(payload).split("|");
  const names = domains.length > 0 ? domains : [type ?? ""];
  return { path: names.join(", "), words: names.map((name) => (isDomain(name) ? domainWords(name) : `the ${name} settings`)).join(" and ") };
}

function wholePayload(payload: PlistDict, verb: "adds" | "removes"): Change {
  const { path, words } = payloadWords(payload);
  const size = showNode(payload, false);
  return verb === "adds" ? { path, old: "(absent)", new: size, words: `adds ${words}` } : { path, old: size, new: "(absent)", words: `removes ${words}` };
}

/**
 * Jamf Pro trims leading and trailing whitespace of string values when it re-renders a plist
 * (Jamf-Concepts/jamf-cli classic-profile-payload-ampersand-escaping-2026-07-30.md): the top level
 * and custom-settings payloads. Payloads of other types are stored verbatim (their values are
 * checked before upload, src/upload/wire-checks.ts).
 */
function asJamfStores(profile: PlistDict): PlistDict {
  const payloads = payloadsOf(profile).map((payload) => (payload["PayloadType"] === MCX_PAYLOAD_TYPE ? (trimStrings(payload) as PlistDict) : payload));
  const top = trimStrings({ ...profile, PayloadContent: [] }) as PlistDict;
  return "PayloadContent" in profile ? { ...top, PayloadContent: payloads } : top;
}

function trimStrings(value: PlistValue): PlistValue {
  if (typeof value === "string") return value.trim();
  if (Array.isArray(value)) return (value as readonly PlistValue[]).map(trimStrings);
  if (!isDict(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, trimStrings(item)]));
}

function addedByJamf(parent: KeyPath, key: string, stored: PlistValue | undefined, ours: PlistValue | undefined): boolean {
  const top = parent.length === 0;
  const payload = parent.length === 2 && parent[0] === "PayloadContent";
  if (!top && !payload) return false;
  if ((top ? REDERIVED_AT_TOP : REDERIVED).has(key)) return true;
  if (payload && PAYLOAD_KEYS_OF_JAMF.has(key)) return true;
  return INJECTED.has(key) && ours === undefined && stored !== undefined;
}

/**
 * Data (LicenseFile) as a digest, so a changed license shows — but never data under a secret's
 * name (a short hash of a weak secret can be cracked offline); everything else as every message shows values.
 */
function showNode(node: PlistValue | undefined, secret: boolean): string {
  if (node === undefined) return "(absent)";
  if (node instanceof Uint8Array && !secret) return `<data ${node.length} bytes, sha256 ${digest(node)}>`;
  return showValue(node, { secret, width: 80, sizes: true });
}

function digest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 12);
}
