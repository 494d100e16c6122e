/**
 * The stored profile and the rendered one, side by side: carry the server's identifiers into ours
 * (so Macs update the installed profile in place instead of adding a ghost copy), then list what a
 * Mac would get differently. Pure: no I/O.
 */
import { createHash } from "node:crypto";
import { compareKeyPaths, type KeyPath } from "../profile/diff.js";
import { isDict } from "../profile/unwrap.js";
import type { PlistDict, PlistValue } from "../profile/plist-xml.js";
import { isSecretKey, isSecretValue, SECRET_NOT_SHOWN, showText } from "../values.js";

export interface Change {
  /** Where, from the preference domain down for settings (`com.jamf.connect.login.DenyLocal`). */
  path: string;
  old: string;
  new: string;
}

const ID_KEYS = ["PayloadUUID", "PayloadIdentifier"] as const;
/** Keys Jamf Pro writes into stored profiles itself; they are not part of the config. */
const ADDED_BY_JAMF = new Set(["PayloadEnabled"]);
/**
 * Payload-level keys Jamf Pro may re-derive on write (its own provider lists display name and
 * identifiers; Jamf-exported payloads read "Custom Settings" / "JAMF Software"). Which exactly is
 * UNVERIFIED; comparing them would make every run an update. The profile-level ones are compared.
 */
const PAYLOAD_KEYS_OF_JAMF = new Set(["PayloadEnabled", "PayloadDisplayName", "PayloadOrganization"]);


function payloadsOf(profile: PlistDict): PlistDict[] {
  const content = profile["PayloadContent"];
  return Array.isArray(content) ? content.filter(isDict) : [];
}

/** A payload's type and preference domains: `com.apple.ManagedClient.preferences|com.jamf.connect`. */
function payloadKey(payload: PlistDict): string {
  const type = typeof payload["PayloadType"] === "string" ? payload["PayloadType"] : "";
  const content = payload["PayloadContent"];
  const domains = type === "com.apple.ManagedClient.preferences" && isDict(content) ? Object.keys(content).sort() : [];
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

/** Every difference a Mac would see, ignoring key order and the keys Jamf Pro adds itself. */
export function compareProfiles(ours: PlistDict, stored: PlistDict): Change[] {
  return compareKeyPaths(stored, ours, { ignore: addedByJamf }).map((difference) => {
    const secret = difference.parts.some((part) => typeof part === "string" && isSecretKey(part));
    return { path: difference.path, old: showNode(difference.before, secret), new: showNode(difference.after, secret) };
  });
}

function addedByJamf(parent: KeyPath, key: string, stored: PlistValue | undefined, ours: PlistValue | undefined): boolean {
  if (parent.length === 2 && parent[0] === "PayloadContent") return PAYLOAD_KEYS_OF_JAMF.has(key);
  if (parent.length !== 0) return false;
  if (ADDED_BY_JAMF.has(key)) return true;
  // Jamf Pro writes an empty description where none was given.
  return key === "PayloadDescription" && ours === undefined && stored === "";
}

/** Data (LicenseFile) as a digest and secrets not at all, never raw; long strings shortened. */
function showNode(node: PlistValue | undefined, secret: boolean): string {
  if (node === undefined) return "(absent)";
  if (node instanceof Uint8Array) return `<data ${node.length} bytes, sha256 ${digest(node)}>`;
  if (typeof node === "string" && (secret || isSecretValue(node))) return SECRET_NOT_SHOWN;
  if (node instanceof Date) return node.toISOString();
  if (Array.isArray(node)) return `[${node.length} items]`;
  if (isDict(node)) return `{${Object.keys(node).length} keys}`;
  const text = JSON.stringify(typeof node === "string" ? showText(node) : node);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function digest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 12);
}
