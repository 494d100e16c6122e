/**
 * The login window's sign-in as Jamf Connect starts it: an authorization-code request to the app
 * in OIDCClientID, read from the login window payload `build` writes (so a typo in `settings` is
 * tried as the Mac will send it), with PKCE (S256), `state`, `nonce` and `prompt=login`.
 * PKCE with Entra is an inference from Jamf's own app definitions (reference facts §4).
 */
import { createHash, randomBytes } from "node:crypto";
import type { ResolvedEnvironment } from "../config/resolve.js";
import type { RenderedPayload } from "../render/profile.js";
import { DEFAULT_ROPG_SCOPES } from "../entra/scopes.js";
import { LOGIN_KEYS, renderedPreferences, scopesAt, signInApp, stringsAt, textAt } from "../entra/profile-values.js";

/** Jamf Connect's default OIDCRedirectURI (jamf-connect-keys.md). */
export const DEFAULT_REDIRECT_URI = "https://127.0.0.1/jamfconnect";
/** Jamf's default OIDCAdminAttribute; for Entra the docs say to set `roles`. */
const DEFAULT_ADMIN_ATTRIBUTE = "groups";

/** What the login window would do with the sign-in, read from its preferences. */
export interface LoginSettings {
  environment: string;
  authorityHost: string;
  tenant: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  /** OIDCAdmin: values that make the user an admin. */
  adminValues: string[];
  /** OIDCAdminAttribute, and whether the profile sets it. */
  adminAttribute: string;
  adminAttributeSet: boolean;
  /** OIDCShortName: the claim the short name comes from, when set. */
  shortNameClaim?: string;
  createAdminUser: boolean;
  ignoreAdmin: boolean;
}

export interface SignInRequest {
  settings: LoginSettings;
  authorizeUrl: string;
  /** Kept in memory for the redemption; never printed. */
  codeVerifier: string;
  state: string;
  nonce: string;
}

/** From the environment's rendered payloads (loadAndRender's), not rendered again. */
export function loginSettings(environment: ResolvedEnvironment, payloads: readonly RenderedPayload[]): LoginSettings {
  const preferences = renderedPreferences(payloads, "login");
  const adminAttribute = textAt(preferences, ["OIDCAdminAttribute"]);
  const shortNameClaim = textAt(preferences, ["OIDCShortName"]);
  return {
    environment: environment.name,
    ...signInApp(environment, preferences),
    redirectUri: textAt(preferences, ["OIDCRedirectURI"]) ?? DEFAULT_REDIRECT_URI,
    scopes: scopesAt(preferences, LOGIN_KEYS.signInScopes) ?? [...DEFAULT_ROPG_SCOPES],
    adminValues: stringsAt(preferences, ["OIDCAdmin"]),
    adminAttribute: adminAttribute ?? DEFAULT_ADMIN_ATTRIBUTE,
    adminAttributeSet: adminAttribute !== undefined,
    ...(shortNameClaim !== undefined && { shortNameClaim }),
    createAdminUser: preferences["CreateAdminUser"] === true,
    ignoreAdmin: preferences["OIDCIgnoreAdmin"] === true,
  };
}

export interface RequestOptions {
  loginHint?: string;
  /** Random bytes; a test may pin them. */
  random?: (size: number) => Buffer;
}

export function signInRequest(settings: LoginSettings, options: RequestOptions = {}): SignInRequest {
  const random = options.random ?? randomBytes;
  // RFC 7636 §4.1: 32 random bytes give a 43-character verifier.
  const codeVerifier = random(32).toString("base64url");
  const state = random(16).toString("base64url");
  const nonce = random(16).toString("base64url");
  const url = new URL(`${settings.authorityHost}/${encodeURIComponent(settings.tenant)}/oauth2/v2.0/authorize`);
  const parameters: Record<string, string> = {
    client_id: settings.clientId,
    response_type: "code",
    redirect_uri: settings.redirectUri,
    response_mode: "query",
    scope: settings.scopes.join(" "),
    state,
    nonce,
    code_challenge: createHash("sha256").update(codeVerifier).digest("base64url"),
    code_challenge_method: "S256",
    prompt: "login",
    ...(options.loginHint !== undefined && { login_hint: options.loginHint }),
  };
  for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
  return { settings, authorizeUrl: url.href, codeVerifier, state, nonce };
}
