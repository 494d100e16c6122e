/**
 * What Jamf Connect would make of a sign-in, from the id token's claims and the login window's
 * settings: who signed in, the local short name, and whether the account becomes an admin. Pure.
 *
 * Admin rule (Jamf's docs): the claim named by OIDCAdminAttribute (default `groups`; Entra app roles
 * come as `roles`) must hold a value listed in OIDCAdmin, exactly as the token carries it.
 * CreateAdminUser makes every new account an admin; OIDCIgnoreAdmin leaves the status alone.
 */
import { GUID_PATTERN } from "../config/schema.js";
import type { LoginSettings } from "./sign-in-request.js";

export type CheckVerdict = "pass" | "warn" | "fail";

export interface SignInCheck {
  name: "id-token" | "tenant" | "app" | "mfa" | "admin-claim" | "groups" | "short-name";
  verdict: CheckVerdict;
  detail: string;
}

export interface Identity {
  tenantId: string | null;
  username: string | null;
  name: string | null;
  objectId: string | null;
  roles: string[];
  groups: string[];
  amr: string[];
  admin: boolean;
  adminReason: string;
  shortName: string | null;
  checks: SignInCheck[];
}

const stringClaim = (claims: Readonly<Record<string, unknown>>, name: string): string | null =>
  typeof claims[name] === "string" && claims[name] !== "" ? claims[name] : null;

/** A claim as a list of strings: an array of strings, or one string. */
function listClaim(claims: Readonly<Record<string, unknown>>, name: string): string[] | null {
  const value = claims[name];
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return null;
}

/** Entra replaces a large `groups` claim with a pointer to Graph (the "groups overage"). */
function hasGroupsOverage(claims: Readonly<Record<string, unknown>>): boolean {
  const names = claims["_claim_names"];
  return (typeof names === "object" && names !== null && "groups" in names) || claims["hasgroups"] === true;
}

export function readIdentity(claims: Readonly<Record<string, unknown>>, settings: LoginSettings): Identity {
  const checks: SignInCheck[] = [];
  const username = stringClaim(claims, "preferred_username") ?? stringClaim(claims, "upn");
  const objectId = stringClaim(claims, "oid");
  const tenantId = stringClaim(claims, "tid");
  const amr = listClaim(claims, "amr") ?? [];
  const roles = listClaim(claims, "roles") ?? [];
  const groups = listClaim(claims, "groups") ?? [];

  if (objectId === null) {
    checks.push({ name: "id-token", verdict: "fail", detail: `no id token came back: OIDCScopes (${settings.scopes.join(" ")}) must include openid` });
  } else {
    checks.push({ name: "id-token", verdict: "pass", detail: "an id token came back with the user's object ID" });
  }
  const expectedTenant = GUID_PATTERN.test(settings.tenant) ? settings.tenant.toLowerCase() : null;
  if (tenantId !== null && expectedTenant !== null && tenantId.toLowerCase() !== expectedTenant) {
    checks.push({ name: "tenant", verdict: "fail", detail: `the token is from tenant ${tenantId}, not OIDCTenant ${settings.tenant}` });
  } else if (tenantId !== null) {
    checks.push({ name: "tenant", verdict: "pass", detail: `signed in to tenant ${tenantId}` });
  }
  const audience = stringClaim(claims, "aud");
  if (audience !== null && audience.toLowerCase() !== settings.clientId.toLowerCase()) {
    checks.push({ name: "app", verdict: "fail", detail: `the id token is for app ${audience}, not OIDCClientID ${settings.clientId}` });
  } else if (audience !== null) {
    checks.push({ name: "app", verdict: "pass", detail: `the id token is for OIDCClientID ${settings.clientId}` });
  }
  checks.push({
    name: "mfa",
    verdict: "pass",
    detail: amr.includes("mfa") ? `MFA was used (amr: ${amr.join(", ")})` : `no MFA in this sign-in (amr: ${amr.length > 0 ? amr.join(", ") : "none"})`,
  });
  if (settings.adminAttribute === "groups" && groups.length === 0 && hasGroupsOverage(claims)) {
    checks.push({ name: "groups", verdict: "warn", detail: "the user is in too many groups for the token (groups overage): the groups claim is missing, use app roles (OIDCAdminAttribute roles)" });
  }

  const admin = adminVerdict(claims, settings);
  if (admin.claimMissing) checks.push({ name: "admin-claim", verdict: "warn", detail: admin.reason });

  const shortName = deriveShortName(claims, settings);
  checks.push({ name: "short-name", verdict: shortName.value !== null ? "pass" : "fail", detail: shortName.reason });
  return {
    tenantId, username, name: stringClaim(claims, "name"), objectId, roles, groups, amr,
    admin: admin.admin, adminReason: admin.reason, shortName: shortName.value, checks,
  };
}

function adminVerdict(claims: Readonly<Record<string, unknown>>, settings: LoginSettings): { admin: boolean; reason: string; claimMissing: boolean } {
  const attribute = settings.adminAttribute;
  const from = settings.adminAttributeSet ? `OIDCAdminAttribute ${attribute}` : `OIDCAdminAttribute not set, so Jamf Connect reads ${attribute}`;
  if (settings.ignoreAdmin) return { admin: false, reason: "OIDCIgnoreAdmin is on: Jamf Connect leaves the account's admin status as it is", claimMissing: false };
  if (settings.createAdminUser) return { admin: true, reason: "CreateAdminUser is on: every new account is created as an admin", claimMissing: false };
  if (settings.adminValues.length === 0) return { admin: false, reason: "OIDCAdmin is not set: no claim makes anyone an admin", claimMissing: false };
  const wanted = settings.adminValues.join(", ");
  const values = listClaim(claims, attribute);
  if (values === null || values.length === 0) {
    const fix = attribute === "roles"
      ? "assign the user an app role whose value is in OIDCAdmin (Enterprise applications → Users and groups)"
      : "for Entra app roles set OIDCAdminAttribute to roles (login.adminRoles does)";
    return { admin: false, reason: `the id token has no ${attribute} claim (${from}; OIDCAdmin ${wanted}): ${fix}`, claimMissing: true };
  }
  const match = values.find((value) => settings.adminValues.includes(value));
  if (match !== undefined) return { admin: true, reason: `${attribute} holds ${match}, which OIDCAdmin lists`, claimMissing: false };
  const close = values.find((value) => settings.adminValues.some((admin) => admin.toLowerCase() === value.toLowerCase()));
  const hint = close !== undefined ? `; ${close} differs from OIDCAdmin only in case, and Jamf Connect compares exactly` : "";
  return { admin: false, reason: `${attribute} holds ${values.join(", ")}, none of which OIDCAdmin (${wanted}) lists${hint}`, claimMissing: false };
}

/**
 * The claim named by OIDCShortName, else the user name; the part before `@`. That Jamf Connect uses
 * the user-name prefix when OIDCShortName is not set is UNVERIFIED: Jamf documents it as an alias.
 */
function deriveShortName(claims: Readonly<Record<string, unknown>>, settings: LoginSettings): { value: string | null; reason: string } {
  const claim = settings.shortNameClaim ?? (stringClaim(claims, "preferred_username") !== null ? "preferred_username" : "upn");
  const raw = stringClaim(claims, claim);
  if (raw === null) return { value: null, reason: `the id token has no ${claim} claim for the short name (OIDCShortName): Jamf Connect cannot name the account` };
  const value = raw.split("@")[0] ?? raw;
  const source = settings.shortNameClaim !== undefined ? `OIDCShortName ${claim}` : `${claim} (OIDCShortName not set; the user-name prefix is UNVERIFIED as Jamf Connect's default)`;
  return { value, reason: `short name ${value}, from ${source}` };
}
