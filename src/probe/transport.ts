/**
 * The one seam between the probe and the network: two requests, each answered with what was
 * observed (never a verdict, never a thrown network error). msal-client.ts implements it on
 * msal-node; tests pass a fake.
 */
import type { Observation } from "./types.js";

export interface EntraAnswer {
  observation: Observation;
  /** The `client-request-id` Entra echoes as `correlation_id`; null when no request was sent. */
  correlationId: string | null;
  /** Entra's own request id (`trace_id`, header `x-ms-request-id`); what Microsoft support asks for. */
  traceId: string | null;
}

export interface DiscoveryRequest {
  authorityHost: string;
  tenant: string;
}

export interface PasswordGrantRequest {
  authorityHost: string;
  tenant: string;
  clientId: string;
  /** As the profile has them; the msal implementation adds `openid profile offline_access`. */
  scopes: readonly string[];
  username: string;
  /** Passed straight to the request body; never copied, logged or echoed. */
  password: string;
}

export interface EntraClient {
  /** GET `<authorityHost>/<tenant>/v2.0/.well-known/openid-configuration`. */
  discover(request: DiscoveryRequest, signal?: AbortSignal): Promise<EntraAnswer>;
  /** One ROPG POST to `<authorityHost>/<tenant>/oauth2/v2.0/token`; no retries. */
  passwordGrant(request: PasswordGrantRequest, signal?: AbortSignal): Promise<EntraAnswer>;
}
