import type { Domain } from "./types.js";

/**
 * Where each preference domain keeps its Entra ID values. The login window keeps them at the top
 * level, the menu bar app inside IdPSettings; lint's Entra checks, the cross-key rules, probe's
 * targets, sign-in, upload's ownership test and import's messages all look them up here, and a
 * test holds the templates to the same places.
 */

export type KeyPath = readonly string[];

export interface EntraKeys {
  /** The identity provider's name (Azure or EntraID for Entra ID). */
  readonly provider: KeyPath;
  readonly tenant: KeyPath;
  /**
   * The login window's Hybrid ID key "Tenant ID used for password verification". That it wins over
   * OIDCTenant for Entra ROPG is UNVERIFIED, but it is the more specific key.
   */
  readonly ropgTenant?: KeyPath;
  /** The app of the interactive sign-in; only the login window signs in. */
  readonly signInClientId?: KeyPath;
  /** The app of the password check (ROPG). */
  readonly ropgClientId: KeyPath;
  readonly ropgScopes: KeyPath;
  /** The sign-in's scopes, which Jamf Connect 2.14 also sends for ROPG when ropgScopes is absent (2.17+: not documented). */
  readonly signInScopes?: KeyPath;
  /** Extra AADSTS codes Jamf Connect takes as a correct password. */
  readonly successCodes: KeyPath;
  /** A client secret sent with the password check (Entra needs none for a public client). */
  readonly clientSecrets: readonly KeyPath[];
}

// `satisfies`, not a type: the login window's own keys (sign-in, ROPGTenant) stay known to be there.
export const ENTRA_KEYS = {
  "com.jamf.connect.login": {
    provider: ["OIDCProvider"],
    tenant: ["OIDCTenant"],
    ropgTenant: ["ROPGTenant"],
    signInClientId: ["OIDCClientID"],
    ropgClientId: ["OIDCROPGID"],
    ropgScopes: ["ROPGScopes"],
    signInScopes: ["OIDCScopes"],
    successCodes: ["ROPGSuccessCodes"],
    clientSecrets: [["ROPGClientSecret"], ["OIDCClientSecret"]],
  },
  "com.jamf.connect": {
    provider: ["IdPSettings", "Provider"],
    tenant: ["IdPSettings", "TenantID"],
    ropgClientId: ["IdPSettings", "ROPGID"],
    // UNVERIFIED: no source confirms that the menu bar reads its ROPG scopes from IdPSettings.ROPGScopes.
    ropgScopes: ["IdPSettings", "ROPGScopes"],
    successCodes: ["IdPSettings", "SuccessCodes"],
    clientSecrets: [["IdPSettings", "ClientSecret"]],
  },
} as const satisfies Readonly<Record<Domain, EntraKeys>>;

/** The provider values that mean Entra ID: Jamf's samples write Azure, current docs EntraID. */
export const ENTRA_PROVIDERS: readonly string[] = ["Azure", "EntraID"];

/** The client ID keys of a domain, the sign-in's first. */
export function clientIdPaths(keys: EntraKeys): KeyPath[] {
  return keys.signInClientId !== undefined ? [keys.signInClientId, keys.ropgClientId] : [keys.ropgClientId];
}

/** The scope keys of a domain, the password check's first. */
export function scopePaths(keys: EntraKeys): KeyPath[] {
  return keys.signInScopes !== undefined ? [keys.ropgScopes, keys.signInScopes] : [keys.ropgScopes];
}

/** The value at a key path of a preference dictionary: own keys only (settings come from JSON), never into an array. */
export function valueAtPath(prefs: unknown, path: KeyPath): unknown {
  let value = prefs;
  for (const step of path) {
    if (!isDictionary(value) || !Object.hasOwn(value, step)) return undefined;
    value = value[step];
  }
  return value;
}

function isDictionary(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof Date);
}
