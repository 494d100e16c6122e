/**
 * Redeems the authorization code with msal-node's authorization-code flow, as a public client: the
 * PKCE verifier, no secret, the nonce checked by msal. msal's requests go through the project's
 * HTTPS sender (deadline, proxy), so we keep what msal hides (the HTTP status and Entra's error
 * body) and msal never reaches the internet on its own: the authority's endpoints are given to it,
 * so the token POST is its only request. msal loads only here, when `signin` redeems.
 */
import { createRequire } from "node:module";
import type * as Msal from "@azure/msal-node";
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";
import { parseJson, tokenAnswer } from "../entra/answers.js";
import { tokenEndpoint } from "../entra/entra-client.js";
import type { EntraAnswer } from "../entra/transport.js";
import { sendHttp, type FetchLike, type HttpResult } from "../net/http.js";
import type { SignInRequest } from "./sign-in-request.js";

// msal-node's CommonJS bundle is one file and loads faster than its ESM build (probe measured it).
const requireCjs = createRequire(import.meta.url);
let loaded: typeof Msal | undefined;
const msal = (): typeof Msal => (loaded ??= requireCjs("@azure/msal-node") as typeof Msal);

export interface RedeemOptions {
  fetch: FetchLike;
  viaProxy: boolean;
  timeoutSeconds: number;
}

export type Redeemed =
  | { kind: "signed-in"; claims: Readonly<Record<string, unknown>>; grantedScopes: readonly string[] }
  /** Entra refused, or the network failed: what was observed, for the shared wording. */
  | { kind: "refused"; answer: EntraAnswer }
  /** Entra answered but msal refused the answer (e.g. `nonce_mismatch`): named by msal's code only. */
  | { kind: "rejected"; reason: string };

/** Thrown to msal by the network module; the real reason is kept in the exchange record. */
class ExchangeFailed extends Error {}

export async function redeemCode(request: SignInRequest, code: string, options: RedeemOptions): Promise<Redeemed> {
  let tokenExchange: HttpResult | undefined;
  const networkClient = networkModule(async (exchange) => {
    const result = await sendHttp(exchange, options);
    if (exchange.method === "POST") tokenExchange = result;
    return result;
  });
  const { settings } = request;
  try {
    const app = new (msal().PublicClientApplication)(configuration(settings.authorityHost, settings.tenant, settings.clientId, networkClient));
    const result = await app.acquireTokenByCode({
      code,
      redirectUri: settings.redirectUri,
      scopes: [...settings.scopes],
      codeVerifier: request.codeVerifier,
      nonce: request.nonce,
    });
    return { kind: "signed-in", claims: (result.idTokenClaims ?? {}) as Record<string, unknown>, grantedScopes: result.scopes };
  } catch (error) {
    if (tokenExchange !== undefined && !(tokenExchange.kind === "response" && tokenExchange.status === 200)) {
      return { kind: "refused", answer: tokenAnswer(tokenExchange) };
    }
    // Only msal's own errors are expected here; anything else is a bug and should show.
    const errorCode = (error as { errorCode?: unknown }).errorCode;
    if (typeof errorCode !== "string") throw error;
    return { kind: "rejected", reason: errorCode };
  }
}

type Exchange = { method: "GET" | "POST"; url: string; headers?: Record<string, string>; body?: string };

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

/** knownAuthorities + authorityMetadata: no instance discovery, no OpenID configuration fetch. */
function configuration(authorityHost: string, tenant: string, clientId: string, networkClient: INetworkModule): Msal.Configuration {
  const authority = `${authorityHost}/${encodeURIComponent(tenant)}`;
  const authorityMetadata = JSON.stringify({
    token_endpoint: tokenEndpoint(authorityHost, tenant),
    authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
    issuer: `${authority}/v2.0`,
    jwks_uri: `${authority}/discovery/v2.0/keys`,
  });
  return {
    auth: { clientId, authority, knownAuthorities: [new URL(authorityHost).host], authorityMetadata },
    system: {
      networkClient,
      // msal's log lines can carry the code or the user name; nothing of msal's is printed.
      loggerOptions: { loggerCallback: () => undefined, piiLoggingEnabled: false, logLevel: msal().LogLevel.Error },
    },
  };
}
