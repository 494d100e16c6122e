/**
 * Whether a stored profile of the same name may be overwritten by ours: only when it is this
 * environment's — Jamf Connect payloads only, at least one of the domains ours carries, the same
 * tenant — and when the update keeps every preference domain it holds. A profile may carry one
 * domain or both. Pure: the two parsed profiles in, what stands in the way out.
 */
import { ENTRA_KEYS, valueAtPath } from "../catalog/entra-keys.js";
import { kindOfDomain, PROFILE_KINDS, type Domain } from "../profile/domains.js";
import type { PlistDict } from "../profile/plist-xml.js";
import { describeMalformed, describeUnread } from "../profile/read-profile.js";
import { unwrapProfile } from "../profile/unwrap.js";

export interface Ownership {
  /** Why the stored profile is someone else's, in an admin's words; empty when it is ours. */
  foreign: string[];
  /** Jamf Connect domains the stored profile holds and ours does not. */
  removes: Domain[];
  /**
   * The stored profile's Jamf Connect mcx entries that Macs do not get or that jcprofile reads no
   * preferences from (lint's mcx-unknown-state and mcx-malformed), in an admin's words: the update
   * replaces them with preferences Macs read.
   */
  unread: string[];
}

/** "the menu bar settings (com.jamf.connect)". */
export function domainWords(domain: Domain): string {
  const kind = PROFILE_KINDS[kindOfDomain(domain)];
  return `the ${kind.title} settings (${domain})`;
}

export function judgeOwnership(stored: PlistDict, ours: PlistDict): Ownership {
  const theirs = unwrapProfile(stored);
  const mine = unwrapProfile(ours);
  const foreign: string[] = [];
  const others = [...new Set(theirs.others.map((other) => other.domain ?? other.type))];
  if (others.length > 0) foreign.push(`it also holds other payloads (${others.join(", ")})`);
  const ourDomains = new Set(mine.payloads.map((payload) => payload.domain));
  // A domain held only in a shape no Mac is known to read is still held: dropping it is a removal.
  const theirDomains = [...new Set([...theirs.payloads, ...theirs.unread, ...theirs.malformed].map((entry) => entry.domain))];
  if (theirDomains.length > 0 && !theirDomains.some((domain) => ourDomains.has(domain))) {
    foreign.push(`it holds ${theirDomains.map(domainWords).join(" and ")}, not ${[...ourDomains].map(domainWords).join(" and ")}`);
  }
  const theirTenants = tenants(theirs.payloads);
  for (const [domain, tenant] of tenants(mine.payloads)) {
    const other = theirTenants.get(domain);
    if (other !== undefined && other.toLowerCase() !== tenant.toLowerCase()) {
      foreign.push(`it is for another tenant (${ENTRA_KEYS[domain].tenant.join(".")} "${other}" there, "${tenant}" here)`);
      break;
    }
  }
  const unread = [
    ...theirs.unread.map((entry) => `${describeUnread(entry)}, an mcx state macOS does not read`),
    ...theirs.malformed.map((entry) => `${describeMalformed(entry)} (whether macOS reads it is not documented, UNVERIFIED)`),
  ];
  return { foreign, removes: theirDomains.filter((domain) => !ourDomains.has(domain)), unread };
}

/** Each domain's tenant: the login window's OIDCTenant, the menu bar's IdPSettings.TenantID. */
function tenants(payloads: readonly { domain: Domain; preferences: PlistDict }[]): Map<Domain, string> {
  const found = new Map<Domain, string>();
  for (const { domain, preferences } of payloads) {
    const tenant = valueAtPath(preferences, ENTRA_KEYS[domain].tenant);
    if (typeof tenant === "string" && tenant.trim() !== "") found.set(domain, tenant.trim());
  }
  return found;
}
