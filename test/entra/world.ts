/**
 * The directory the Entra emulator answers for, described as plain data. Tests build one (or take
 * `contosoWorld()` and tweak it) and hand it to `startEntraEmulator`. The emulator reads the world
 * on every request, so a test may also change it between requests.
 */

export type EntraCloud = "public" | "usgov" | "china";

export type UserState = "active" | "disabled" | "locked" | "passwordExpired" | "noPassword" | "federated";

/** Per-user (legacy) MFA, which applies whatever app or resource is asked for. */
export type UserMfa = "none" | "required" | "registrationRequired" | "external" | "strongAuth";

export type ConditionalAccessGrant = "mfa" | "block" | "compliantDevice" | "domainJoinedDevice";

export interface EntraApp {
  /** Application (client) ID, a GUID. */
  clientId: string;
  displayName: string;
  /** Authentication → "Allow public client flows" (`isFallbackPublicClient`). */
  publicClient: boolean;
  /** The enterprise app (service principal) is enabled for sign-in. */
  enabled: boolean;
  /** Scope names under "Expose an API"; `["jamfconnect"]` means `api://<clientId>/jamfconnect`. */
  exposedScopes?: string[];
  /**
   * Delegated permissions with admin consent, as full scope strings: `api://<apiAppId>/jamfconnect`,
   * `email`, `User.Read`… `openid`, `profile` and `offline_access` never need consent here.
   */
  consented?: string[];
  /** Default true. False = an app registration from elsewhere with no service principal here. */
  hasServicePrincipal?: boolean;
  /** For confidential clients: the secret value that passes. Absent = any secret is wrong. */
  clientSecret?: string;
  /**
   * Enterprise app → Properties → "Assignment required?". Then only users in `assignedUsers` or
   * `appRoles` may sign in (AADSTS50105 otherwise).
   */
  assignmentRequired?: boolean;
  /** UPNs assigned to the app without a role ("Default Access"). */
  assignedUsers?: string[];
  /** App-role values per assigned UPN: what the `roles` claim of this app's id token carries. */
  appRoles?: Record<string, string[]>;
  /** Token configuration → groups claim: id tokens carry `groups` (object IDs). */
  groupClaims?: boolean;
  /** Redirect URIs and the platform each is registered under (Authentication blade). */
  redirectUris?: { uri: string; platform: "mobileDesktop" | "web" | "spa" }[];
}

export interface EntraUser {
  upn: string;
  password: string;
  displayName?: string;
  /** Object ID; derived from the UPN when absent. */
  objectId?: string;
  state?: UserState;
  mfa?: UserMfa;
  /** Object IDs of the groups the user is in: the `groups` claim, when the app emits it. */
  groups?: string[];
}

export interface ConditionalAccessPolicy {
  name: string;
  /** Policy id sent back in `claims.access_token.capolids`; derived from the name when absent. */
  id?: string;
  /** "All cloud apps", or a list of client ids / resource app ids the policy targets. */
  appliesTo: "allCloudApps" | string[];
  /** Resource app ids that are excluded (e.g. the Jamf Connect API app behind a custom scope). */
  excludeApps?: string[];
  grant: ConditionalAccessGrant;
}

export interface EntraTenant {
  /** Directory (tenant) ID, a GUID. */
  id: string;
  /** Verified domains; the first is the initial `*.onmicrosoft.com` one by convention. */
  domains: string[];
  /** Shown in some messages (700016, 50034, 500011). Defaults to the first domain's first label. */
  displayName?: string;
  cloud?: EntraCloud;
  apps: EntraApp[];
  users: EntraUser[];
  conditionalAccess?: ConditionalAccessPolicy[];
}

export interface EntraWorld {
  tenants: EntraTenant[];
  /**
   * Token requests beyond `afterRequests` are refused. `as: "loop"` (default) is what Entra sends to
   * user-facing flows such as ROPC: HTTP 400 invalid_grant AADSTS50196. `as: "http429"` is the
   * app-only form: HTTP 429 with `Retry-After: 60` (its JSON body is UNVERIFIED; ours reuses 50196).
   * Source: learn.microsoft.com/entra/msal/dotnet/advanced/client-and-server-throttling.
   */
  throttle?: { afterRequests: number; as?: "loop" | "http429" };
  /**
   * Smart lockout: after `threshold` counted wrong passwords the user answers 50053, even with the
   * right password. As documented by Microsoft, a wrong password equal to one of the user's last
   * three wrong passwords is not counted again (howto-password-smart-lockout).
   */
  smartLockout?: { threshold: number };
}

export const GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
export const GRAPH_RESOURCE = "https://graph.microsoft.com";

export function tenantName(tenant: EntraTenant): string {
  return tenant.displayName ?? tenant.domains[0]?.split(".")[0] ?? tenant.id;
}

export function findTenantByDomain(world: EntraWorld, domain: string): EntraTenant | undefined {
  const wanted = domain.toLowerCase();
  return world.tenants.find((t) => t.domains.some((d) => d.toLowerCase() === wanted));
}

export function findUser(tenant: EntraTenant, upn: string): EntraUser | undefined {
  const wanted = upn.toLowerCase();
  return tenant.users.find((u) => u.upn.toLowerCase() === wanted);
}

/** Case-insensitive UPN match, as Entra compares user names. */
export function sameUpn(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The app-role values the user holds in this app; [] when assigned without a role or not at all. */
export function rolesOf(app: EntraApp, upn: string): string[] {
  return Object.entries(app.appRoles ?? {}).find(([assigned]) => sameUpn(assigned, upn))?.[1] ?? [];
}

export function isAssigned(app: EntraApp, upn: string): boolean {
  return (app.assignedUsers ?? []).some((assigned) => sameUpn(assigned, upn)) || Object.keys(app.appRoles ?? {}).some((assigned) => sameUpn(assigned, upn));
}

/** Apps that have a service principal in the tenant, i.e. that Entra can find there. */
export function findServicePrincipal(tenant: EntraTenant, appId: string): EntraApp | undefined {
  const wanted = appId.toLowerCase();
  return tenant.apps.find((a) => a.clientId.toLowerCase() === wanted && a.hasServicePrincipal !== false);
}
