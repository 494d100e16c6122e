/**
 * `POST /{tenant}/oauth2/v2.0/token` with `grant_type=authorization_code`: the code from
 * authorize.ts redeemed, as msal-node's acquireTokenByCode sends it. Checks in this order (ours,
 * UNVERIFIED where Entra's own order is not documented): the request's fields, the tenant, the
 * client — a code for a redirect URI registered under the Web platform needs a client secret
 * (AADSTS7000218, the failure Jamf Connect admins hit when the URI is not under "Mobile and desktop
 * applications") — then the code itself, its redirect URI, and the PKCE verifier (RFC 7636 §4.6).
 */
import { createHash } from "node:crypto";
import { type AuthorizationState, CODE_LIFETIME_MS } from "./authorize.js";
import { EntraFailure } from "./responses.js";
import { resolveScopes } from "./scopes.js";
import { resolveTenantSegment } from "./tenants.js";
import { tokenResponse } from "./tokens.js";
import { findServicePrincipal, rolesOf, tenantName } from "./world.js";
import type { GrantContext } from "./password-grant.js";

export function runCodeGrant(
  ctx: GrantContext, authorization: AuthorizationState, tenantSegment: string, fields: URLSearchParams, origin: string | undefined,
): Record<string, unknown> {
  const value = (name: string): string | undefined => fields.get(name) || undefined;
  const clientId = value("client_id");
  if (!clientId) throw new EntraFailure(900144, { param: "client_id" });
  const codeValue = value("code");
  if (!codeValue) throw new EntraFailure(900144, { param: "code" });
  const redirectUri = value("redirect_uri");
  if (!redirectUri) throw new EntraFailure(900144, { param: "redirect_uri" });

  const ref = resolveTenantSegment(ctx.world, tenantSegment, ctx.cloud);
  if (ref.kind !== "tenant") throw new EntraFailure(50059);
  const tenant = ref.tenant;
  const client = findServicePrincipal(tenant, clientId);
  if (!client) throw new EntraFailure(700016, { clientId, tenantName: tenantName(tenant) });
  if (!client.enabled) throw new EntraFailure(7000112, { clientId: client.clientId, appName: client.displayName });
  const secret = value("client_secret") ?? value("client_assertion");
  const platform = (client.redirectUris ?? []).find((registered) => registered.uri === redirectUri)?.platform;
  if (platform === "web" && secret === undefined) throw new EntraFailure(7000218);
  // A single-page-application redirect is redeemable only from a browser (a cross-origin request
  // with an Origin header), as Microsoft's SPA documentation says; a CLI or Jamf Connect is refused.
  if (platform === "spa" && origin === undefined) throw new EntraFailure(9002327);

  const code = authorization.codes.get(codeValue);
  if (!code || code.tenant !== tenant) throw new EntraFailure(70000);
  if (code.redeemed) throw new EntraFailure(54005);
  // An expired code is refused with AADSTS70008 (Microsoft's AADSTS reference); see CODE_LIFETIME_MS.
  if (ctx.now.getTime() - code.issuedAt.getTime() > CODE_LIFETIME_MS) throw new EntraFailure(70008);
  // A code is bound to the client and redirect URI it was issued for (RFC 6749 §4.1.3).
  if (code.client !== client || code.redirectUri !== redirectUri) throw new EntraFailure(70000);
  checkVerifier(code.codeChallenge, code.codeChallengeMethod, value("code_verifier"));
  code.redeemed = true;

  const requested = value("scope")?.split(" ").filter((scope) => scope !== "") ?? code.scopes;
  const scopes = resolveScopes(tenant, [...new Set([...code.scopes, ...requested])]);
  const roles = rolesOf(client, code.user.upn);
  return tokenResponse({
    host: ctx.host, tenant, client, user: code.user, scopes, clientInfo: fields.get("client_info") === "1", now: ctx.now,
    idTokenClaims: {
      amr: code.amr,
      ...(code.nonce !== undefined && { nonce: code.nonce }),
      // Entra leaves `roles` out when the user holds none, and sends `groups` only when the app asks.
      ...(roles.length > 0 && { roles }),
      ...(client.groupClaims === true && { groups: code.user.groups ?? [] }),
    },
  });
}

/** RFC 7636 §4.6; a missing verifier for a code with a challenge is refused the same way (UNVERIFIED code). */
function checkVerifier(challenge: string | undefined, method: string | undefined, verifier: string | undefined): void {
  if (challenge === undefined) return;
  const derived = verifier === undefined ? undefined : method === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
  if (derived !== challenge) throw new EntraFailure(501481);
}
