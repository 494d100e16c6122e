/**
 * The live checks the wizard runs while the admin answers, as one small interface. The real
 * implementation (probe-checks.ts) is the probe's own code — Entra client, run order, AADSTS
 * classification and hints; tests pass fakes. Results are the probe's verdict and hint.
 */
import type { Outcome, Verdict } from "../entra/types.js";

export interface CheckOutcome {
  verdict: Verdict;
  /** What Entra answered, in the probe's words (`tenant not found (AADSTS90002)`); null or absent when the hint says it. */
  cause?: string | null;
  /** The probe's fix, one line for the admin. */
  hint: string;
  /** The probe's outcome and AADSTS number, when it got that far: init offers a retype only after a wrong password. */
  outcome?: Outcome;
  aadsts?: number | null;
  /** The probe's Conditional Access diagnosis, when the answer says something about CA. */
  caNote?: string;
  /** The tenant's GUID, when Entra named it. */
  tenantId?: string;
}

export interface TenantRequest {
  authorityHost: string;
  tenant: string;
}

export interface AppRequest extends TenantRequest {
  /** The client ID to check: a ROPG one, or the login window's sign-in app. */
  clientId: string;
  scopes: readonly string[];
  /** The login window's sign-in app (OIDCClientID) only: public client flows are not needed. */
  interactiveOnly?: boolean;
}

export interface PasswordRequest extends AppRequest {
  username: string;
}

export interface WizardChecks {
  /** The OpenID configuration of the tenant: it exists, and a domain's GUID. */
  discoverTenant(request: TenantRequest): Promise<CheckOutcome>;
  /** A password grant for a user that cannot exist: tenant and app accept ROPG. No password is at stake. */
  checkApp(request: AppRequest): Promise<CheckOutcome>;
  /**
   * One real sign-in. `readPassword` is called once, just before anything is sent, and its
   * result goes straight into the request: the wizard never holds the password.
   */
  checkPassword(request: PasswordRequest, readPassword: () => Promise<string>): Promise<CheckOutcome>;
}

/** A live check as it ended: passed, or failed and continued past (a re-entered value is checked again). */
export interface CheckRecord {
  /** e.g. `tenant contoso.onmicrosoft.com`, `app <guid> (OIDCClientID)`. */
  label: string;
  verdict: Verdict;
  /** The cause and the fix, as shown. */
  line: string;
  /** The admin chose "Continue anyway", or a run without a terminal went on after an inconclusive check. */
  continued: boolean;
}
