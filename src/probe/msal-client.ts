/**
 * EntraClient on @azure/msal-node. msal builds the ROPG request; our network module sends it, so
 * we keep what msal hides (the HTTP status, the raw OAuth error body, a gateway's HTML page), apply
 * the timeout and the proxy, and never let msal reach the internet on its own.
 *
 * Two msal behaviours to know:
 * - `acquireTokenByUsernamePassword` is deprecated ("use a more secure flow"); it is still the only
 *   msal call that sends a password grant, and it stays behind the EntraClient interface so a plain
 *   fetch POST can replace it.
 * - msal always adds `openid profile offline_access` to the scopes, so Entra sees e.g.
 *   `openid profile email offline_access` where Jamf Connect sends `openid profile email`.
 *   Whether the extra `offline_access` can change a consent answer is UNVERIFIED.
 */
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import type * as Msal from "@azure/msal-node";
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";
import { discoveryAnswer, parseJson, tokenAnswer } from "./answers.js";
import { sendHttp, type FetchLike, type HttpResult } from "../net/http.js";
import type { DiscoveryRequest, EntraAnswer, EntraClient, PasswordGrantRequest } from "./transport.js";

export interface MsalClientOptions {
  fetch: FetchLike;
  /** HTTPS_PROXY is in use: connection failures are then the proxy's. */
  viaProxy: boolean;
  /** Per request. */
  timeoutSeconds: number;
}

// msal-node's CommonJS bundle is one file and loads in about half the time of its ESM build
// (51 + 73 modules); `probe` must stay within 2x of a bare request, so take the bundle.
const requireCjs = createRequire(import.meta.url);
let loaded: typeof Msal | undefined;
function msal(): typeof Msal {
  return (loaded ??= requireCjs("@azure/msal-node") as typeof Msal);
}

/** Thrown to msal by the network module; the real reason is kept in the exchange record. */
class ExchangeFailed extends Error {}

export function createMsalClient(options: MsalClientOptions): EntraClient {
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
      const correlationId = randomUUID();
      let tokenExchange: HttpResult | undefined;
      const networkClient = networkModule(async (exchange) => {
        const result = await sendHttp(exchange, http(signal));
        if (exchange.method === "POST") tokenExchange = result;
        return result;
      });
      let msalError: unknown;
      try {
        const app = new (msal().PublicClientApplication)(msalConfiguration(request, networkClient));
        await app.acquireTokenByUsernamePassword({
          scopes: [...request.scopes],
          username: request.username,
          password: request.password,
          correlationId,
        });
      } catch (error) {
        msalError = error;
      }
      if (tokenExchange !== undefined) return tokenAnswer(tokenExchange, correlationId);
      // msal stopped before sending anything: a client-side error, named by its code only (its
      // message could quote the request). Anything that is not an msal error is a bug: let it show.
      const code = (msalError as { errorCode?: unknown } | undefined)?.errorCode;
      if (typeof code !== "string") throw msalError;
      const detail = `msal-node did not send the request (${code})`;
      return { observation: { type: "unexpected", httpStatus: null, detail }, correlationId, traceId: null };
    },
  };
}

type Exchange = { method: "GET" | "POST"; url: string; headers?: Record<string, string>; body?: string };

/** msal's INetworkModule over our sender: JSON answers go to msal, everything else stops it. */
function networkModule(send: (exchange: Exchange) => Promise<HttpResult>): INetworkModule {
  async function exchange<T>(method: "GET" | "POST", url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const result = await send({
      method,
      url,
      ...(options?.headers !== undefined && { headers: options.headers }),
      ...(options?.body !== undefined && { body: options.body }),
    });
    if (result.kind === "failed") throw new ExchangeFailed(result.observation.type);
    const body = parseJson(result.text);
    if (body === undefined) throw new ExchangeFailed("not JSON");
    return { status: result.status, headers: result.headers, body: body as T };
  }
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => exchange<T>("GET", url, options),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => exchange<T>("POST", url, options),
  };
}

/**
 * The authority's host goes in `knownAuthorities` and its endpoints in `authorityMetadata`, so msal
 * neither runs instance discovery against login.microsoftonline.com nor fetches the OpenID
 * configuration: the POST below is the only request it makes.
 */
function msalConfiguration(request: PasswordGrantRequest, networkClient: INetworkModule): Msal.Configuration {
  const authority = `${request.authorityHost}/${encodeURIComponent(request.tenant)}`;
  const authorityMetadata = JSON.stringify({
    token_endpoint: `${authority}/oauth2/v2.0/token`,
    authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
    issuer: `${authority}/v2.0`,
    jwks_uri: `${authority}/discovery/v2.0/keys`,
  });
  return {
    auth: {
      clientId: request.clientId,
      authority,
      knownAuthorities: [new URL(request.authorityHost).host],
      authorityMetadata,
    },
    system: {
      networkClient,
      // msal's log lines can carry the user name; the probe reports from what it observed instead.
      loggerOptions: { loggerCallback: () => undefined, piiLoggingEnabled: false, logLevel: msal().LogLevel.Error },
    },
  };
}
