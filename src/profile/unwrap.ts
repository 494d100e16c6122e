import { DOMAINS, isDomain, kindOfDomain, MCX_PAYLOAD_TYPE, MCX_STATES, type Domain, type McxState, type ProfileKind } from "./domains.js";
import type { PlistDict, PlistValue } from "./plist-xml.js";
import { kindOf } from "../values.js";
import { appendAll } from "../append.js";

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

/**
 * A Jamf Connect domain's mcx entry that is not in the shape macOS reads (domain → Forced or
 * Set-Once → an array of dictionaries, each holding a `mcx_preference_settings` dictionary): no
 * preferences are read from it. What macOS makes of such a shape is not documented (UNVERIFIED).
 */
export interface MalformedEntry {
  readonly index: number;
  readonly domain: Domain;
  /**
   * Inside the payload's PayloadContent: `[domain]`, `[domain, state]`, `[domain, state, i]` or
   * `[domain, state, i, "mcx_preference_settings"]`; `[]` for a PayloadContent that is not a
   * dictionary of domains yet names this one (an array holding it).
   */
  readonly path: readonly (string | number)[];
  /** What sits there instead: "a dictionary", "a string", "missing". */
  readonly found: string;
  /** What macOS reads there: "an array of dictionaries". */
  readonly expected: string;
  /**
   * How many more items of the same list are wrong in the same way (the same depth, the same
   * `found`): one entry stands for them all, at the first one's path, so a list of a million
   * strings is one finding rather than a million (whose report outgrew what Node can hold).
   */
  readonly alike: number;
}

export interface UnwrappedProfile {
  readonly payloads: PreferencePayload[];
  readonly others: OtherPayload[];
  readonly unread: UnreadEntry[];
  readonly malformed: MalformedEntry[];
}

/** A profile's Jamf Connect payloads, in either style, and the other payloads it holds. */
export function unwrapProfile(root: PlistDict): UnwrappedProfile {
  const payloads: PreferencePayload[] = [];
  const others: OtherPayload[] = [];
  const unread: UnreadEntry[] = [];
  const malformed: MalformedEntry[] = [];
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
        const bad = (path: readonly (string | number)[], found: PlistValue | undefined, expected: string): { alike: number } => {
          const entry = { index, domain, path: [domain, ...path], found: shapeOf(found), expected, alike: 0 };
          malformed.push(entry);
          return entry;
        };
        if (!isDict(settings)) {
          bad([], settings, "a dictionary of mcx states (Forced)");
          continue;
        }
        for (const state of Object.keys(settings)) if (!(MCX_STATES as readonly string[]).includes(state)) unread.push({ index, domain, state });
        for (const state of MCX_STATES) {
          const list = settings[state];
          if (list === undefined) continue;
          if (!Array.isArray(list)) {
            bad([state], list, "an array of dictionaries");
            continue;
          }
          // One entry for each way the list's items are wrong, counting the others alike (MalformedEntry.alike).
          const firsts = new Map<string, { alike: number }>();
          const badItem = (path: readonly (string | number)[], found: PlistValue | undefined, expected: string): void => {
            const key = `${path.length} ${shapeOf(found)}`;
            const first = firsts.get(key);
            if (first !== undefined) first.alike++;
            else firsts.set(key, bad(path, found, expected));
          };
          (list as readonly PlistValue[]).forEach((entry, at) => {
            if (!isDict(entry)) return badItem([state, at], entry, "a dictionary holding mcx_preference_settings");
            const preferences = entry.mcx_preference_settings;
            if (!isDict(preferences)) return badItem([state, at, "mcx_preference_settings"], preferences, "a dictionary of preferences");
            payloads.push({ domain, kind: kindOfDomain(domain), style: "mcx", index, mcxState: state, payload: item, preferences, label: `payload ${index + 1} (${domain}, mcx ${state})` });
          });
        }
      }
    } else {
      // Custom settings whose content is not a dictionary of domains but names a Jamf Connect one (an array holding it) are that domain's, badly formed.
      const { named, otherDomains } = type === MCX_PAYLOAD_TYPE ? domainsIn(item.PayloadContent) : { named: [], otherDomains: [] };
      for (const domain of named) malformed.push({ index, domain, path: [], found: shapeOf(item.PayloadContent), expected: "a dictionary of preference domains", alike: 0 });
      if (named.length === 0) others.push(other());
      // Beside it, another tool's domains are not Jamf Connect's, as in a well-formed payload: upload must not take the payload for ours and replace them.
      else for (const domain of otherDomains) others.push(other(domain));
    }
  });
  return { payloads, others, unread, malformed };
}

/**
 * The domains a custom-settings content that is not a dictionary of domains holds, read as a
 * dictionary of domains wherever one sits among its arrays (an array holding the dictionary): the
 * Jamf Connect domains it names, as such a dictionary's key or as text, and the other keys and texts,
 * another tool's domains. What sits under a key is that domain's settings and is not looked into, as in a
 * well-formed payload: a Dock tile's bundle-identifier com.jamf.connect names no domain. Walked
 * without recursion, in file order, so no nesting the plist readers let through can overflow the stack.
 */
function domainsIn(content: PlistValue | undefined): { named: Domain[]; otherDomains: string[] } {
  const named = new Set<Domain>();
  const otherDomains = new Set<string>();
  const pending: PlistValue[] = content === undefined ? [] : [content];
  for (let at = 0; at < pending.length; at++) {
    const next = pending[at]!;
    if (isDomain(next)) named.add(next);
    else if (typeof next === "string") otherDomains.add(next);
    else if (Array.isArray(next)) appendAll(pending, next as readonly PlistValue[]);
    else if (isDict(next)) {
      for (const key of Object.keys(next)) {
        if (isDomain(key)) named.add(key);
        else otherDomains.add(key);
      }
    }
  }
  return { named: DOMAINS.filter((domain) => named.has(domain)), otherDomains: [...otherDomains] };
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

/** "a dictionary", "an array", "a string", "missing": what a value is, for messages about shapes (values.ts's kindOf, in plist words). */
export function shapeOf(value: PlistValue | undefined): string {
  if (value === undefined) return "missing";
  return isDict(value) ? "a dictionary" : kindOf(value);
}

export function isDict(value: PlistValue | undefined): value is PlistDict {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof Date);
}
