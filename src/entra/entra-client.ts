/**
 * EntraClient over the project's HTTPS sender (net/http.ts: deadline, proxy, size cap), with the
 * requests Jamf Connect itself makes:
 * - the tenant check GETs the OpenID configuration;
 * - the password grant is a plain form POST of `grant_type=password`, `client_id`, `username`,
 *   `password` and `scope` (the profile's scopes, space-separated) — nothing else.
 *
 * Not msal-node: its `acquireTokenByUsernamePassword` is deprecated ("use a more secure flow") and
 * adds `openid profile offline_access` plus `client_info`, telemetry and a `client-request-id` to
 * every request, so Entra would not judge the scopes Jamf Connect sends (reference facts §3.2). No
 * `client-request-id` is sent either: Entra makes up its own correlation ID and returns it in the
 * error body, which is what the report shows.
 */
import { discoveryAnswer, tokenAnswer } from "./answers.js";
import { sendHttp, type FetchLike } from "../net/http.js";
import type { DiscoveryRequest, EntraAnswer, EntraClient, PasswordGrantRequest } from "./transport.js";

export interface EntraClientOptions {
  fetch: FetchLike;
  /** HTTPS_PROXY is in use: connection failures are then the proxy's. */
  viaProxy: boolean;
  /** Per request. */
  timeoutSeconds: number;
}

/** The form body of Jamf Connect's ROPG request: exactly its fields, nothing added (tests read what the emulator received). */
function passwordGrantBody(request: Pick<PasswordGrantRequest, "clientId" | "scopes" | "username" | "password">): string {
  return new URLSearchParams({
    grant_type: "password",
    client_id: request.clientId,
    username: request.username,
    password: request.password,
    scope: request.scopes.join(" "),
  }).toString();
}

export function tokenEndpoint(authorityHost: string, tenant: string): string {
  return `${authorityHost}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;
}

export function createEntraClient(options: EntraClientOptions): EntraClient {
  const http = (signal: AbortSignal | undefined) => ({
    fetch: options.fetch,
    viaProxy: options.viaProxy,
    timeoutSeconds: options.timeoutSeconds,
    ...(signal !== undefined && { signal }),
  });

  return {
    async discover({ authorityHost, tenant }: DiscoveryRequest, signal?: AbortSignal): Promise<EntraAnswer> {
      const url = `${authorityHost}/${encodeURIComponent(tenant)}/v2.0/.well-known/openid-configuration`;
      return discoveryAnswer(await sendHttp({ method: "GET", url }, http(signal)));
    },

    async passwordGrant(request: PasswordGrantRequest, signal?: AbortSignal): Promise<EntraAnswer> {
      const result = await sendHttp(
        {
          method: "POST",
          url: tokenEndpoint(request.authorityHost, request.tenant),
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: passwordGrantBody(request),
        },
        http(signal),
      );
      return tokenAnswer(result, null);
    },
  };
}
