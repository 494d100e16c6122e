/**
 * The HTTP 200 answer to a successful password grant. Tokens are unsigned JWTs (`alg: none`):
 * msal-node does not verify id_token signatures, and nothing in jcprofile should trust them.
 */
import { base64url, guidFromName } from "./responses.js";
import { grantedScopes } from "./scopes.js";
import type { ResolvedScopes } from "./scopes.js";
import type { EntraApp, EntraTenant, EntraUser } from "./world.js";

const LIFETIME_SECONDS = 3599;

function unsignedJwt(claims: Record<string, unknown>): string {
  return `${base64url(JSON.stringify({ typ: "JWT", alg: "none" }))}.${base64url(JSON.stringify(claims))}.`;
}

export function userObjectId(tenant: EntraTenant, user: EntraUser): string {
  return user.objectId ?? guidFromName(`${tenant.id}/${user.upn.toLowerCase()}`);
}

export interface IssueInput {
  host: string;
  tenant: EntraTenant;
  client: EntraApp;
  user: EntraUser;
  scopes: ResolvedScopes;
  /** The request said `client_info=1` (MSAL always does). */
  clientInfo: boolean;
  now: Date;
  /** More id-token claims: the code grant's nonce, roles, groups and amr. */
  idTokenClaims?: Record<string, unknown>;
}

export function tokenResponse({ host, tenant, client, user, scopes, clientInfo, now, idTokenClaims }: IssueInput): Record<string, unknown> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + LIFETIME_SECONDS;
  const oid = userObjectId(tenant, user);
  const name = user.displayName ?? user.upn.split("@")[0] ?? user.upn;
  const scope = grantedScopes(client, scopes);
  const accessToken = unsignedJwt({
    aud: scopes.resourceApp ? scopes.resourceAppId : "https://graph.microsoft.com",
    iss: `https://sts.windows.net/${tenant.id}/`,
    iat, nbf: iat, exp,
    appid: client.clientId, name, oid, scp: scope, tid: tenant.id, upn: user.upn, ver: "1.0",
  });
  const body: Record<string, unknown> = {
    token_type: "Bearer",
    scope,
    expires_in: LIFETIME_SECONDS,
    ext_expires_in: LIFETIME_SECONDS,
    access_token: accessToken,
  };
  if (scopes.oidc.includes("offline_access")) body["refresh_token"] = `emulator-refresh.${base64url(`${tenant.id}/${oid}/${iat}`)}`;
  if (scopes.oidc.includes("openid")) {
    body["id_token"] = unsignedJwt({
      aud: client.clientId,
      iss: `https://${host}/${tenant.id}/v2.0`,
      iat, nbf: iat, exp,
      name, oid,
      preferred_username: user.upn,
      sub: guidFromName(`${client.clientId}/${oid}`),
      tid: tenant.id,
      ver: "2.0",
      ...idTokenClaims,
    });
  }
  if (clientInfo) body["client_info"] = base64url(JSON.stringify({ uid: oid, utid: tenant.id }));
  return body;
}
