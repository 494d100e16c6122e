/**
 * The one seam between the probe and the network: two requests, each answered with what was
 * observed (never a verdict, never a thrown network error). entra-client.ts implements it over
 * net/http.ts; tests pass a fake.
 */
import type { Observation } from "./types.js";

export interface EntraAnswer {
  observation: Observation;
  /** Entra's `correlation_id` (from the error body or the `client-request-id` header); null when none came back. */
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
  /** As the profile has them (`+` already read as a separator); sent space-separated, nothing added. */
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
