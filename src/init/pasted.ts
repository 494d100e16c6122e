/**
 * Answers as admins paste them from the Entra admin center or a browser: an authority or
 * discovery URL for the tenant, and — by mistake — a client secret's value for a client ID.
 */
import { isTenant } from "../config/schema.js";

/**
 * The tenant in `https://login.microsoftonline.com/<tenant>/v2.0/.well-known/openid-configuration`,
 * `https://login.microsoftonline.us/<tenant>/oauth2/v2.0/token` or the like: the first path
 * segment, when it is a tenant. Anything else is returned as typed, for the validator to judge.
 */
export function tenantFromPaste(text: string): string {
  const trimmed = text.trim();
  if (!/^https:\/\//i.test(trimmed)) return trimmed;
  try {
    const first = new URL(trimmed).pathname.split("/").find((segment) => segment !== "");
    return first !== undefined && isTenant(first) ? first : trimmed;
  } catch {
    return trimmed;
  }
}

/** Said instead of the value, which is never echoed back: it is a credential. */
export const CLIENT_SECRET_PASTED =
  "this looks like a client secret value; jcprofile needs the Application (client) ID — App registrations → the app → Overview (the secret is not needed: remove it from your clipboard history)";

/** The first of the usual names the config does not have yet. */
export function newEnvironmentName(existing: readonly string[]): string {
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  for (const name of ["prod", "test", "staging", "dev"]) if (!taken.has(name)) return name;
  for (let n = 2; ; n++) if (!taken.has(`prod-${n}`)) return `prod-${n}`;
}
