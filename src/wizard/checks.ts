/**
 * The live checks the wizard runs while the admin answers, as one small interface. The real
 * implementation (probe-checks.ts) is the probe's own code — msal transport, run order, AADSTS
 * classification and hints; tests pass fakes. Results are the probe's verdict and hint.
 */
import type { Verdict } from "../probe/types.js";

export interface CheckOutcome {
  verdict: Verdict;
  /** The probe's one line for the admin. */
  hint: string;
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
  /** The ROPG client ID: the app the password check talks to. */
  clientId: string;
  scopes: readonly string[];
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
