/**
 * What Jamf Pro does to a profile's plist when it stores it, as the reference describes it
 * (profiles-jamfpro-peers.md §3.4): on create it mints its own top-level and payload
 * PayloadUUID/PayloadIdentifier (identifier = UUID, as Jamf-exported profiles show); on every write
 * it adds PayloadEnabled and serialises the plist its own way (another key order, two-space
 * indentation, `<plist version="1">`). An update keeps the identifiers it was sent.
 */
import { randomUUID } from "node:crypto";
import { build, parse, type PlistValue } from "plist";

type Dict = { [key: string]: PlistValue };

function isDict(value: PlistValue | undefined): value is Dict {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Uint8Array);
}

/** Keys in reverse order at every level: not jcprofile's sorted order. */
function reorder(value: PlistValue): PlistValue {
  if (Array.isArray(value)) return value.map(reorder);
  if (!isDict(value)) return value;
  const out: Dict = {};
  for (const key of Object.keys(value).sort().reverse()) out[key] = reorder(value[key]!);
  return out;
}

export function storeProfilePlist(sent: string, options: { newIdentifiers: boolean }): { text: string; plist: Dict } {
  const root = parse(sent);
  if (!isDict(root)) throw new Error("payloads is not a dictionary plist");
  const mint = () => randomUUID().toUpperCase();
  const payloads = Array.isArray(root["PayloadContent"]) ? root["PayloadContent"].filter(isDict) : [];
  for (const payload of payloads) {
    if (options.newIdentifiers) {
      const id = mint();
      payload["PayloadUUID"] = id;
      payload["PayloadIdentifier"] = id;
    }
    payload["PayloadEnabled"] = true;
  }
  if (options.newIdentifiers) {
    const id = mint();
    root["PayloadUUID"] = id;
    root["PayloadIdentifier"] = id;
  }
  root["PayloadEnabled"] = true;
  const text = build(reorder(root), { indent: "  " }).replace('<plist version="1.0">', '<plist version="1">');
  return { text, plist: root };
}

export function readStoredPlist(text: string): Dict {
  const root = parse(text);
  if (!isDict(root)) throw new Error("stored payloads is not a dictionary plist");
  return root;
}
