import { describe, expect, it } from "vitest";
import { checkRules } from "./rules.js";
import type { Problem, Domain } from "./types.js";

const LOGIN: Domain = "com.jamf.connect.login";
const MENUBAR: Domain = "com.jamf.connect";

/** What the template gives every Entra login profile; each case adds the keys it is about. */
const ENTRA_LOGIN = { OIDCProvider: "Azure", OIDCClientID: "c", OIDCROPGID: "c", OIDCNewPassword: false };
const ENTRA_MENUBAR = { IdPSettings: { Provider: "Azure", ROPGID: "c", TenantID: "t" } };

interface Case {
  readonly name: string;
  readonly domain: Domain;
  readonly prefs: Record<string, unknown>;
  readonly issues: readonly Issue[];
}

type Issue = Omit<Problem, "code">;
const error = (path: Problem["path"], message: string, fix: string): Issue => ({ path, message, fix, severity: "error" });
const warning = (path: Problem["path"], message: string, fix: string): Issue => ({ path, message, fix, severity: "warning" });

const cases: readonly Case[] = [
  { name: "the plain Entra login template", domain: LOGIN, prefs: ENTRA_LOGIN, issues: [] },
  { name: "the plain Entra menu bar template", domain: MENUBAR, prefs: ENTRA_MENUBAR, issues: [] },

  // Migrate needs DenyLocal
  { name: "Migrate with DenyLocal", domain: LOGIN, prefs: { ...ENTRA_LOGIN, Migrate: true, DenyLocal: true }, issues: [] },
  { name: "Migrate false without DenyLocal", domain: LOGIN, prefs: { ...ENTRA_LOGIN, Migrate: false }, issues: [] },
  {
    name: "Migrate without DenyLocal",
    domain: LOGIN,
    prefs: { ...ENTRA_LOGIN, Migrate: true, DenyLocal: false },
    issues: [
      error(
        ["DenyLocal"],
        "Migrate is true but DenyLocal is not",
        "set DenyLocal to true (Jamf Connect only migrates accounts when local login is denied)",
      ),
    ],
  },

  // CreateJamfConnectPassword needs OIDCNewPassword false
  { name: "CreateJamfConnectPassword with OIDCNewPassword false", domain: LOGIN, prefs: { ...ENTRA_LOGIN, CreateJamfConnectPassword: true }, issues: [] },
  {
    name: "CreateJamfConnectPassword with OIDCNewPassword true",
    domain: LOGIN,
    prefs: { ...ENTRA_LOGIN, CreateJamfConnectPassword: true, OIDCNewPassword: true },
    issues: [
      error(
        ["OIDCNewPassword"],
        "CreateJamfConnectPassword is true but OIDCNewPassword is true",
        "set OIDCNewPassword to false (Jamf Connect needs it to create the keychain item)",
      ),
    ],
  },
  {
    name: "CreateJamfConnectPassword with OIDCNewPassword absent",
    domain: LOGIN,
    prefs: { OIDCProvider: "Azure", CreateJamfConnectPassword: true },
    issues: [
      error(
        ["OIDCNewPassword"],
        "CreateJamfConnectPassword is true but OIDCNewPassword is not set",
        "set OIDCNewPassword to false (Jamf's documents disagree on its default)",
      ),
    ],
  },

  // Passthrough with Entra needs OIDCNewPassword false or absent
  { name: "passthrough with OIDCNewPassword false", domain: LOGIN, prefs: { ...ENTRA_LOGIN, OIDCUsePassthroughAuth: true }, issues: [] },
  { name: "passthrough with OIDCNewPassword absent", domain: LOGIN, prefs: { OIDCProvider: "EntraID", OIDCUsePassthroughAuth: true }, issues: [] },
  { name: "passthrough with Okta and OIDCNewPassword true", domain: LOGIN, prefs: { OIDCProvider: "Okta", OIDCUsePassthroughAuth: true, OIDCNewPassword: true }, issues: [] },
  {
    name: "passthrough with EntraID and OIDCNewPassword true",
    domain: LOGIN,
    prefs: { OIDCProvider: "EntraID", OIDCUsePassthroughAuth: true, OIDCNewPassword: true },
    issues: [
      error(
        ["OIDCNewPassword"],
        "OIDCUsePassthroughAuth is true with OIDCProvider EntraID, which needs OIDCNewPassword false or absent",
        "set OIDCNewPassword to false",
      ),
    ],
  },
  {
    // The passthrough page names OneLogin and PingFederate alongside Azure.
    name: "passthrough with OneLogin and OIDCNewPassword true",
    domain: LOGIN,
    prefs: { OIDCProvider: "OneLogin", OIDCUsePassthroughAuth: true, OIDCNewPassword: true },
    issues: [
      error(
        ["OIDCNewPassword"],
        "OIDCUsePassthroughAuth is true with OIDCProvider OneLogin, which needs OIDCNewPassword false or absent",
        "set OIDCNewPassword to false",
      ),
    ],
  },

  // LocalFallback / DenyLocalExcluded without DenyLocal
  { name: "LocalFallback with DenyLocal", domain: LOGIN, prefs: { ...ENTRA_LOGIN, DenyLocal: true, LocalFallback: true, DenyLocalExcluded: ["ladmin"] }, issues: [] },
  {
    name: "LocalFallback and DenyLocalExcluded without DenyLocal",
    domain: LOGIN,
    prefs: { ...ENTRA_LOGIN, LocalFallback: true, DenyLocalExcluded: ["ladmin"] },
    issues: [
      warning(["LocalFallback"], "LocalFallback has no effect unless DenyLocal is true", "set DenyLocal to true or remove LocalFallback"),
      warning(
        ["DenyLocalExcluded"],
        "DenyLocalExcluded has no effect unless DenyLocal is true",
        "set DenyLocal to true or remove DenyLocalExcluded",
      ),
    ],
  },

  // ROPGProvider Custom needs ROPGDiscoveryURL
  {
    name: "ROPGProvider Custom with ROPGDiscoveryURL",
    domain: LOGIN,
    prefs: { ...ENTRA_LOGIN, ROPGProvider: "Custom", ROPGDiscoveryURL: "https://adfs.example.com/adfs/.well-known/openid-configuration" },
    issues: [],
  },
  { name: "ROPGProvider Azure_v2 without ROPGDiscoveryURL", domain: LOGIN, prefs: { ...ENTRA_LOGIN, ROPGProvider: "Azure_v2" }, issues: [] },
  {
    name: "ROPGProvider Custom with a blank ROPGDiscoveryURL",
    domain: LOGIN,
    prefs: { ...ENTRA_LOGIN, ROPGProvider: "Custom", ROPGDiscoveryURL: " " },
    issues: [
      error(
        ["ROPGDiscoveryURL"],
        "ROPGProvider is Custom but ROPGDiscoveryURL is not set",
        "set ROPGDiscoveryURL to the AD FS discovery URL (https://<adfs host>/adfs/.well-known/openid-configuration)",
      ),
    ],
  },

  // Custom / PingFederate need a discovery URL
  { name: "Custom with OIDCDiscoveryURL", domain: LOGIN, prefs: { OIDCProvider: "Custom", OIDCDiscoveryURL: "https://idp/.well-known/openid-configuration" }, issues: [] },
  {
    name: "PingFederate without OIDCDiscoveryURL",
    domain: LOGIN,
    prefs: { OIDCProvider: "PingFederate" },
    issues: [
      error(
        ["OIDCDiscoveryURL"],
        "OIDCProvider is PingFederate but OIDCDiscoveryURL is not set",
        "set OIDCDiscoveryURL to the provider's .well-known/openid-configuration URL",
      ),
    ],
  },
  { name: "menu bar Custom with DiscoveryURL", domain: MENUBAR, prefs: { IdPSettings: { Provider: "Custom", DiscoveryURL: "https://idp/x" } }, issues: [] },
  {
    name: "menu bar Custom without DiscoveryURL",
    domain: MENUBAR,
    prefs: { IdPSettings: { Provider: "Custom" } },
    issues: [
      error(
        ["IdPSettings", "DiscoveryURL"],
        "IdPSettings.Provider is Custom but IdPSettings.DiscoveryURL is not set",
        "set it to the provider's .well-known/openid-configuration URL",
      ),
    ],
  },

  // OIDCAdmin needs OIDCAdminAttribute; Entra wants roles
  { name: "OIDCAdmin with roles", domain: LOGIN, prefs: { ...ENTRA_LOGIN, OIDCAdmin: ["Admin"], OIDCAdminAttribute: "roles" }, issues: [] },
  { name: "an empty OIDCAdmin", domain: LOGIN, prefs: { ...ENTRA_LOGIN, OIDCAdmin: [] }, issues: [] },
  {
    name: "OIDCAdmin without OIDCAdminAttribute",
    domain: LOGIN,
    prefs: { ...ENTRA_LOGIN, OIDCAdmin: ["Admin"] },
    issues: [
      warning(
        ["OIDCAdminAttribute"],
        "OIDCAdmin is set but OIDCAdminAttribute is not, so Jamf Connect looks for the roles in the groups claim",
        "set OIDCAdminAttribute to the claim that holds them (roles for Entra ID)",
      ),
    ],
  },
  { name: "OIDCAdminAttribute groups with Okta", domain: LOGIN, prefs: { OIDCProvider: "Okta", OIDCAdminAttribute: "groups" }, issues: [] },
  {
    name: "OIDCAdminAttribute groups with Entra",
    domain: LOGIN,
    prefs: { ...ENTRA_LOGIN, OIDCAdmin: ["Admin"], OIDCAdminAttribute: "groups" },
    issues: [
      warning(
        ["OIDCAdminAttribute"],
        'OIDCAdminAttribute is "groups" but Entra ID sends app roles in the roles claim',
        "set OIDCAdminAttribute to roles",
      ),
    ],
  },

  // Okta-only keys with an Entra provider
  { name: "Okta keys with Okta", domain: LOGIN, prefs: { OIDCProvider: "Okta", AuthServer: "example.okta.com", MFAExcluded: ["sms"] }, issues: [] },
  {
    name: "Okta keys with Entra",
    domain: LOGIN,
    prefs: { ...ENTRA_LOGIN, AuthServer: "example.okta.com", MFARename: { push: "Push" } },
    issues: [
      warning(["AuthServer"], "AuthServer is only used when OIDCProvider is Okta, OktaIdentityEngine or Okta-OIDC, but it is Azure", "remove AuthServer"),
      warning(["MFARename"], "MFARename is only used when OIDCProvider is Okta, OktaIdentityEngine or Okta-OIDC, but it is Azure", "remove MFARename"),
    ],
  },
  {
    name: "menu bar OktaAuthServer with Entra",
    domain: MENUBAR,
    prefs: { IdPSettings: { ...ENTRA_MENUBAR.IdPSettings, OktaAuthServer: "default" } },
    issues: [
      warning(
        ["IdPSettings", "OktaAuthServer"],
        "IdPSettings.OktaAuthServer is only used when IdPSettings.Provider is Okta, OktaIdentityEngine, Okta OIDC or Okta-OIDC, but it is Azure",
        "remove IdPSettings.OktaAuthServer",
      ),
    ],
  },

  {
    name: "FIDO2 promotion with Entra, one of the providers it lists",
    domain: MENUBAR,
    prefs: { ...ENTRA_MENUBAR, TemporaryUserPermissions: { TemporaryUserPromotion: true, VerifyUserPromotionFIDO2: true } },
    issues: [],
  },

  // Privilege elevation (TemporaryUserPermissions)
  {
    name: "Jamf's privilege-elevation example with Entra",
    domain: MENUBAR,
    prefs: {
      ...ENTRA_MENUBAR,
      TemporaryUserPermissions: {
        TemporaryUserPromotion: true,
        VerifyUserPromotion: true,
        UserPromotionRole: [{ Name: "IT Help Desk Staff", Duration: 8, OIDCAdminAttribute: "roles", Provider: "EntraID" }],
      },
    },
    // Its role name has spaces, which an Entra app role's value cannot have: a warning, not an error.
    issues: [
      warning(
        ["TemporaryUserPermissions", "UserPromotionRole", 0, "Name"],
        `"IT Help Desk Staff" contains a space, which an Entra app role's value never has`,
        "give the role's Value from App roles (e.g. MacElevate), not its display name",
      ),
    ],
  },
  {
    name: "privilege elevation with an Entra role value",
    domain: MENUBAR,
    prefs: { ...ENTRA_MENUBAR, TemporaryUserPermissions: { TemporaryUserPromotion: true, UserPromotionRole: [{ Name: "MacElevate", Duration: 8, OIDCAdminAttribute: "roles", Provider: "EntraID" }] } },
    issues: [],
  },
  {
    name: "privilege elevation without TemporaryUserPromotion",
    domain: MENUBAR,
    prefs: { ...ENTRA_MENUBAR, TemporaryUserPermissions: { UserPromotionDuration: 10 } },
    issues: [
      error(
        ["TemporaryUserPermissions", "TemporaryUserPromotion"],
        "TemporaryUserPermissions is set but TemporaryUserPromotion is not",
        "add TemporaryUserPromotion true (Jamf marks it required; without it Self Service+ offers no promotion)",
      ),
    ],
  },
  {
    name: "privilege elevation switched off with other keys",
    domain: MENUBAR,
    prefs: { TemporaryUserPermissions: { TemporaryUserPromotion: false, UserPromotionDuration: 10, UserPromotionTimer: true } },
    issues: [
      warning(
        ["TemporaryUserPermissions", "TemporaryUserPromotion"],
        "TemporaryUserPromotion is false, so UserPromotionDuration, UserPromotionTimer have no effect",
        "set it to true or remove TemporaryUserPermissions",
      ),
    ],
  },
  {
    name: "privilege elevation switched off alone",
    domain: MENUBAR,
    prefs: { TemporaryUserPermissions: { TemporaryUserPromotion: false } },
    issues: [],
  },
  {
    name: "VerifyUserPromotion with Google",
    domain: MENUBAR,
    prefs: { IdPSettings: { Provider: "GoogleID" }, TemporaryUserPermissions: { TemporaryUserPromotion: true, VerifyUserPromotion: true } },
    issues: [
      error(
        ["TemporaryUserPermissions", "VerifyUserPromotion"],
        "VerifyUserPromotion cannot be used when the identity provider is GoogleID",
        "remove VerifyUserPromotion",
      ),
    ],
  },
  ...(["Azure", "EntraID", "OktaIdentityEngine", "Okta OIDC", "Okta-OIDC", "PingFederate"] as const).map((provider) => ({
    name: `FIDO2 promotion with ${provider}`,
    domain: MENUBAR,
    prefs: {
      IdPSettings: { Provider: provider, DiscoveryURL: "https://idp.example.com/.well-known/openid-configuration" },
      TemporaryUserPermissions: { TemporaryUserPromotion: true, VerifyUserPromotionFIDO2: true },
    },
    issues: [],
  })),
  ...(["Okta", "GoogleID", "OneLogin", "IBMCI", "Custom"] as const).map((provider) => ({
    name: `FIDO2 promotion with ${provider}`,
    domain: MENUBAR,
    prefs: {
      IdPSettings: { Provider: provider, DiscoveryURL: "https://idp.example.com/.well-known/openid-configuration" },
      TemporaryUserPermissions: { TemporaryUserPromotion: true, VerifyUserPromotionFIDO2: true },
    },
    issues: [
      warning(
        ["TemporaryUserPermissions", "VerifyUserPromotionFIDO2"],
        `VerifyUserPromotionFIDO2 is supported only with Entra ID, Okta Identity Engine, Okta OIDC and PingFederate, but the provider is ${provider}`,
        "remove it (VerifyUserPromotion asks for the IdP password instead)",
      ),
    ],
  })),
  {
    name: "FIDO2 in a privilege-elevation profile alone: provider from its roles",
    domain: MENUBAR,
    prefs: {
      TemporaryUserPermissions: {
        TemporaryUserPromotion: true,
        VerifyUserPromotionFIDO2: true,
        UserPromotionRole: [{ Name: "Dev", Duration: 5, Provider: "Okta" }],
      },
    },
    issues: [
      warning(
        ["TemporaryUserPermissions", "VerifyUserPromotionFIDO2"],
        "VerifyUserPromotionFIDO2 is supported only with Entra ID, Okta Identity Engine, Okta OIDC and PingFederate, but the provider is Okta",
        "remove it (VerifyUserPromotion asks for the IdP password instead)",
      ),
    ],
  },
  {
    name: "roles without Name or Duration, with another provider and claim",
    domain: MENUBAR,
    prefs: {
      ...ENTRA_MENUBAR,
      TemporaryUserPermissions: {
        TemporaryUserPromotion: true,
        UserPromotionRole: [{ Name: " ", OIDCAdminAttribute: "groups", Provider: "Okta" }, { Name: "Dev", Duration: 5, OIDCAdminAttribute: "groups" }],
      },
    },
    issues: [
      error(
        ["TemporaryUserPermissions", "UserPromotionRole", 0, "Name"],
        "a role without Name matches nobody",
        "add Name, the role value exactly as the ID token carries it",
      ),
      error(["TemporaryUserPermissions", "UserPromotionRole", 0, "Duration"], "each role needs its own Duration", "add Duration in minutes"),
      warning(
        ["TemporaryUserPermissions", "UserPromotionRole", 0, "Provider"],
        "Provider is Okta but IdPSettings.Provider is Azure",
        "set Provider to the identity provider that issues the role",
      ),
      warning(
        ["TemporaryUserPermissions", "UserPromotionRole", 1, "OIDCAdminAttribute"],
        'OIDCAdminAttribute is "groups" but Entra ID sends app roles in the roles claim',
        "set it to roles",
      ),
    ],
  },
  {
    name: "role Provider EntraID with IdPSettings Azure names one provider",
    domain: MENUBAR,
    prefs: {
      ...ENTRA_MENUBAR,
      TemporaryUserPermissions: { TemporaryUserPromotion: true, UserPromotionRole: [{ Name: "Dev", Duration: 5, Provider: "EntraID" }] },
    },
    issues: [],
  },
  {
    name: "ExpirationManualOverrideDays (Okta Classic) with Entra",
    domain: MENUBAR,
    prefs: { ...ENTRA_MENUBAR, PasswordPolicies: { ExpirationManualOverrideDays: 90 } },
    issues: [
      warning(
        ["PasswordPolicies", "ExpirationManualOverrideDays"],
        "PasswordPolicies.ExpirationManualOverrideDays is only used when IdPSettings.Provider is Okta, but it is Azure",
        "remove PasswordPolicies.ExpirationManualOverrideDays",
      ),
    ],
  },

  {
    name: "SignIn.AutoMFA (Okta only) with Entra",
    domain: MENUBAR,
    prefs: { ...ENTRA_MENUBAR, SignIn: { AutoMFA: true, AutoOpenAppAtLogin: true } },
    issues: [
      warning(
        ["SignIn", "AutoMFA"],
        "SignIn.AutoMFA is only used when IdPSettings.Provider is Okta, OktaIdentityEngine, Okta OIDC or Okta-OIDC, but it is Azure",
        "remove SignIn.AutoMFA",
      ),
    ],
  },

  // Success codes are digit strings
  { name: "digit success codes", domain: LOGIN, prefs: { ...ENTRA_LOGIN, ROPGSuccessCodes: ["50076", "50079"] }, issues: [] },
  {
    name: "success codes written as AADSTS names or words",
    domain: LOGIN,
    prefs: { ...ENTRA_LOGIN, ROPGSuccessCodes: ["50076", "AADSTS50079", "mfa"] },
    issues: [
      error(["ROPGSuccessCodes", 1], 'ROPGSuccessCodes contains "AADSTS50079"', 'write "50079" (AADSTS codes are numbers as strings, e.g. "50076")'),
      error(
        ["ROPGSuccessCodes", 2],
        'ROPGSuccessCodes contains "mfa", which is not an AADSTS code',
        'AADSTS codes are numbers as strings, e.g. "50076"',
      ),
    ],
  },
  {
    name: "menu bar success code with spaces",
    domain: MENUBAR,
    prefs: { IdPSettings: { ...ENTRA_MENUBAR.IdPSettings, SuccessCodes: [" 50076"] } },
    issues: [
      error(
        ["IdPSettings", "SuccessCodes", 0],
        'IdPSettings.SuccessCodes contains " 50076"',
        'write "50076" (AADSTS codes are numbers as strings, e.g. "50076")',
      ),
    ],
  },
];

describe("checkRules", () => {
  it.each(cases)("$name", ({ domain, prefs, issues }) => {
    expect(checkRules(domain, prefs).map(({ code: _code, ...issue }) => issue)).toEqual(issues);
  });

  it("takes the provider of a privilege-elevation profile from the caller when it has no IdPSettings", () => {
    const prefs = { TemporaryUserPermissions: { TemporaryUserPromotion: true, VerifyUserPromotion: true } };
    expect(checkRules(MENUBAR, prefs)).toEqual([]);
    expect(checkRules(MENUBAR, prefs, { provider: "GoogleID" }).map((issue) => issue.code)).toEqual(["verify-promotion-google"]);
  });

  it("applies only the rules of the given domain", () => {
    const loginMistakes = { Migrate: true, OIDCProvider: "PingFederate" };
    expect(checkRules(MENUBAR, loginMistakes)).toEqual([]);
    expect(checkRules(LOGIN, { IdPSettings: { Provider: "Custom" } })).toEqual([]);
  });
});
