/**
 * URLs as an admin types them: shown without credentials, and an authority host checked to be
 * nothing but `https://host[:port]` (the tenant and endpoints are added by the clients).
 */

/**
 * The text with the credentials of a URL (`scheme://user:password@host`, or `user:password@host`
 * without a scheme, as proxies are often written) replaced by `…@`, so no message prints a
 * secret. A bare `user@host` (a UPN) is left alone.
 */
export function withoutCredentials(text: string): string {
  return text
    .replace(/^(\s*[a-z][a-z0-9+.-]*:\/\/)[^@/?#\s]*@/i, "$1…@")
    .replace(/^(\s*)[^@/?#\s:]*:[^@/?#\s]*@/, "$1…@");
}

/** Why `value` cannot be an authority host, or undefined when it can. Never repeats the value. */
export function authorityHostProblem(value: string): string | undefined {
  const url = parseUrl(value);
  if (url === undefined) return NOT_HTTPS;
  if (url.protocol !== "https:") return NOT_HTTPS;
  if (url.username !== "" || url.password !== "") return `has a user name or password in it — ${ONLY_HOST}`;
  if (url.pathname !== "/" && url.pathname !== "") return `has a path — ${ONLY_HOST} (jcprofile adds the tenant and the endpoint)`;
  if (url.search !== "" || value.includes("?")) return `has a query (?…) — ${ONLY_HOST}`;
  if (url.hash !== "" || value.includes("#")) return `has a fragment (#…) — ${ONLY_HOST}`;
  return undefined;
}

/**
 * Why `value` cannot be a Jamf Pro URL, or undefined when it may be (a path is allowed: an
 * on-premises server can live under one). Never repeats the value.
 */
export function jamfProUrlProblem(value: string): string | undefined {
  const url = parseUrl(value);
  if (url === undefined) return undefined;
  const fix = "give only the server's address, e.g. https://contoso.jamfcloud.com";
  if (url.protocol === "http:") return `is http:// — Jamf Pro's API is reached only over https://: ${fix}`;
  if (url.username !== "" || url.password !== "") {
    return `has a user name or password in it — credentials come only from environment variables (JAMF_CLIENT_ID / JAMF_CLIENT_SECRET): ${fix}, and rotate that password if this file was shared`;
  }
  if (url.search !== "" || value.includes("?")) return `has a query (?…) — ${fix}`;
  if (url.hash !== "" || value.includes("#")) return `has a fragment (#…) — ${fix}`;
  return undefined;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

const NOT_HTTPS = "is not an https URL — use e.g. https://login.microsoftonline.us";
const ONLY_HOST = "give only https:// and the host, e.g. https://login.microsoftonline.us";
