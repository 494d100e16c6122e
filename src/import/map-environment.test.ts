import { describe, expect, it } from "vitest";
import { customScopeString } from "../config/resolve.js";
import { mapEnvironment, scopesToFields, type ImportSource } from "./map-environment.js";
import { ownedKeys } from "./owned-keys.js";

const API = "e5a8c3f1-9b2d-4e7a-8c6f-3d1b5a9e7c20";
const custom = customScopeString(API, "jamfconnect");

describe("scopesToFields: the inverse of resolve.ts's scope fields", () => {
  it.each([
    ["no scope keys", {}, {}],
    ["the custom scope on both", { login: custom, menubar: custom }, { mode: "custom-scope", apiAppId: API }],
    ["another scope name", { login: customScopeString(API, "jc.read") }, { mode: "custom-scope", apiAppId: API, scopeName: "jc.read" }],
    ["the custom scope also in OIDCScopes", { login: custom, oidc: custom }, { mode: "custom-scope", apiAppId: API, exemptInteractiveLogin: true }],
    ["custom on login, another string on the menu bar", { login: custom, menubar: `api://${API}/jamfconnect` }, { mode: "custom-scope", apiAppId: API, menubarRopgScopes: `api://${API}/jamfconnect` }],
    ["plain scopes stay overrides", { login: "openid profile email", oidc: "openid" }, { loginRopgScopes: "openid profile email", oidcScopes: "openid" }],
    ["an api:// scope whose app is not a GUID is an override", { login: "api://contoso/jamfconnect+openid+email+profile" }, { loginRopgScopes: "api://contoso/jamfconnect+openid+email+profile" }],
  ])("%s", (_name, scopes, fields) => {
    expect(scopesToFields(scopes)).toEqual(fields);
  });
});

describe("ownedKeys: read from templates/, as rendering fills them", () => {
  it("knows every key a config field writes in each domain", () => {
    expect(Object.fromEntries(ownedKeys("login"))).toEqual({
      OIDCClientID: "login.clientId", OIDCROPGID: "login.ropgClientId", OIDCTenant: "tenant", OIDCRedirectURI: "login.redirectUri",
      OIDCAdmin: "login.adminRoles", OIDCScopes: "conditionalAccess.oidcScopes", ROPGScopes: "conditionalAccess.loginRopgScopes", LicenseFile: "license",
    });
    expect(Object.fromEntries(ownedKeys("menubar"))).toEqual({
      "IdPSettings.ROPGID": "menubar.ropgClientId", "IdPSettings.TenantID": "tenant", "IdPSettings.ROPGScopes": "conditionalAccess.menubarRopgScopes", LicenseFile: "license",
    });
  });
});

describe("mapEnvironment: what cannot be carried over", () => {
  const login = (preferences: ImportSource["preferences"]): ImportSource => ({ kind: "login", part: "login", label: "in.plist", preferences });

  it("says each problem with its fix apart and a code", () => {
    const { errors } = mapEnvironment([login({ OIDCProvider: "Azure", Stamp: new Date(0), Ratio: 1.5 })]);
    expect(errors).toEqual([
      { severity: "error", path: [], code: "not-json", message: "in.plist: Stamp: holds a date, which jcprofile.json cannot express", fix: "remove the key from the source or set it outside jcprofile" },
      { severity: "error", path: [], code: "not-json", message: "in.plist: Ratio: is the real number 1.5; jcprofile writes only whole numbers", fix: "remove the key from the source or make it an integer" },
      { severity: "error", path: [], code: "missing-field", message: "no tenant: neither OIDCTenant nor IdPSettings.TenantID is in the source", fix: "add the Directory (tenant) ID to the profile, or pass --tenant <tenant ID>" },
      { severity: "error", path: [], code: "missing-field", message: "com.jamf.connect.login: OIDCClientID is missing", fix: "jcprofile needs the login window's client ID; add it to the source" },
    ]);
  });
});
