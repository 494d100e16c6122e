/**
 * The Entra values a rendered profile carries, read from the preference dictionaries `build`
 * writes — not from the config fields — so a typo in `settings` is tried as the Mac will send it.
 * The one reader that probe's targets and signin's request share: where each value sits comes
 * from the catalogue (entra-keys.ts); what a profile leaves out falls back to the resolved
 * environment.
 */
import { ENTRA_KEYS, valueAtPath, type KeyPath } from "../catalog/entra-keys.js";
import type { ResolvedEnvironment } from "../config/resolve.js";
import { PROFILE_KINDS } from "../profile/domains.js";
import type { PlistDict } from "../profile/plist-xml.js";
import { splitScopes } from "./scopes.js";

export type Preferences = Readonly<PlistDict>;

export const LOGIN_KEYS = ENTRA_KEYS[PROFILE_KINDS.login.domain];
export const MENUBAR_KEYS = ENTRA_KEYS[PROFILE_KINDS.menubar.domain];

/** The preferences of one part of an environment's rendered payloads; none when it renders no such payload. */
export function renderedPreferences(payloads: readonly { part: string; preferences: Preferences }[], part: "login" | "menubar"): Preferences {
  return payloads.find((payload) => payload.part === part)?.preferences ?? {};
}

/** The non-blank string at a key path, if any. */
export function textAt(preferences: Preferences, path: KeyPath): string | undefined {
  const value = valueAtPath(preferences, path);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** The strings of the list at a key path (none when it is not a list). */
export function stringsAt(preferences: Preferences, path: KeyPath): string[] {
  const value = valueAtPath(preferences, path);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** The scopes at a key path, split as Jamf Connect writes them (`+` or spaces); undefined when the key is not set. */
export function scopesAt(preferences: Preferences, path: KeyPath): string[] | undefined {
  const raw = textAt(preferences, path);
  return raw !== undefined ? splitScopes(raw) : undefined;
}

/** The login window's interactive sign-in app: OIDCClientID in OIDCTenant, else the config's. */
export function signInApp(environment: ResolvedEnvironment, login: Preferences): { authorityHost: string; tenant: string; clientId: string } {
  return {
    authorityHost: environment.authorityHost,
    tenant: textAt(login, LOGIN_KEYS.tenant) ?? environment.tenant,
    clientId: textAt(login, LOGIN_KEYS.signInClientId) ?? environment.login.clientId,
  };
}
