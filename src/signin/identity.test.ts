import { describe, expect, it } from "vitest";
import { readIdentity } from "./identity.js";
import type { LoginSettings } from "./sign-in-request.js";

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "4f8e2a1b-7c3d-4e5f-a6b7-c8d9e0f1a2b3";

const settings = (extra: Partial<LoginSettings> = {}): LoginSettings => ({
  environment: "prod", authorityHost: "https://login.microsoftonline.com", tenant: TENANT, clientId: CLIENT,
  redirectUri: "https://127.0.0.1/jamfconnect", scopes: ["openid", "profile", "email"],
  adminValues: ["Admin"], adminAttribute: "roles", adminAttributeSet: true, createAdminUser: false, ignoreAdmin: false, ...extra,
});
const claims = (extra: Record<string, unknown> = {}) => ({
  aud: CLIENT, tid: TENANT, oid: "0d3b5f7a-1c2e-4a6b-8d9f-2e4a6c8b0d1f", preferred_username: "adele.vance@contoso.com", name: "Adele", amr: ["pwd"], ...extra,
});

describe("readIdentity: Jamf Connect's admin rule", () => {
  it.each([
    ["a role OIDCAdmin lists", settings(), { roles: ["Admin"] }, true, "roles holds Admin, which OIDCAdmin lists"],
    ["another role", settings(), { roles: ["Standard"] }, false, "roles holds Standard, none of which OIDCAdmin (Admin) lists"],
    ["a role that differs in case only", settings(), { roles: ["admin"] }, false, "differs from OIDCAdmin only in case"],
    ["no roles claim", settings(), {}, false, "the id token has no roles claim"],
    ["the default attribute (groups) against app roles", settings({ adminAttribute: "groups", adminAttributeSet: false }), { roles: ["Admin"] }, false, "OIDCAdminAttribute not set, so Jamf Connect reads groups"],
    ["OIDCAdmin not set", settings({ adminValues: [] }), { roles: ["Admin"] }, false, "OIDCAdmin is not set"],
    ["CreateAdminUser", settings({ createAdminUser: true }), {}, true, "CreateAdminUser is on"],
    ["OIDCIgnoreAdmin", settings({ ignoreAdmin: true }), { roles: ["Admin"] }, false, "OIDCIgnoreAdmin is on"],
  ])("%s", (_name, login, extra, admin, reason) => {
    const identity = readIdentity(claims(extra), login);
    expect(identity.admin).toBe(admin);
    expect(identity.adminReason).toContain(reason);
  });
});

describe("readIdentity: checks", () => {
  it("passes a good token and derives the short name from the user name", () => {
    const identity = readIdentity(claims({ roles: ["Admin"] }), settings());
    expect(identity.shortName).toBe("adele.vance");
    expect(identity.checks.map((check) => `${check.name} ${check.verdict}`)).toEqual(["id-token pass", "tenant pass", "app pass", "mfa pass", "short-name pass"]);
  });

  it("fails a token without an id token, for another app or another tenant", () => {
    expect(readIdentity({}, settings()).checks.filter((check) => check.verdict === "fail").map((check) => check.name)).toEqual(["id-token", "short-name"]);
    const other = readIdentity(claims({ aud: "11111111-2222-4333-8444-555555555555", tid: "22222222-3333-4444-8555-666666666666" }), settings());
    expect(other.checks.filter((check) => check.verdict === "fail").map((check) => check.name)).toEqual(["tenant", "app"]);
  });

  it("takes the short name from the OIDCShortName claim, and warns about a groups overage", () => {
    const identity = readIdentity(claims({ upn: "avance@contoso.com", _claim_names: { groups: "src1" } }), settings({ shortNameClaim: "upn", adminAttribute: "groups" }));
    expect(identity.shortName).toBe("avance");
    expect(identity.checks).toContainEqual(expect.objectContaining({ name: "groups", verdict: "warn" }));
  });
});
