import { MCX_PAYLOAD_TYPE, type Domain } from "./domains.js";
import type { PlistDict } from "./plist-xml.js";
import { uuidV5 } from "./uuid.js";

/**
 * Fixed namespace for every PayloadUUID jcprofile writes: UUID v5 of the PayloadIdentifier in
 * it, so the same identifier always gets the same UUID (a re-upload replaces the profile on
 * the Mac instead of adding a ghost copy). Changing this constant changes every UUID.
 */
export const UUID_NAMESPACE = "5c0b9a3e-8f2d-4b61-9a7e-2d4c1f6e8b30";

export function payloadUuid(identifier: string): string {
  return uuidV5(identifier, UUID_NAMESPACE).toUpperCase();
}

/**
 * `mcx`: Apple's managed-preferences payload (domain → Forced → mcx_preference_settings), the
 * form Jamf Pro stores custom settings in. `domain`: the payload's PayloadType is the domain and
 * the keys sit beside the Payload keys, the form of Jamf's own samples.
 */
export type PayloadStyle = "mcx" | "domain";

export interface ProfileIdentity {
  /** The top-level PayloadIdentifier; the payload's is `<identifier>.<domain>`. */
  readonly identifier: string;
  readonly displayName: string;
  readonly organization: string;
  readonly description?: string | undefined;
  readonly removalDisallowed: boolean;
  readonly payloadStyle: PayloadStyle;
}

/** One preference domain's dictionary, to become one payload of a profile. */
interface DomainPreferences {
  readonly domain: Domain;
  readonly preferences: PlistDict;
}

/**
 * The outer Configuration profile around one payload per domain, in the chosen payload style. Each
 * payload's identifier is `<identifier>.<domain>`, so the domains of one profile never share one.
 */
export function wrapPayloads(payloads: readonly DomainPreferences[], identity: ProfileIdentity): PlistDict {
  return {
    PayloadContent: payloads.map(({ domain, preferences }) => payloadFor(domain, preferences, identity)),
    ...(identity.description !== undefined && { PayloadDescription: identity.description }),
    PayloadDisplayName: identity.displayName,
    PayloadIdentifier: identity.identifier,
    PayloadOrganization: identity.organization,
    PayloadRemovalDisallowed: identity.removalDisallowed,
    PayloadScope: "System",
    PayloadType: "Configuration",
    PayloadUUID: payloadUuid(identity.identifier),
    PayloadVersion: 1,
    TargetDeviceType: 5,
  };
}

/** A profile of one domain's preferences (wrapPayloads with one payload). */
export function wrapPreferences(domain: Domain, preferences: PlistDict, identity: ProfileIdentity): PlistDict {
  return wrapPayloads([{ domain, preferences }], identity);
}

function payloadFor(domain: Domain, preferences: PlistDict, identity: ProfileIdentity): PlistDict {
  const payloadIdentifier = `${identity.identifier}.${domain}`;
  const common = {
    PayloadDisplayName: identity.displayName,
    PayloadIdentifier: payloadIdentifier,
    PayloadOrganization: identity.organization,
    PayloadUUID: payloadUuid(payloadIdentifier),
    PayloadVersion: 1,
  };
  // mcx: the keys in the order the plist writer sorts them into, so it has nothing to sort.
  return identity.payloadStyle === "mcx"
    ? {
        PayloadContent: { [domain]: { Forced: [{ mcx_preference_settings: preferences }] } },
        PayloadDisplayName: common.PayloadDisplayName,
        PayloadIdentifier: common.PayloadIdentifier,
        PayloadOrganization: common.PayloadOrganization,
        PayloadType: MCX_PAYLOAD_TYPE,
        PayloadUUID: common.PayloadUUID,
        PayloadVersion: common.PayloadVersion,
      }
    : { ...preferences, ...common, PayloadType: domain };
}

/** Where the serializer's paths reach the preference dictionary, per style (for error paths). */
export function preferencesDepth(style: PayloadStyle): number {
  // mcx: PayloadContent[0].PayloadContent.<domain>.Forced[0].mcx_preference_settings.<key> → 7; domain: PayloadContent[0].<key> → 2
  return style === "mcx" ? 7 : 2;
}
