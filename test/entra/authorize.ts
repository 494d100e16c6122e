/**
 * The browser half of the authorization-code flow: `GET /{tenant}/oauth2/v2.0/authorize` answers
 * with a sign-in form, and `POST /{tenant}/emulator-login` (the emulator's stand-in for Microsoft's
 * own login pages) either redirects to the app's redirect URI with `code` and `state`, or stops on
 * an error page, as Entra does.
 *
 * Where an error goes (sources):
 * - unknown tenant or client, or a redirect URI the app has not registered: an error page, never a
 *   redirect (RFC 6749 §4.1.2.1: the redirect URI cannot be trusted then);
 * - a user not assigned (50105) or blocked by Conditional Access (53003), a disabled account: an
 *   error page on Microsoft's side — the app never sees it (nextauthjs/next-auth#5455,
 *   AzureAD/microsoft-authentication-library-for-js#4529, MicrosoftDocs/azure-docs#7406);
 * - missing consent the user cannot give: a redirect with `error=consent_required` and AADSTS65001
 *   (UNVERIFIED: Entra may instead show its "Need admin approval" page);
 * - a wrong response_type: a redirect with `error=unsupported_response_type` (RFC 6749 §4.1.2.1).
 * MFA is modelled as completed in the browser: the code then carries `amr: ["pwd", "mfa"]`.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { EntraFailure } from "./responses.js";
import { aadsts } from "./aadsts.js";
import { resolveTenantSegment } from "./tenants.js";
import { checkAssignment } from "./password-grant.js";
import { checkConsent, resolveScopes, splitScopes } from "./scopes.js";
import { findServicePrincipal, findUser } from "./world.js";
import type { EntraApp, EntraCloud, EntraTenant, EntraUser, EntraWorld } from "./world.js";

/** What Entra remembers between the authorize request and the code redemption. */
export interface IssuedCode {
  tenant: EntraTenant;
  client: EntraApp;
  user: EntraUser;
  redirectUri: string;
  scopes: string[];
  nonce: string | undefined;
  codeChallenge: string | undefined;
  codeChallengeMethod: string | undefined;
  amr: string[];
  redeemed: boolean;
  /** When the code was issued, by the emulator's clock: it expires CODE_LIFETIME_MS later. */
  issuedAt: Date;
}

/**
 * "Authorization codes are short lived. Typically, they expire after about 10 minutes" (Microsoft,
 * "OAuth 2.0 authorization code flow", learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow;
 * a Microsoft employee on Microsoft Q&A 1127615: "Typically, they expire after 10 minutes"). The exact
 * limit is not published: UNVERIFIED beyond "about 10 minutes".
 */
export const CODE_LIFETIME_MS = 10 * 60 * 1000;

interface PendingSignIn extends Omit<IssuedCode, "user" | "amr" | "redeemed" | "issuedAt"> {
  state: string | undefined;
  loginHint: string | undefined;
}

export type BrowserAnswer =
  | { kind: "page"; status: number; html: string }
  | { kind: "redirect"; location: string };

export class AuthorizationState {
  private readonly pending = new Map<string, PendingSignIn>();
  readonly codes = new Map<string, IssuedCode>();

  /** `now` is the emulator's clock, which also dates the tokens. */
  constructor(private readonly now: () => Date = () => new Date()) {}

  reset(): void {
    this.pending.clear();
    this.codes.clear();
  }

  /** GET …/authorize: the sign-in form, or an error page. */
  authorize(world: EntraWorld, cloud: EntraCloud, segment: string, query: URLSearchParams): BrowserAnswer {
    let tenant: EntraTenant;
    let client: EntraApp;
    try {
      const ref = resolveTenantSegment(world, segment, cloud);
      if (ref.kind !== "tenant") throw new EntraFailure(50059);
      tenant = ref.tenant;
      const clientId = query.get("client_id") ?? "";
      const found = findServicePrincipal(tenant, clientId);
      if (!found) throw new EntraFailure(700016, { clientId, tenantName: tenant.displayName ?? tenant.id });
      client = found;
      const redirectUri = query.get("redirect_uri") ?? "";
      // Exact match: redirect URIs are case-sensitive (Microsoft, "Redirect URI (reply URL) restrictions",
      // learn.microsoft.com/entra/identity-platform/reply-url); that a trailing slash counts too is UNVERIFIED.
      if (!(client.redirectUris ?? []).some((registered) => registered.uri === redirectUri)) throw new EntraFailure(50011, { redirectUri, clientId });
    } catch (error) {
      if (error instanceof EntraFailure) return errorPage(error);
      throw error;
    }
    const redirectUri = query.get("redirect_uri")!;
    const state = query.get("state") ?? undefined;
    if (query.get("response_type") !== "code") {
      return redirectTo(redirectUri, { error: "unsupported_response_type", error_description: "AADSTS70005: response_type must be code.", ...(state && { state }) });
    }
    const flow = randomUUID();
    this.pending.set(flow, {
      tenant, client, redirectUri, state,
      scopes: splitScopes(query.get("scope") ?? ""),
      nonce: query.get("nonce") ?? undefined,
      codeChallenge: query.get("code_challenge") ?? undefined,
      // RFC 7636 §4.3: without a method the challenge is `plain`.
      codeChallengeMethod: query.get("code_challenge") ? (query.get("code_challenge_method") ?? "plain") : undefined,
      loginHint: query.get("login_hint") ?? undefined,
    });
    return { kind: "page", status: 200, html: signInForm(segment, flow, query.get("login_hint") ?? "") };
  }

  /** POST …/emulator-login: the user typed a name and password. */
  signIn(form: URLSearchParams): BrowserAnswer {
    const pending = this.pending.get(form.get("flow") ?? "");
    if (!pending) return errorPage(new EntraFailure(900144, { param: "flow" }));
    const { tenant, client, redirectUri, state } = pending;
    const user = findUser(tenant, form.get("login") ?? "");
    // A wrong name or password keeps the user on the form, as Microsoft's page does.
    if (!user || user.password !== form.get("passwd")) return { kind: "page", status: 200, html: signInForm("", form.get("flow")!, "", "Your account or password is incorrect.") };
    try {
      if (user.state === "disabled") throw new EntraFailure(50057);
      if (user.state === "locked") throw new EntraFailure(50053);
      checkAssignment(client, user);
      if ((tenant.conditionalAccess ?? []).some((policy) => policy.grant === "block" && appliesToClient(policy.appliesTo, client.clientId))) {
        throw new EntraFailure(53003);
      }
    } catch (error) {
      if (error instanceof EntraFailure) return errorPage(error);
      throw error;
    }
    try {
      checkConsent(client, resolveScopes(tenant, pending.scopes));
    } catch (error) {
      if (!(error instanceof EntraFailure)) throw error;
      const entry = aadsts(error.code);
      return redirectTo(redirectUri, {
        error: error.code === 65001 ? "consent_required" : entry.error,
        error_description: `AADSTS${error.code}: ${entry.describe(error.params)}`,
        ...(state && { state }),
      });
    }
    this.pending.delete(form.get("flow")!);
    const code = `emulator-code.${randomBytes(24).toString("base64url")}`;
    const mfa = user.mfa !== undefined && user.mfa !== "none";
    const caMfa = (tenant.conditionalAccess ?? []).some((policy) => policy.grant === "mfa" && appliesToClient(policy.appliesTo, client.clientId));
    const { state: _state, loginHint: _hint, ...kept } = pending;
    this.codes.set(code, { ...kept, user, amr: mfa || caMfa ? ["pwd", "mfa"] : ["pwd"], redeemed: false, issuedAt: this.now() });
    return redirectTo(redirectUri, { code, ...(state && { state }), session_state: randomUUID() });
  }
}

function appliesToClient(appliesTo: "allCloudApps" | string[], clientId: string): boolean {
  return appliesTo === "allCloudApps" || appliesTo.some((id) => id.toLowerCase() === clientId.toLowerCase());
}

function redirectTo(redirectUri: string, parameters: Record<string, string>): BrowserAnswer {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
  return { kind: "redirect", location: url.href };
}

const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** Microsoft's page shows the code and its sentence, with request and correlation IDs below. */
function errorPage(failure: EntraFailure): BrowserAnswer {
  const text = `AADSTS${failure.code}: ${aadsts(failure.code).describe(failure.params)}`;
  return {
    kind: "page",
    status: 200,
    html: `<html><body><h1>Sorry, but we're having trouble signing you in.</h1><p id="error">${escapeHtml(text)}</p>` +
      `<p>Request Id: ${randomUUID()}</p><p>Correlation Id: ${randomUUID()}</p></body></html>`,
  };
}

function signInForm(segment: string, flow: string, loginHint: string, message = ""): string {
  const action = segment === "" ? "emulator-login" : `/${segment}/emulator-login`;
  return `<html><body><form method="post" action="${escapeHtml(action)}"><input type="hidden" name="flow" value="${flow}">` +
    `<input name="login" value="${escapeHtml(loginHint)}"><input name="passwd" type="password">${message ? `<p id="error">${escapeHtml(message)}</p>` : ""}` +
    `</form></body></html>`;
}
