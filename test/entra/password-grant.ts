/**
 * `POST /{tenant}/oauth2/v2.0/token` with `grant_type=password`, as a pipeline of named checks in
 * Entra's order. Each check throws an EntraFailure (one AADSTS code) or lets the request through.
 *
 * Order source: /work/shared/reference/ropg-and-packages.md §2.2 — tenant first, then the client
 * (returned whatever the password), then user + password, then Conditional Access/MFA ("enforced
 * after first-factor authentication"). Placement of the scope/resource and consent checks after
 * the password is INFERRED/UNVERIFIED (65001 needs a known user; 70011 might be earlier). Where the
 * throttle and the missing-field checks sit is UNVERIFIED too.
 */
import { checkAccessPolicies } from "./access-policies.js";
import { EntraFailure } from "./responses.js";
import { checkConsent, resolveScopes, splitScopes } from "./scopes.js";
import type { ResolvedScopes } from "./scopes.js";
import { SignInState } from "./sign-in-state.js";
import { resolveTenantSegment } from "./tenants.js";
import { tokenResponse } from "./tokens.js";
import { findServicePrincipal, findTenantByDomain, findUser, isAssigned, tenantName } from "./world.js";
import type { EntraApp, EntraCloud, EntraTenant, EntraUser, EntraWorld } from "./world.js";

export interface GrantContext {
  world: EntraWorld;
  cloud: EntraCloud;
  host: string;
  now: Date;
  state: SignInState;
}

interface PasswordForm {
  clientId: string;
  username: string;
  password: string;
  scopes: string[];
  /** client_secret or client_assertion was sent. */
  secret: string | undefined;
  clientInfo: boolean;
}

export function runPasswordGrant(ctx: GrantContext, tenantSegment: string, fields: URLSearchParams): Record<string, unknown> {
  checkThrottle(ctx);
  const form = checkRequestShape(tenantSegment, fields);
  const tenant = resolveTokenTenant(ctx, tenantSegment, form.username);
  const client = checkClient(tenant, form);
  const user = findSigningUser(ctx.world, tenant, client, form.username);
  checkAccountState(ctx, tenant, user);
  checkPassword(ctx, tenant, user, form.password);
  checkPasswordExpiry(user);
  checkAssignment(client, user);
  const scopes: ResolvedScopes = resolveScopes(tenant, form.scopes);
  checkConsent(client, scopes);
  checkAccessPolicies(tenant, user, scopes, client.clientId);
  return tokenResponse({ host: ctx.host, tenant, client, user, scopes, clientInfo: form.clientInfo, now: ctx.now });
}

/** Gateway-level refusal, before the request is even read (UNVERIFIED placement). */
function checkThrottle({ world, state }: GrantContext): void {
  state.tokenRequests += 1;
  const throttle = world.throttle;
  if (!throttle || state.tokenRequests <= throttle.afterRequests) return;
  if (throttle.as === "http429") throw new EntraFailure(50196, {}, { status: 429, headers: { "retry-after": "60" } });
  throw new EntraFailure(50196);
}

function checkRequestShape(tenantSegment: string, fields: URLSearchParams): PasswordForm {
  const value = (name: string): string | undefined => fields.get(name) || undefined;
  const grantType = value("grant_type");
  if (!grantType) throw new EntraFailure(900144, { param: "grant_type" });
  if (grantType !== "password") throw new EntraFailure(70003, { grantType });
  const clientId = value("client_id");
  if (!clientId) throw new EntraFailure(900144, { param: "client_id" });
  const alias = tenantSegment.toLowerCase();
  if (alias === "common" || alias === "consumers") throw new EntraFailure(9001023);
  const username = value("username");
  if (!username) throw new EntraFailure(900144, { param: "username" });
  const password = value("password");
  if (!password) throw new EntraFailure(900144, { param: "password" });
  const scope = value("scope");
  // A v2.0 ROPG request without scope: "The request body must contain the following parameter: 'scope'"
  // (AADSTS900144; MicrosoftDocs/entra-docs#370; an empty `scope=` too, n8n-io/n8n#33881). A scope of
  // only separators is 70011 (UNVERIFIED placement).
  if (!scope) throw new EntraFailure(900144, { param: "scope" });
  if (splitScopes(scope).length === 0) throw new EntraFailure(70011);
  return {
    clientId,
    username,
    password,
    scopes: splitScopes(scope),
    secret: value("client_secret") ?? value("client_assertion"),
    clientInfo: fields.get("client_info") === "1",
  };
}

function resolveTokenTenant(ctx: GrantContext, tenantSegment: string, username: string): EntraTenant {
  const ref = resolveTenantSegment(ctx.world, tenantSegment, ctx.cloud);
  if (ref.kind === "tenant") return ref.tenant;
  // Only `organizations` is left: the tenant comes from the UPN's domain (50128 when none: UNVERIFIED).
  const domain = username.split("@")[1] ?? "";
  const home = findTenantByDomain(ctx.world, domain);
  if (!home || (home.cloud ?? "public") !== ctx.cloud) throw new EntraFailure(50128);
  return home;
}

function checkClient(tenant: EntraTenant, form: PasswordForm): EntraApp {
  const app = findServicePrincipal(tenant, form.clientId);
  if (!app) throw new EntraFailure(700016, { clientId: form.clientId, tenantName: tenantName(tenant) });
  if (!app.enabled) throw new EntraFailure(7000112, { clientId: app.clientId, appName: app.displayName });
  if (app.publicClient) {
    if (form.secret !== undefined) throw new EntraFailure(700025);
  } else if (form.secret === undefined) {
    throw new EntraFailure(7000218);
  } else if (form.secret !== app.clientSecret) {
    throw new EntraFailure(7000215, { clientId: app.clientId });
  }
  return app;
}

/**
 * Unknown UPN → 50034. A UPN that is a member of another tenant in the world → 50020 (Entra finds
 * the user's home identity provider but no guest account here); our call, per reference §2.4 where
 * work-account guests not added to the tenant got 50020 — UNVERIFIED for plain ROPC.
 */
function findSigningUser(world: EntraWorld, tenant: EntraTenant, client: EntraApp, username: string): EntraUser {
  const user = findUser(tenant, username);
  if (user) return user;
  const home = findTenantByDomain(world, username.split("@")[1] ?? "");
  if (home && home !== tenant && findUser(home, username)) {
    throw new EntraFailure(50020, {
      idp: `https://sts.windows.net/${home.id}/`,
      tenantName: tenantName(tenant),
      clientId: client.clientId,
      appName: client.displayName,
    });
  }
  throw new EntraFailure(50034, { tenant: tenant.id });
}

function checkAccountState(ctx: GrantContext, tenant: EntraTenant, user: EntraUser): void {
  const state = user.state ?? "active";
  if (state === "disabled") throw new EntraFailure(50057);
  const key = SignInState.userKey(tenant.id, user.upn);
  if (state === "locked" || ctx.state.isLockedOut(key, ctx.world.smartLockout?.threshold)) throw new EntraFailure(50053);
  // Entra cannot check a federated user's password without PHS + AllowCloudPasswordValidation (§2.4).
  if (state === "federated") throw new EntraFailure(50126);
  if (state === "noPassword") throw new EntraFailure(50056);
}

function checkPassword(ctx: GrantContext, tenant: EntraTenant, user: EntraUser, password: string): void {
  const key = SignInState.userKey(tenant.id, user.upn);
  // ROPC does not support passwords with leading/trailing whitespace (v2-oauth-ropc.md): such a
  // password never matches, even when it is the stored one.
  if (password !== password.trim() || password !== user.password) {
    ctx.state.recordWrongPassword(key, password);
    throw new EntraFailure(50126);
  }
  ctx.state.recordRightPassword(key);
}

function checkPasswordExpiry(user: EntraUser): void {
  if (user.state === "passwordExpired") {
    throw new EntraFailure(50055, {}, { passwordChangeUrl: "https://portal.microsoftonline.com/ChangePassword.aspx" });
  }
}

/**
 * "Assignment required" on the enterprise app: an unassigned user gets AADSTS50105. Microsoft's
 * reference calls them "the signed in user", so the check sits after the password; that placement
 * (and the same answer on the token endpoint as in the browser) is UNVERIFIED.
 */
export function checkAssignment(client: EntraApp, user: EntraUser): void {
  if (client.assignmentRequired === true && !isAssigned(client, user.upn)) {
    throw new EntraFailure(50105, { clientId: client.clientId, appName: client.displayName });
  }
}
