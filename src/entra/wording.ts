/**
 * The words a check result is shown in, shared by `jcprofile probe` and `jcprofile init`: first
 * what Entra answered (the cause, with its AADSTS number), then the fix. Pure.
 */
import type { Outcome, Verdict } from "./types.js";

/** What Entra's answer means, in a few words; the fix is the hint. */
const CAUSES: Readonly<Record<Outcome, string>> = {
  ok: "ok",
  success: "tokens issued",
  "mfa-required": "MFA required",
  "mfa-registration-required": "MFA registration required",
  "external-mfa-required": "external security challenge required",
  "password-expired": "password expired",
  "blocked-by-conditional-access": "blocked by Conditional Access",
  "device-state-required": "Conditional Access requires a managed device",
  "invalid-credentials": "wrong user name or password",
  "user-not-found": "user not found in this tenant",
  "account-locked": "account locked",
  "account-disabled": "account disabled",
  "tenant-not-found": "tenant not found",
  "invalid-tenant": "not a valid tenant",
  "app-not-found": "app not found in this tenant",
  "app-disabled": "app disabled in this tenant",
  "public-client-flows-disabled": "public client flows are off",
  "invalid-client-secret": "client secret rejected",
  "user-not-assigned": "user not assigned to the app",
  "pass-through-auth-error": "pass-through authentication failed on-premises",
  "consent-required": "admin consent missing",
  "invalid-scope": "scope not valid",
  "resource-not-found": "API app of the scope not found in this tenant",
  "rate-limited": "rate-limited",
  "network-error": "no answer (network)",
  timeout: "no answer in time",
  "unexpected-response": "unexpected answer",
};

/** Codes that say more than their outcome's words. */
const CODE_CAUSES: Readonly<Record<number, string>> = {
  53000: "Conditional Access requires a compliant device",
  53001: "Conditional Access requires a hybrid-joined device",
  50056: "the user has no cloud password",
  50020: "user is not a member of this tenant",
  50128: "the user's domain belongs to no tenant",
  50097: "device authentication required",
  50131: "Conditional Access refused the request",
  53004: "MFA registration blocked while the account is at risk",
  530035: "blocked by security defaults",
  50144: "Active Directory password expired",
  50135: "password change required (account at risk)",
  50132: "session ended by a password change",
  50133: "session ended by a password change",
  50194: "single-tenant app on the common endpoint",
  700025: "client secret sent to a public client",
};

/** `tenant not found (AADSTS90002)`; without a code just the words. */
export function causeOf(outcome: Outcome, aadsts: number | null): string {
  const words = (aadsts !== null ? CODE_CAUSES[aadsts] : undefined) ?? CAUSES[outcome];
  return aadsts !== null ? `${words} (AADSTS${aadsts})` : words;
}

export interface Explainable {
  verdict: Verdict | "skipped";
  /** Null when the hint already says what happened (a pass, a network failure, a skipped check). */
  cause: string | null;
  hint: string;
}

/** One line: the cause, then the fix. A pass needs no cause. */
export function explain(check: Explainable): string {
  if (check.verdict === "pass" || check.cause === null) return check.hint;
  return `${check.cause} — ${check.hint}`;
}
