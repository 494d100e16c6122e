/**
 * Shared shapes of `jcprofile probe`: what a transport observed, and what the classifier made of it.
 * The transport (entra-client.ts) never judges; `classify` never does I/O.
 */
import type { NetworkFailure } from "../net/types.js";

export type { NetworkCause } from "../net/types.js";

/** `tenant`: GET the OpenID configuration. `app`: ROPG for a user that cannot exist. `password`: one real attempt. */
export type CheckKind = "tenant" | "app" | "password";

export type Outcome =
  | "ok"
  | "success"
  | "mfa-required"
  | "mfa-registration-required"
  | "external-mfa-required"
  | "password-expired"
  | "blocked-by-conditional-access"
  | "device-state-required"
  | "invalid-credentials"
  | "user-not-found"
  | "account-locked"
  | "account-disabled"
  | "tenant-not-found"
  | "invalid-tenant"
  | "app-not-found"
  | "app-disabled"
  | "public-client-flows-disabled"
  | "invalid-client-secret"
  | "user-not-assigned"
  | "pass-through-auth-error"
  | "consent-required"
  | "invalid-scope"
  | "resource-not-found"
  | "rate-limited"
  | "network-error"
  | "timeout"
  | "unexpected-response";

/** `not-reached` means Entra stopped before judging this part: report it as "not checked", never as ok. */
export type Proof = "proven" | "failed" | "not-reached";

export interface Proofs {
  tenant: Proof;
  app: Proof;
  scope: Proof;
  password: Proof;
}

export type Verdict = "pass" | "warn" | "fail" | "inconclusive";

/** The OAuth error body Entra returns; every field is optional because proxies and old endpoints vary. */
export interface EntraErrorBody {
  error?: string;
  error_description?: string;
  error_codes?: number[];
  suberror?: string;
  trace_id?: string;
  correlation_id?: string;
  timestamp?: string;
}

/** What a transport saw; produced by the HTTP layer. */
export type Observation =
  | { type: "openid-configuration"; httpStatus: number; tenantId: string; cloudInstance?: string }
  | { type: "tokens"; httpStatus: number; grantedScopes?: string }
  | { type: "error-body"; httpStatus: number | null; body: EntraErrorBody }
  | NetworkFailure
  | { type: "unexpected"; httpStatus: number | null; detail: string /* e.g. "HTTP 502 text/html" */ };

export interface ClassifyContext {
  kind: CheckKind;
  /** The request used `api://<apiAppId>/jamfconnect` instead of the default `openid profile email`. */
  customScope: boolean;
  /** ROPGSuccessCodes (login window) or SuccessCodes (menu bar) from the profile, as written there. */
  successCodes: readonly string[];
  /**
   * `cloud_instance_name` the tenant should have (`microsoftonline.com` for the public cloud), when
   * the cloud is known; a tenant check that finds another one names the wrong cloud.
   */
  expectedCloudInstance?: string;
  /**
   * The app check of a client ID used only for the interactive sign-in (OIDCClientID): public
   * client flows are not needed there, so AADSTS7000218 only shows that the app exists.
   */
  interactiveOnly?: boolean;
}

export interface Classification {
  outcome: Outcome;
  verdict: Verdict;
  /** Would Jamf Connect take this answer as a correct password? Always false for kinds tenant and app. */
  accepted: boolean;
  /** true: Entra confirmed the password; false: Entra rejected it; null: Entra never got that far. */
  passwordVerified: boolean | null;
  proofs: Proofs;
  /** The AADSTS code the outcome was read from, if any. */
  aadsts: number | null;
  /** What Entra answered, e.g. `tenant not found (AADSTS90002)`; null when the hint says it already. */
  cause: string | null;
  /** The fix: one line for the admin; never holds a user name, a password or Entra's own description text. */
  hint: string;
  /** Conditional Access diagnosis, when the answer says something about CA policies. */
  caNote?: string;
  /** Never send another password attempt for this user in this run (lockout risk or pointless). */
  stopRetrying: boolean;
}
