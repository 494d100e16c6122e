/**
 * Scope strings as Jamf Connect keeps them in a profile. Jamf's guides write
 * `api://<id>/jamfconnect+openid+email+profile`: the `+` is a separator there (a form-encoded
 * space), so the probe splits on `+` and on whitespace and sends the scopes space-separated,
 * as the token endpoint expects. How Jamf itself serialises the value is UNVERIFIED.
 */

/** What Jamf Connect asks for when no ROPG scope key is set. */
export const DEFAULT_ROPG_SCOPES: readonly string[] = ["openid", "profile", "email"];

/** Scopes every OIDC request may carry; anything else names an API (the custom-scope variant). */
const OIDC_SCOPES: ReadonlySet<string> = new Set(["openid", "profile", "email", "offline_access"]);

export function splitScopes(value: string): string[] {
  return value.split(/[+\s]+/).filter((scope) => scope !== "");
}

/** True when the request names an API scope such as `api://<apiAppId>/jamfconnect`. */
export function hasCustomScope(scopes: readonly string[]): boolean {
  return scopes.some((scope) => !OIDC_SCOPES.has(scope.toLowerCase()));
}

/** Same request to Entra whatever the order of the scopes; case is kept, as a typo in case may matter. */
export function scopeKey(scopes: readonly string[]): string {
  return [...new Set(scopes)].sort().join(" ");
}
