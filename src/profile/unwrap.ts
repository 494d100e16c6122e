import { isDomain, kindOfDomain, MCX_PAYLOAD_TYPE, MCX_STATES, type Domain, type McxState, type ProfileKind } from "./domains.js";
import type { PlistDict, PlistValue } from "./plist-xml.js";

/** One domain's preferences as a profile (or a bare preferences file) delivers them. */
export interface PreferencePayload {
  readonly domain: Domain;
  readonly kind: ProfileKind;
  /** `preferences`: a bare preferences file, no payload around it. */
  readonly style: "mcx" | "domain" | "preferences";
  /** Position in the profile's PayloadContent (0-based); absent for a bare preferences file. */
  readonly index?: number;
  /** mcx only: Forced (enforced) or Set-Once (a default the user may change). */
  readonly mcxState?: McxState;
  /** The payload dictionary itself (Payload keys included); empty for a bare preferences file. */
  readonly payload: PlistDict;
  /** The keys Jamf Connect reads, without any Payload key. */
  readonly preferences: PlistDict;
  /** "payload 1 (com.jamf.connect.login, mcx Forced)", for messages. */
  readonly label: string;
}

/** A payload that is not Jamf Connect's: named in reports, otherwise ignored. */
export interface OtherPayload {
  readonly index: number;
  readonly type: string;
  readonly displayName?: string;
  /** mcx payloads: the preference domain it manages. */
  readonly domain?: string;
}

/** A Jamf Connect domain's mcx entry under a state macOS does not read (MCX_STATES): it sets nothing. */
export interface UnreadEntry {
  readonly index: number;
  readonly domain: Domain;
  readonly state: string;
}

export interface UnwrappedProfile {
  readonly payloads: PreferencePayload[];
  readonly others: OtherPayload[];
  readonly unread: UnreadEntry[];
}

/** A profile's Jamf Connect payloads, in either style, and the other payloads it holds. */
export function unwrapProfile(root: PlistDict): UnwrappedProfile {
  const payloads: PreferencePayload[] = [];
  const others: OtherPayload[] = [];
  const unread: UnreadEntry[] = [];
  const content = root.PayloadContent;
  const items = Array.isArray(content) ? (content as readonly PlistValue[]) : [];
  items.forEach((item, index) => {
    if (!isDict(item)) {
      others.push({ index, type: "(not a dictionary)" });
      return;
    }
    const type = typeof item.PayloadType === "string" ? item.PayloadType : "(no PayloadType)";
    const displayName = typeof item.PayloadDisplayName === "string" ? item.PayloadDisplayName : undefined;
    const other = (domain?: string): OtherPayload => ({ index, type, ...(displayName !== undefined && { displayName }), ...(domain !== undefined && { domain }) });
    if (isDomain(type)) {
      payloads.push({ domain: type, kind: kindOfDomain(type), style: "domain", index, payload: item, preferences: withoutPayloadKeys(item), label: `payload ${index + 1} (${type})` });
    } else if (type === MCX_PAYLOAD_TYPE && isDict(item.PayloadContent)) {
      for (const [domain, settings] of Object.entries(item.PayloadContent)) {
        if (!isDomain(domain)) {
          others.push(other(domain));
          continue;
        }
        if (isDict(settings)) {
          for (const state of Object.keys(settings)) if (!(MCX_STATES as readonly string[]).includes(state)) unread.push({ index, domain, state });
        }
        for (const state of MCX_STATES) {
          const list = isDict(settings) ? settings[state] : undefined;
          if (!Array.isArray(list)) continue;
          for (const entry of list as readonly PlistValue[]) {
            const preferences = isDict(entry) && isDict(entry.mcx_preference_settings) ? entry.mcx_preference_settings : {};
            payloads.push({ domain, kind: kindOfDomain(domain), style: "mcx", index, mcxState: state, payload: item, preferences, label: `payload ${index + 1} (${domain}, mcx ${state})` });
          }
        }
      }
    } else {
      others.push(other());
    }
  });
  return { payloads, others, unread };
}

/** A bare preferences file as a payload of the given domain. */
export function preferencesAsPayload(domain: Domain, preferences: PlistDict): PreferencePayload {
  return { domain, kind: kindOfDomain(domain), style: "preferences", payload: {}, preferences, label: domain };
}

/** True when a dictionary is a Configuration profile rather than bare preferences. */
export function isProfileDictionary(root: PlistDict): boolean {
  return root.PayloadType === "Configuration" || Array.isArray(root.PayloadContent);
}

function withoutPayloadKeys(payload: PlistDict): PlistDict {
  const preferences: Record<string, PlistValue> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (!key.startsWith("Payload")) Object.defineProperty(preferences, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return preferences;
}

export function isDict(value: PlistValue | undefined): value is PlistDict {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof Date);
}
