import { catalogKeys, specOf } from "../catalog/catalog.js";
import { THIRD_PARTY_NOTIFY_GUIDE, THIRD_PARTY_STRUCT } from "../catalog/sources.js";
import type { KeyMap, KeySpec } from "../catalog/types.js";
import { clientIdPaths, ENTRA_KEYS, ENTRA_PROVIDERS, scopePaths, valueAtPath } from "../catalog/entra-keys.js";
import { GUID_PATTERN } from "../config/schema.js";
import type { Domain } from "../profile/domains.js";
import type { PlistDict } from "../profile/plist-xml.js";
import { isDict } from "../profile/unwrap.js";
import { findSecrets, isSecretValue } from "../secrets.js";
import { showValue } from "../values.js";
import { splitScopes } from "../entra/scopes.js";
import type { Problem } from "../problem.js";
import { appendAll } from "../append.js";

/**
 * What only a profile read from elsewhere can get wrong about Entra ID: IDs that are not GUIDs,
 * a tenant ID pasted as a client ID, scope strings that miss the custom scope, client secrets
 * every user can read, and keys known only from Jamf Connect 1.x.
 */

export const CLIENT_ID_FIX = "use the Application (client) ID from the app registration's Overview page";

/** A tenant ID where a client ID belongs; shared with init, which refuses it before any request. */
export function tenantAsClientIdMessage(id: string, tenantKey: string): string {
  return `${JSON.stringify(id)} is the tenant ID (as in ${tenantKey}), not an app's client ID`;
}

export function checkEntra(domain: Domain, prefs: PlistDict): Problem[] {
  const keys = ENTRA_KEYS[domain];
  const issues: Problem[] = [];
  const provider = valueAtPath(prefs, keys.provider);
  const tenant = valueAtPath(prefs, keys.tenant);
  if (typeof provider === "string" && ENTRA_PROVIDERS.includes(provider)) {
    if (tenant === undefined) {
      // Since Jamf Connect 2.13 (Microsoft's change away from the common endpoint) the tenant is required
      // for Entra ID: "required to use ROPG test" (docs.jamf.com/jamf-connect/2.13.0, Integrating_with_Microsoft_Azure_AD).
      issues.push({
        path: keys.tenant,
        severity: "error",
        code: "missing-tenant",
        message: `is missing: with ${keys.provider.join(".")} ${provider}, Jamf Connect needs the tenant to sign in and to check passwords`,
        fix: "add the Directory (tenant) ID from the Entra admin center's Overview page",
      });
    }
    for (const path of clientIdPaths(keys)) {
      const id = valueAtPath(prefs, path);
      if (typeof id !== "string") continue;
      // A secret pasted as a client ID is reported as a secret below, and never shown.
      if (isSecretValue(id)) continue;
      if (!GUID_PATTERN.test(id.trim())) {
        issues.push({ path, severity: "error", code: "not-a-guid", message: `${showValue(id)} is not a GUID, and Entra ID identifies apps by GUID`, fix: CLIENT_ID_FIX });
      } else if (typeof tenant === "string" && id.trim().toLowerCase() === tenant.trim().toLowerCase()) {
        issues.push({ path, severity: "error", code: "tenant-as-client-id", message: tenantAsClientIdMessage(id, keys.tenant.join(".")), fix: CLIENT_ID_FIX });
      }
    }
  }
  // Jamf's docs: Okta wants the scopes separated by spaces, not + (Add Groups Claim to OIDC Identity Tokens;
  // OpenID Connect User Role Settings), so the + advice is not given with an Okta provider.
  const spacesWanted = typeof provider === "string" && provider.startsWith("Okta");
  for (const path of scopePaths(keys)) {
    const scopes = valueAtPath(prefs, path);
    if (typeof scopes === "string") appendAll(issues, checkScopes(path, scopes, spacesWanted));
  }
  for (const path of findSecrets(prefs)) {
    issues.push({
      path,
      severity: "error",
      code: "client-secret",
      message: "holds a client secret or another credential (by its name or its shape), which every user of the Mac can read in /Library/Managed Preferences",
      fix: "remove it (Jamf Connect's Entra setup is a public client and needs no secret) and rotate the secret in Entra ID",
    });
  }
  findLegacyKeys(catalogKeys(domain), prefs, [], issues);
  return issues;
}

/** The custom ROPG scope only reaches Entra as `api://<app>/<scope>+openid+…`, "+"-separated as Jamf writes it. */
function checkScopes(path: readonly string[], scopes: string, spacesWanted: boolean): Problem[] {
  const parts = splitScopes(scopes);
  if (parts.length === 0) return [noScope(path, scopes, spacesWanted)];
  const issues: Problem[] = [];
  const custom = parts.find((part) => part.startsWith("api://"));
  if (custom !== undefined) {
    const app = /^api:\/\/([^/]+)\//.exec(custom)?.[1];
    if (app === undefined || !GUID_PATTERN.test(app)) {
      issues.push({ path, severity: "error", code: "custom-scope-app-id", message: `${custom} does not name the API app by its GUID`, fix: "write api://<Application (client) ID of the API app>/jamfconnect" });
    }
    if (!parts.includes("openid")) {
      issues.push({ path, severity: "error", code: "custom-scope-without-openid", message: `${JSON.stringify(scopes)} asks for the custom scope without openid, so Jamf Connect gets no ID token for the password check`, fix: `write ${custom}+openid+email+profile` });
    }
  }
  if (!spacesWanted && /\S\s+\S/.test(scopes.trim())) {
    issues.push({ path, severity: "warning", code: "scope-spaces", message: `${JSON.stringify(scopes)} separates scopes with spaces; Jamf writes them with +`, fix: `write ${parts.join("+")}` });
  }
  return issues;
}

/**
 * An empty value, or separators only: Jamf Connect would send a request without a scope, which Entra
 * refuses with AADSTS900144 (MicrosoftDocs/entra-docs#370), as probe notes for the same key.
 */
function noScope(path: readonly string[], scopes: string, spacesWanted: boolean): Problem {
  return {
    path,
    severity: "error",
    code: "scope-empty",
    message: `${JSON.stringify(scopes)} names no scope: Jamf Connect would send the request without one (UNVERIFIED: it may fall back to its default scopes), and Entra ID refuses a request without a scope (AADSTS900144)`,
    fix: spacesWanted
      ? "write the scopes separated by spaces, e.g. openid profile email, or remove the key"
      : 'write the scopes joined with "+", e.g. openid+api://<api-app-id>/jamfconnect, or remove the key',
  };
}

/** Keys the catalogue knows only from Jamf Connect 1.x manifests or third-party code. */
function isLegacy(spec: KeySpec): boolean {
  return legacyKind(spec) !== undefined;
}

/** Why a key is legacy: known only from 1.x, or only from third-party code (no Jamf source at all). */
function legacyKind(spec: KeySpec): "1.x" | "third-party" | undefined {
  // Asked for every key of every profile (a build of 1000 environments: ~50,000 times): each spec's answer is kept.
  if (legacySpecs.has(spec)) return legacySpecs.get(spec);
  let kind: "1.x" | "third-party" | undefined;
  if (/\b1\.x\b/.test(`${spec.description} ${spec.unverified ?? ""}`)) kind = "1.x";
  else if (spec.sources !== undefined && spec.sources.length > 0 && spec.sources.every((source) => THIRD_PARTY_ONLY.has(source))) kind = "third-party";
  legacySpecs.set(spec, kind);
  return kind;
}

/** Sources that are neither Jamf's nor a schema of Jamf's keys: a key sourced only by these is known from no Jamf source. */
const THIRD_PARTY_ONLY: ReadonlySet<string> = new Set([THIRD_PARTY_STRUCT, THIRD_PARTY_NOTIFY_GUIDE]);

const legacySpecs = new WeakMap<KeySpec, "1.x" | "third-party" | undefined>();

/** The key is a 1.x key, or has one somewhere below it: the only keys findLegacyKeys reports or looks into. */
function holdsLegacy(spec: KeySpec): boolean {
  let holds = holdingSpecs.get(spec);
  if (holds === undefined) {
    holds = isLegacy(spec) || (spec.keys !== undefined && Object.values(spec.keys).some(holdsLegacy));
    holdingSpecs.set(spec, holds);
  }
  return holds;
}

const holdingSpecs = new WeakMap<KeySpec, boolean>();

/**
 * The 1.x keys of a dictionary, in its key order, each with the key specs of its level (the
 * catalogue's top level, then a dictionary key's own keys). A key with no 1.x key at or below it
 * is passed over without building its path.
 */
function findLegacyKeys(keys: KeyMap, dict: PlistDict, path: readonly string[], issues: Problem[]): void {
  for (const key in dict) {
    if (!Object.hasOwn(dict, key)) continue;
    const spec = specOf(keys, key);
    if (spec === undefined || !holdsLegacy(spec)) continue;
    const here = [...path, key];
    const kind = legacyKind(spec);
    if (kind !== undefined) {
      const why = spec.unverified !== undefined ? `UNVERIFIED: ${spec.unverified}` : spec.description;
      const known = kind === "1.x" ? "is known only from Jamf Connect 1.x" : "is known from no Jamf source, only from third-party code";
      issues.push({ path: here, severity: "warning", code: "legacy-key", message: `${known} (${why})`, fix: "remove it unless your Jamf Connect version documents it" });
      continue;
    }
    const value = dict[key]!;
    if (isDict(value) && spec.keys) findLegacyKeys(spec.keys, value, here, issues);
  }
}
