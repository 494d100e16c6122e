/**
 * What a probe sends, read from the preference dictionaries the profiles will carry — not from
 * the config fields — so a scope typo in `settings` is probed exactly as the Mac will send it.
 */
import { isPlainObject } from "../config/merge.js";
import { withoutTrailingSlash, type ResolvedEnvironment } from "../config/resolve.js";
import type { PlistValue } from "../profile/plist-xml.js";
import { renderPreferences } from "../render/preferences.js";
import { DEFAULT_ROPG_SCOPES, splitScopes } from "./scopes.js";

/** `login`: the login window (com.jamf.connect.login); `menubar`: Jamf Connect (com.jamf.connect); `flags`: --tenant/--client-id. */
export type TargetName = "login" | "menubar" | "flags";

/**
 * Which profile key the client ID comes from: the login window's password check (`OIDCROPGID`)
 * and sign-in (`OIDCClientID`), the menu bar's password check (`ROPGID`), or `--client-id`.
 */
export type ClientRole = "OIDCROPGID" | "OIDCClientID" | "ROPGID" | "--client-id";

export interface ProbeTarget {
  name: TargetName;
  role: ClientRole;
  /**
   * false for the login window's sign-in client (OIDCClientID): only its tenant and app are
   * checked, since Jamf Connect never sends a password grant to it.
   */
  checksPassword: boolean;
  /** The config environment it comes from; null from flags. */
  environment: string | null;
  /** `https://login.microsoftonline.com` or another https origin, without a trailing slash. */
  authorityHost: string;
  tenant: string;
  clientId: string;
  scopes: readonly string[];
  /** Where the scopes come from, e.g. `ROPGScopes`, for the report. */
  scopeSource: string;
  /** ROPGSuccessCodes / IdPSettings.SuccessCodes, as written in the profile. */
  successCodes: readonly string[];
  /** Ways this request differs from what Jamf Connect sends, shown as warnings. */
  notes: readonly string[];
  /** The tenant's expected `cloud_instance_name`, when the cloud is known (see cloudInstanceOf). */
  expectedCloudInstance?: string;
}

type Preferences = Readonly<Record<string, PlistValue>>;

/**
 * `cloud_instance_name` per cloud, to name a tenant that lives in another cloud. China is left out:
 * its value (partner.microsoftonline.cn, from memory) is UNVERIFIED, and a wrong guess would fail
 * every China tenant.
 */
const CLOUD_INSTANCES: Readonly<Record<string, string>> = { public: "microsoftonline.com", usgov: "microsoftonline.us" };
const HOST_CLOUDS: Readonly<Record<string, string>> = { "login.microsoftonline.com": "public", "login.microsoftonline.us": "usgov" };

/** From a config's `cloud`, or from a well-known authority host given as a flag. */
function cloudInstanceOf(cloud: string | undefined): { expectedCloudInstance?: string } {
  const instance = cloud !== undefined ? CLOUD_INSTANCES[cloud] : undefined;
  return instance !== undefined ? { expectedCloudInstance: instance } : {};
}

const text = (value: PlistValue | undefined): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : undefined;

const strings = (value: PlistValue | undefined): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

function scopesFrom(candidates: readonly [key: string, value: PlistValue | undefined][]): { scopes: string[]; source: string } {
  for (const [key, value] of candidates) {
    const raw = text(value);
    if (raw !== undefined) return { scopes: splitScopes(raw), source: key };
  }
  return { scopes: [...DEFAULT_ROPG_SCOPES], source: "default (openid profile email)" };
}

const SECRET_NOTE =
  "sends a client secret, which jcprofile does not: it probes as a public client, so AADSTS7000218 here may not match what the Mac sees";

/** The login window's ROPG request, from com.jamf.connect.login. */
function loginTarget(environment: ResolvedEnvironment, preferences: Preferences): ProbeTarget {
  const { scopes, source } = scopesFrom([
    ["ROPGScopes", preferences["ROPGScopes"]],
    // Jamf Connect 2.14+ reuses OIDCScopes for the ROPG check when ROPGScopes is absent
    // (reference: jamf-connect-keys.md; the catalogue's OIDCScopes entry says the same).
    ["OIDCScopes (used for ROPG when ROPGScopes is absent, Jamf Connect 2.14+)", preferences["OIDCScopes"]],
  ]);
  const secret = text(preferences["ROPGClientSecret"]) ?? text(preferences["OIDCClientSecret"]);
  return {
    name: "login",
    role: "OIDCROPGID",
    checksPassword: true,
    environment: environment.name,
    authorityHost: environment.authorityHost,
    // ROPGTenant is the Hybrid ID key "Tenant ID used for password verification"; that it wins
    // over OIDCTenant for Entra ROPG is UNVERIFIED, but it is the more specific key.
    tenant: text(preferences["ROPGTenant"]) ?? text(preferences["OIDCTenant"]) ?? environment.tenant,
    clientId: text(preferences["OIDCROPGID"]) ?? text(preferences["OIDCClientID"]) ?? environment.login.ropgClientId,
    scopes,
    scopeSource: source,
    successCodes: strings(preferences["ROPGSuccessCodes"]),
    notes: secret !== undefined ? [`the login window ${SECRET_NOTE}`] : [],
    ...cloudInstanceOf(environment.cloud),
  };
}

/** The menu bar app's ROPG request, from IdPSettings in com.jamf.connect. */
function menubarTarget(environment: ResolvedEnvironment, preferences: Preferences): ProbeTarget {
  const idp = preferences["IdPSettings"];
  const settings: Preferences = isPlainObject(idp) ? (idp as Preferences) : {};
  // UNVERIFIED: no source confirms that the menu bar reads its ROPG scopes from IdPSettings.ROPGScopes.
  const { scopes, source } = scopesFrom([["IdPSettings.ROPGScopes (key name UNVERIFIED)", settings["ROPGScopes"]]]);
  return {
    name: "menubar",
    role: "ROPGID",
    checksPassword: true,
    environment: environment.name,
    authorityHost: environment.authorityHost,
    tenant: text(settings["TenantID"]) ?? environment.tenant,
    clientId: text(settings["ROPGID"]) ?? environment.menubar.ropgClientId,
    scopes,
    scopeSource: source,
    successCodes: strings(settings["SuccessCodes"]),
    notes: text(settings["ClientSecret"]) !== undefined ? [`the menu bar ${SECRET_NOTE}`] : [],
    ...cloudInstanceOf(environment.cloud),
  };
}

export type TargetChoice = "login" | "menubar" | "all";

/**
 * The ROPG requests of one environment's profiles. The environment must have rendered without
 * errors (renderAll checks that first), so the preference dictionaries are the built ones.
 */
export function environmentTargets(environment: ResolvedEnvironment, choice: TargetChoice): ProbeTarget[] {
  const targets: ProbeTarget[] = [];
  const loginPreferences = choice !== "menubar" ? renderPreferences(environment, "login").preferences : undefined;
  const login = loginPreferences !== undefined ? loginTarget(environment, loginPreferences) : undefined;
  if (login !== undefined) targets.push(login);
  if (choice !== "login") targets.push(menubarTarget(environment, renderPreferences(environment, "menubar").preferences));
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
  const clientId = text(preferences["OIDCClientID"]) ?? environment.login.clientId;
  if (clientId.toLowerCase() === login.clientId.toLowerCase()) return undefined;
  return {
    ...login,
    role: "OIDCClientID",
    checksPassword: false,
    tenant: text(preferences["OIDCTenant"]) ?? environment.tenant,
    clientId,
    scopes: [...DEFAULT_ROPG_SCOPES],
    scopeSource: "default (openid profile email)",
    successCodes: [],
    notes: [],
  };
}

export interface FlagTargetInput {
  tenant: string;
  clientId: string;
  scopes?: string;
  authorityHost: string;
}

export function flagsTarget(input: FlagTargetInput): ProbeTarget {
  const scopes = input.scopes !== undefined ? splitScopes(input.scopes) : [...DEFAULT_ROPG_SCOPES];
  const authorityHost = withoutTrailingSlash(input.authorityHost);
  return {
    name: "flags",
    role: "--client-id",
    checksPassword: true,
    environment: null,
    authorityHost,
    tenant: input.tenant,
    clientId: input.clientId,
    scopes,
    scopeSource: input.scopes !== undefined ? "--scopes" : "default (openid profile email)",
    successCodes: [],
    notes: [],
    ...cloudInstanceOf(HOST_CLOUDS[hostOf(authorityHost)]),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return "";
  }
}
