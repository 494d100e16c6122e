/**
 * A refused sign-in in probe's words — "cause — fix" from the same AADSTS table — except where the
 * interactive sign-in means something else than the password check: 7000218 on code redemption is
 * a redirect URI registered under the Web platform, not public client flows.
 */
import { findAadstsRow } from "../entra/aadsts-table.js";
import { classify, codesOf } from "../entra/classify.js";
import type { Observation } from "../entra/types.js";
import { causeOf } from "../entra/wording.js";
import type { LoginSettings } from "./sign-in-request.js";

export interface Refusal {
  aadsts: number | null;
  cause: string;
  hint: string;
  /** Network, timeout or an answer that is not Entra's: exit 3 rather than 1. */
  inconclusive: boolean;
}

function signInOverrides(code: number, settings: LoginSettings): { cause: string; hint: string } | undefined {
  const redirect = settings.redirectUri;
  switch (code) {
    case 7000218:
      return {
        cause: "the redirect URI is registered under the Web platform (AADSTS7000218)",
        hint: `add ${redirect} under Authentication → Mobile and desktop applications (and remove it from Web): Jamf Connect redeems the code without a client secret`,
      };
    case 9002327:
      return {
        cause: "the redirect URI is registered as a single-page application (AADSTS9002327)",
        hint: `move ${redirect} to Authentication → Mobile and desktop applications: a single-page application's code can only be redeemed by a browser`,
      };
    case 50011:
      return {
        cause: "redirect URI not registered (AADSTS50011)",
        hint: `register ${redirect} (OIDCRedirectURI, exactly) under Authentication → Mobile and desktop applications of app ${settings.clientId}`,
      };
    case 53003:
      return {
        cause: "blocked by Conditional Access (AADSTS53003)",
        hint: "a Conditional Access policy blocks this user from the Jamf Connect app: find the sign-in in Entra's sign-in logs to see which policy, then exclude the app or meet its controls",
      };
    case 54005:
    case 70000:
    // AADSTS70008: "The provided authorization code or refresh token has expired due to inactivity"
    // (Microsoft's AADSTS error-code reference).
    case 70008:
      return { cause: `code not accepted (AADSTS${code})`, hint: "the code was already used or has expired (they last minutes): run jcprofile signin again and paste the new address promptly" };
    case 501481:
      return { cause: "PKCE verifier refused (AADSTS501481)", hint: "run jcprofile signin again and paste the address of that run; report a jcprofile bug if it repeats" };
    default:
      return undefined;
  }
}

export function explainCode(code: number | null, error: string, settings: LoginSettings): Refusal {
  if (code === null) {
    const hint = error === "access_denied"
      ? "the sign-in was cancelled or refused without an AADSTS code: sign in again, and check the sign-in logs if it repeats"
      : `Entra answered ${error} without an AADSTS code: sign in again, and check Entra's sign-in logs if it repeats`;
    return { aadsts: null, cause: error, hint, inconclusive: false };
  }
  const override = signInOverrides(code, settings);
  if (override !== undefined) return { aadsts: code, ...override, inconclusive: false };
  const row = findAadstsRow(code);
  if (row === undefined) {
    return { aadsts: code, cause: `AADSTS${code}`, hint: `jcprofile has no rule for this code: see https://login.microsoftonline.com/error?code=${code}`, inconclusive: false };
  }
  return { aadsts: code, cause: causeOf(row.outcome, code), hint: row.hint, inconclusive: row.outcome === "rate-limited" || row.outcome === "pass-through-auth-error" };
}

/** The redemption's answer when it was not tokens: Entra's error body, or what the network did. */
export function explainObservation(observation: Observation, settings: LoginSettings): Refusal {
  if (observation.type === "error-body") {
    return explainCode(codesOf(observation.body)[0] ?? null, observation.body.error ?? "error", settings);
  }
  const classified = classify(observation, { kind: "password", customScope: false, successCodes: [] });
  // What happened instead of an answer, in probe's words (the hint says why and what to check).
  return { aadsts: null, cause: classified.cause ?? causeOf(classified.outcome, null), hint: classified.hint, inconclusive: true };
}
