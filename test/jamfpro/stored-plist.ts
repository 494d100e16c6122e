/**
 * What Jamf Pro does to a profile's plist when it stores it, each from a public source:
 * - trims leading and trailing whitespace of string values (Jamf-Concepts/jamf-cli
 *   classic-profile-payload-ampersand-escaping-2026-07-30.md, "Scope notes");
 * - payloads of type com.apple.ManagedClient.preferences are parsed and written again, so `&`, `<`,
 *   LF and TAB survive; every other payload type is kept verbatim: its strings keep the extra entity
 *   layer the wire form needs (`&` reads back as `&amp;`) and lose LF and TAB
 *   (jamf/terraform-provider-jamfplatform STYLE_GUIDE.md "Payload storage categories", wire-probed
 *   on Jamf Pro 11.30, macOS column);
 * - re-derives the display name and identifiers at the top and in every payload on each write and
 *   adds PayloadEnabled, PayloadDescription, PayloadRemovalDisallowed, PayloadOrganization and
 *   AllowUserOverrides (jamf/terraform-provider-jamfplatform PR #154); the top-level name and
 *   description are the profile's `general` ones (terraform-provider-jamfpro #582); identifier = UUID
 *   and "Custom Settings" as Jamf-exported profiles show them. Where exactly AllowUserOverrides sits
 *   is not documented: here in each custom-settings payload.
 * - its own serialisation: another key order, two-space indentation, `<plist version="1">`.
 * A payload keeps the identifiers it was sent only when they are the ones Jamf Pro gave it — UNVERIFIED:
 * the sources say only that Jamf re-derives identifiers on each write (README: "Still decided without a server").
 */
import { randomUUID } from "node:crypto";
import { build, parse, type PlistValue } from "plist";

type Dict = { [key: string]: PlistValue };

const MCX = "com.apple.ManagedClient.preferences";

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

function mapStrings(value: PlistValue, change: (text: string) => string): PlistValue {
  if (typeof value === "string") return change(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, change));
  if (!isDict(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, change)]));
}

const trim = (text: string) => text.trim();
const verbatim = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll("\n", "").replaceAll("\t", "");

export interface StoreContext {
  /** general/name and general/description: Jamf Pro writes them into the top level. */
  name: string;
  description: string;
  /** The profile's own UUID, minted at create: the top-level PayloadUUID and PayloadIdentifier. */
  uuid: string;
  /** The payload UUIDs Jamf Pro gave this profile before (none on create). */
  payloadUuids: readonly string[];
}

export function storeProfilePlist(sent: string, context: StoreContext): { text: string; plist: Dict } {
  const parsed = parse(sent);
  if (!isDict(parsed)) throw new Error("payloads is not a dictionary plist");
  const payloads = (Array.isArray(parsed["PayloadContent"]) ? parsed["PayloadContent"].filter(isDict) : []).map((payload) => {
    const stored = (payload["PayloadType"] === MCX ? mapStrings(payload, trim) : mapStrings(payload, verbatim)) as Dict;
    const sentUuid = payload["PayloadUUID"];
    const uuid = typeof sentUuid === "string" && context.payloadUuids.includes(sentUuid) ? sentUuid : randomUUID().toUpperCase();
    return {
      PayloadDescription: "",
      PayloadOrganization: "JAMF Software",
      ...(payload["PayloadType"] === MCX && { AllowUserOverrides: false }),
      ...stored,
      ...(payload["PayloadType"] === MCX && { PayloadDisplayName: "Custom Settings" }),
      PayloadUUID: uuid,
      PayloadIdentifier: uuid,
      PayloadEnabled: true,
    };
  });
  const root: Dict = {
    // The value Jamf Pro injects is not documented: false means what an absent key means.
    PayloadRemovalDisallowed: false,
    PayloadOrganization: "JAMF Software",
    ...(mapStrings(parsed, trim) as Dict),
    PayloadContent: payloads,
    PayloadDisplayName: context.name,
    PayloadDescription: context.description,
    PayloadUUID: context.uuid,
    PayloadIdentifier: context.uuid,
    PayloadEnabled: true,
  };
  const text = build(reorder(root), { indent: "  " }).replace('<plist version="1.0">', '<plist version="1">');
  return { text, plist: root };
}

export function readStoredPlist(text: string): Dict {
  const root = parse(text);
  if (!isDict(root)) throw new Error("stored payloads is not a dictionary plist");
  return root;
}

/** The payload UUIDs of a stored profile's plist. */
export function payloadUuidsOf(text: string): string[] {
  const content = readStoredPlist(text)["PayloadContent"];
  return (Array.isArray(content) ? content.filter(isDict) : []).map((payload) => String(payload["PayloadUUID"]));
}
