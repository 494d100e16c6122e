/**
 * What a probe sends, read from the preference dictionaries the profiles will carry — not from
 * the config fields — so a scope typo in `settings` is probed exactly as the Mac will send it.
 */
import { ENTRA_KEYS, valueAtPath, type EntraKeys, type KeyPath } from "../catalog/entra-keys.js";
import type { ResolvedEnvironment } from "../config/resolve.js";
import { PROFILE_KINDS } from "../profile/domains.js";
import type { PlistDict } from "../profile/plist-xml.js";
import type { RenderedPayload } from "../render/profile.js";
import { DEFAULT_ROPG_SCOPES, splitScopes } from "../entra/scopes.js";
import { cloudInstanceOf, type ProbeTarget } from "../entra/probe-target.js";

type Preferences = Readonly<PlistDict>;

const LOGIN = ENTRA_KEYS[PROFILE_KINDS.login.domain];
const MENUBAR = ENTRA_KEYS[PROFILE_KINDS.menubar.domain];

/** The non-blank string at a key path, if any. */
function text(preferences: Preferences, path: KeyPath): string | undefined {
  const value = valueAtPath(preferences, path);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function strings(preferences: Preferences, path: KeyPath): string[] {
  const value = valueAtPath(preferences, path);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

const secretIn = (preferences: Preferences, keys: EntraKeys): boolean => keys.clientSecrets.some((path) => text(preferences, path) !== undefined);

function scopesFrom(preferences: Preferences, candidates: readonly [source: string, path: KeyPath][]): { scopes: string[]; source: string } {
  for (const [key, path] of candidates) {
    const raw = text(preferences, path);
    if (raw !== undefined) return { scopes: splitScopes(raw), source: key };
  }
  return { scopes: [...DEFAULT_ROPG_SCOPES], source: "default (openid profile email)" };
}

const SECRET_NOTE =
  "sends a client secret, which jcprofile does not: it probes as a public client, so AADSTS7000218 here may not match what the Mac sees";

/** The login window's ROPG request, from com.jamf.connect.login. */
function loginTarget(environment: ResolvedEnvironment, preferences: Preferences): ProbeTarget {
  const { scopes, source } = scopesFrom(preferences, [
    [keyName(LOGIN.ropgScopes), LOGIN.ropgScopes],
    // Jamf Connect 2.14+ reuses OIDCScopes for the ROPG check when ROPGScopes is absent
    // (reference: jamf-connect-keys.md; the catalogue's OIDCScopes entry says the same).
    [`${keyName(LOGIN.signInScopes)} (used for ROPG when ${keyName(LOGIN.ropgScopes)} is absent, Jamf Connect 2.14+)`, LOGIN.signInScopes],
  ]);
  return {
    name: "login",
    role: "OIDCROPGID",
    checksPassword: true,
    environment: environment.name,
    authorityHost: environment.authorityHost,
    tenant: text(preferences, LOGIN.ropgTenant) ?? text(preferences, LOGIN.tenant) ?? environment.tenant,
    clientId: text(preferences, LOGIN.ropgClientId) ?? text(preferences, LOGIN.signInClientId) ?? environment.login.ropgClientId,
    scopes,
    scopeSource: source,
    successCodes: strings(preferences, LOGIN.successCodes),
    notes: secretIn(preferences, LOGIN) ? [`the login window ${SECRET_NOTE}`] : [],
    ...cloudInstanceOf(environment.cloud),
  };
}

/** The menu bar app's ROPG request, from IdPSettings in com.jamf.connect. */
function menubarTarget(environment: ResolvedEnvironment, preferences: Preferences): ProbeTarget {
  const { scopes, source } = scopesFrom(preferences, [[`${keyName(MENUBAR.ropgScopes)} (key name UNVERIFIED)`, MENUBAR.ropgScopes]]);
  return {
    name: "menubar",
    role: "ROPGID",
    checksPassword: true,
    environment: environment.name,
    authorityHost: environment.authorityHost,
    tenant: text(preferences, MENUBAR.tenant) ?? environment.tenant,
    clientId: text(preferences, MENUBAR.ropgClientId) ?? environment.menubar.ropgClientId,
    scopes,
    scopeSource: source,
    successCodes: strings(preferences, MENUBAR.successCodes),
    notes: secretIn(preferences, MENUBAR) ? [`the menu bar ${SECRET_NOTE}`] : [],
    ...cloudInstanceOf(environment.cloud),
  };
}

export type TargetChoice = "login" | "menubar" | "all";

/**
 * The ROPG requests of one environment's profiles, read from the payloads it rendered (without
 * errors: loadAndRender checks that first), so they are the preference dictionaries build writes.
 */
export function environmentTargets(environment: ResolvedEnvironment, payloads: readonly RenderedPayload[], choice: TargetChoice): ProbeTarget[] {
  const preferencesOf = (part: "login" | "menubar"): Preferences => payloads.find((payload) => payload.part === part)?.preferences ?? {};
  const targets: ProbeTarget[] = [];
  const loginPreferences = choice !== "menubar" ? preferencesOf("login") : undefined;
  const login = loginPreferences !== undefined ? loginTarget(environment, loginPreferences) : undefined;
  if (login !== undefined) targets.push(login);
  if (choice !== "login") targets.push(menubarTarget(environment, preferencesOf("menubar")));
  // Last, so its request can share the menu bar's when both name the same app.
  const signIn = login !== undefined ? signInTarget(login, environment, loginPreferences!) : undefined;
  if (signIn !== undefined) targets.push(signIn);
  return targets;
}

/**
 * The login window's sign-in app (OIDCClientID), when it is another app than the password
 * check's: a wrong one breaks every sign-in, so its app check runs too. It is asked with the
 * default scopes: the app check proves the tenant and the client ID, not the sign-in's scopes.
 */
function signInTarget(login: ProbeTarget, environment: ResolvedEnvironment, preferences: Preferences): ProbeTarget | undefined {
  const clientId = text(preferences, LOGIN.signInClientId) ?? environment.login.clientId;
  if (clientId.toLowerCase() === login.clientId.toLowerCase()) return undefined;
  return {
    ...login,
    role: "OIDCClientID",
    checksPassword: false,
    tenant: text(preferences, LOGIN.tenant) ?? environment.tenant,
    clientId,
    scopes: [...DEFAULT_ROPG_SCOPES],
    scopeSource: "default (openid profile email)",
    successCodes: [],
    notes: [],
  };
}

/** `ROPGScopes`, `IdPSettings.ROPGScopes`: a key as the report names it. */
function keyName(path: KeyPath): string {
  return path.join(".");
}
