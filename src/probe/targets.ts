/**
 * What a probe sends, read from the preference dictionaries the profiles will carry — not from
 * the config fields — so a scope typo in `settings` is probed exactly as the Mac will send it.
 */
import type { EntraKeys, KeyPath } from "../catalog/entra-keys.js";
import type { ResolvedEnvironment } from "../config/resolve.js";
import type { RenderedPayload } from "../render/profile.js";
import { DEFAULT_ROPG_SCOPES } from "../entra/scopes.js";
import { LOGIN_KEYS, MENUBAR_KEYS, renderedPreferences, scopesAt, signInApp, stringsAt, textAt, type Preferences } from "../entra/profile-values.js";
import { cloudInstanceOf, type ProbeTarget } from "../entra/probe-target.js";

const secretIn = (preferences: Preferences, keys: EntraKeys): boolean => keys.clientSecrets.some((path) => textAt(preferences, path) !== undefined);

/** A scope key that names no scope never gets here: lint's scope-empty error refuses the config first (loadAndRender). */
function scopesFrom(preferences: Preferences, candidates: readonly [source: string, path: KeyPath][]): { scopes: string[]; source: string } {
  for (const [key, path] of candidates) {
    const scopes = scopesAt(preferences, path);
    if (scopes !== undefined) return { scopes, source: key };
  }
  return { scopes: [...DEFAULT_ROPG_SCOPES], source: "default (openid profile email)" };
}

const SECRET_NOTE =
  "sends a client secret, which jcprofile does not: it probes as a public client, so AADSTS7000218 here may not match what the Mac sees";

/** The login window's ROPG request, from com.jamf.connect.login. */
function loginTarget(environment: ResolvedEnvironment, preferences: Preferences): ProbeTarget {
  const { scopes, source } = scopesFrom(preferences, [
    [keyName(LOGIN_KEYS.ropgScopes), LOGIN_KEYS.ropgScopes],
    // Jamf's 2022 Conditional Access guide: "As of Jamf Connect 2.14, the login window will use the scopes
    // defined in the OIDCScopes key" for ROPG. ROPGScopes came with 2.17 (Jamf's 2023 guide), and no source
    // says what 2.17 and later send when it is absent (facts-2026-12 §1.5), so the source says both.
    [
      `${keyName(LOGIN_KEYS.signInScopes)} (used for ROPG when ${keyName(LOGIN_KEYS.ropgScopes)} is absent: documented for Jamf Connect 2.14; for 2.17 and later, which added it, UNVERIFIED)`,
      LOGIN_KEYS.signInScopes,
    ],
  ]);
  return {
    name: "login",
    role: "OIDCROPGID",
    checksPassword: true,
    environment: environment.name,
    authorityHost: environment.authorityHost,
    tenant: textAt(preferences, LOGIN_KEYS.ropgTenant) ?? textAt(preferences, LOGIN_KEYS.tenant) ?? environment.tenant,
    clientId: textAt(preferences, LOGIN_KEYS.ropgClientId) ?? textAt(preferences, LOGIN_KEYS.signInClientId) ?? environment.login.ropgClientId,
    scopes,
    scopeSource: source,
    successCodes: stringsAt(preferences, LOGIN_KEYS.successCodes),
    notes: secretIn(preferences, LOGIN_KEYS) ? [`the login window ${SECRET_NOTE}`] : [],
    ...cloudInstanceOf(environment.cloud),
  };
}

/** The menu bar app's ROPG request, from IdPSettings in com.jamf.connect. */
function menubarTarget(environment: ResolvedEnvironment, preferences: Preferences): ProbeTarget {
  const { scopes, source } = scopesFrom(preferences, [[`${keyName(MENUBAR_KEYS.ropgScopes)} (key name UNVERIFIED)`, MENUBAR_KEYS.ropgScopes]]);
  return {
    name: "menubar",
    role: "ROPGID",
    checksPassword: true,
    environment: environment.name,
    authorityHost: environment.authorityHost,
    tenant: textAt(preferences, MENUBAR_KEYS.tenant) ?? environment.tenant,
    clientId: textAt(preferences, MENUBAR_KEYS.ropgClientId) ?? environment.menubar.ropgClientId,
    scopes,
    scopeSource: source,
    successCodes: stringsAt(preferences, MENUBAR_KEYS.successCodes),
    notes: secretIn(preferences, MENUBAR_KEYS) ? [`the menu bar ${SECRET_NOTE}`] : [],
    ...cloudInstanceOf(environment.cloud),
  };
}

export type TargetChoice = "login" | "menubar" | "all";

/**
 * The ROPG requests of one environment's profiles, read from the payloads it rendered (without
 * errors: loadAndRender checks that first), so they are the preference dictionaries build writes.
 */
export function environmentTargets(environment: ResolvedEnvironment, payloads: readonly RenderedPayload[], choice: TargetChoice): ProbeTarget[] {
  const targets: ProbeTarget[] = [];
  const loginPreferences = choice !== "menubar" ? renderedPreferences(payloads, "login") : undefined;
  const login = loginPreferences !== undefined ? loginTarget(environment, loginPreferences) : undefined;
  if (login !== undefined) targets.push(login);
  if (choice !== "login") targets.push(menubarTarget(environment, renderedPreferences(payloads, "menubar")));
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
  const { tenant, clientId } = signInApp(environment, preferences);
  if (clientId.toLowerCase() === login.clientId.toLowerCase()) return undefined;
  return {
    ...login,
    role: "OIDCClientID",
    checksPassword: false,
    tenant,
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
