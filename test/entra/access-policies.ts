/**
 * The last gate: Conditional Access and per-user MFA, evaluated after the first factor passed.
 *
 * A policy applies when it targets "All cloud apps", the client id or the resource app id, unless
 * the resource app is excluded. With only OIDC scopes the resource is Microsoft Graph, which is why
 * an "All cloud apps" policy catches Jamf's default `openid profile email` check while a request
 * for `api://<excluded API app>/jamfconnect` is exempt (reference §1.3).
 *
 * Between several gates we answer block (53003) first, then MFA (per-user kinds, then a CA MFA
 * grant), then device state (53000/53001): this precedence is our call, UNVERIFIED.
 */
import { EntraFailure, guidFromName } from "./responses.js";
import type { ResolvedScopes } from "./scopes.js";
import type { ConditionalAccessPolicy, EntraTenant, EntraUser } from "./world.js";

const PER_USER_MFA = { required: 50076, registrationRequired: 50079, external: 50158, strongAuth: 50074 } as const;

function applies(policy: ConditionalAccessPolicy, clientId: string, resourceAppId: string): boolean {
  const same = (id: string) => (other: string) => other.toLowerCase() === id.toLowerCase();
  if ((policy.excludeApps ?? []).some(same(resourceAppId))) return false;
  return policy.appliesTo === "allCloudApps" || policy.appliesTo.some(same(clientId)) || policy.appliesTo.some(same(resourceAppId));
}

/** The CA claims challenge Entra attaches to a policy-driven MFA demand (shape per reference §2.1). */
function claimsChallenge(policies: ConditionalAccessPolicy[]): string {
  const ids = policies.map((p) => p.id ?? guidFromName(`ca-policy/${p.name}`));
  return JSON.stringify({ access_token: { capolids: { essential: true, values: ids } } });
}

export function checkAccessPolicies(tenant: EntraTenant, user: EntraUser, scopes: ResolvedScopes, clientId: string): void {
  const active = (tenant.conditionalAccess ?? []).filter((p) => applies(p, clientId, scopes.resourceAppId));
  const resource = { resource: scopes.resourceAppId };

  if (active.some((p) => p.grant === "block")) throw new EntraFailure(53003);

  const mfa = user.mfa ?? "none";
  // Per-user MFA is not Conditional Access: app exclusions do not help against it.
  if (mfa !== "none") throw new EntraFailure(PER_USER_MFA[mfa], resource);
  const mfaPolicies = active.filter((p) => p.grant === "mfa");
  // Per-user 50076 carries no claims; a CA-driven one does (UNVERIFIED distinction).
  if (mfaPolicies.length > 0) throw new EntraFailure(50076, resource, { claims: claimsChallenge(mfaPolicies) });

  if (active.some((p) => p.grant === "compliantDevice")) throw new EntraFailure(53000);
  if (active.some((p) => p.grant === "domainJoinedDevice")) throw new EntraFailure(53001);
}
