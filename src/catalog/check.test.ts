import { describe, expect, it } from "vitest";
import { checkSettings } from "./check.js";
import type { Problem, Domain } from "./types.js";

const LOGIN: Domain = "com.jamf.connect.login";
const MENUBAR: Domain = "com.jamf.connect";

type Issue = Omit<Problem, "code">;

/** Issues without their codes (codes are checked in their own test). */
function check(domain: Domain, settings: Record<string, unknown>, unknownKeys: "error" | "warn" = "error"): Issue[] {
  return checkSettings(domain, settings, { unknownKeys }).map(({ code: _code, ...issue }) => issue);
}

/** The one issue a case expects, so a second unexpected issue fails the test too. */
function only(domain: Domain, settings: Record<string, unknown>, unknownKeys: "error" | "warn" = "error"): Issue {
  const issues = check(domain, settings, unknownKeys);
  expect(issues).toHaveLength(1);
  return issues[0]!;
}

describe("checkSettings: valid settings", () => {
  it("accepts an Entra login set with every value type", () => {
    const settings = {
      OIDCProvider: "Azure",
      OIDCClientID: "0b1c2d3e-0000-4000-8000-000000000001",
      OIDCNewPassword: false,
      OIDCAdmin: ["Admin"],
      ROPGSuccessCodes: ["50076", "50079"],
      OIDCScopes: "api://x/jamfconnect+openid\tprofile\nemail\r",
      MFARename: { push: "Approve on phone" },
    };
    expect(check(LOGIN, settings)).toEqual([]);
  });

  it("accepts a menu bar set with nested dictionaries, ints and free-form dictionaries", () => {
    const settings = {
      IdPSettings: { Provider: "Okta OIDC", ROPGID: "id", TenantID: "t", SuccessCodes: ["50076"] },
      PasswordPolicies: { NetworkCheck: 15, PolicyRequirements: { minLength: 12, minMatches: -0 } },
      Keychain: { InternetItems: { "example.com": "server", nested: { list: [1, 2.5, true, "x"] } } },
      HiddenMenuItems: ["ChangePassword", "quitjamfconnect", "NotAMenuItem"],
      UserHelp: { HelpType: "URL" },
    };
    expect(check(MENUBAR, settings)).toEqual([]);
  });

  it("accepts an empty dictionary and the largest safe integer", () => {
    expect(check(MENUBAR, { PasswordPolicies: { NetworkCheck: Number.MAX_SAFE_INTEGER } })).toEqual([]);
    expect(check(LOGIN, {})).toEqual([]);
  });

  it("treats an undefined value as an absent key", () => {
    expect(check(LOGIN, { DenyLocal: undefined })).toEqual([]);
  });

  it("accepts a paired surrogate (an emoji) in a string", () => {
    expect(check(LOGIN, { LoginWindowMessage: "Welcome 👋" })).toEqual([]);
  });
});

describe("checkSettings: wrong types", () => {
  it.each([
    [LOGIN, { DenyLocal: "false" }, ["DenyLocal"], '"false" is a string, expected a boolean (write false without quotes)'],
    [LOGIN, { DenyLocal: "TRUE" }, ["DenyLocal"], '"TRUE" is a string, expected a boolean (write true without quotes)'],
    [LOGIN, { Migrate: 1 }, ["Migrate"], "1 is a number, expected a boolean (write true or false)"],
    [LOGIN, { Migrate: "yes" }, ["Migrate"], '"yes" is a string, expected a boolean (write true or false)'],
    [LOGIN, { OIDCTenant: 5 }, ["OIDCTenant"], '5 is a number, expected a string (write "5" with quotes)'],
    [LOGIN, { OIDCClientID: true }, ["OIDCClientID"], 'true is a boolean, expected a string (write "true" with quotes)'],
    [LOGIN, { OIDCClientID: ["a"] }, ["OIDCClientID"], '["a"] is an array, expected a string'],
    [LOGIN, { OIDCAdmin: "Admin" }, ["OIDCAdmin"], '"Admin" is a string, expected an array of strings (write ["Admin"])'],
    [LOGIN, { OIDCAdmin: { Admin: true } }, ["OIDCAdmin"], '{"Admin":true} is an object, expected an array of strings'],
    [LOGIN, { OIDCAdmin: ["Admin", 7] }, ["OIDCAdmin", 1], '7 is a number, expected a string (write "7" with quotes)'],
    [MENUBAR, { IdPSettings: "Azure" }, ["IdPSettings"], '"Azure" is a string, expected an object'],
    [MENUBAR, { IdPSettings: [] }, ["IdPSettings"], "[] is an array, expected an object"],
    [MENUBAR, { Keychain: { InternetItems: "x" } }, ["Keychain", "InternetItems"], '"x" is a string, expected an object'],
    [
      MENUBAR,
      { PasswordPolicies: { NetworkCheck: "15" } },
      ["PasswordPolicies", "NetworkCheck"],
      '"15" is a string, expected an integer (write 15 without quotes)',
    ],
    [
      MENUBAR,
      { PasswordPolicies: { NetworkCheck: true } },
      ["PasswordPolicies", "NetworkCheck"],
      "true is a boolean, expected an integer",
    ],
    [
      MENUBAR,
      { PasswordPolicies: { PolicyRequirements: { minLength: 1.5 } } },
      ["PasswordPolicies", "PolicyRequirements", "minLength"],
      "1.5 is not a whole number, expected an integer",
    ],
    [
      MENUBAR,
      { PasswordPolicies: { NetworkCheck: 2 ** 53 } },
      ["PasswordPolicies", "NetworkCheck"],
      "9007199254740992 is too large, expected an integer between -9007199254740991 and 9007199254740991",
    ],
    [
      MENUBAR,
      { PasswordPolicies: { NetworkCheck: -1e21 } },
      ["PasswordPolicies", "NetworkCheck"],
      "-1e+21 is too large, expected an integer between -9007199254740991 and 9007199254740991",
    ],
    [
      MENUBAR,
      { PasswordPolicies: { NetworkCheck: Number.POSITIVE_INFINITY } },
      ["PasswordPolicies", "NetworkCheck"],
      "Infinity is not a finite number, expected an integer",
    ],
  ] as const)("%s %j", (domain, settings, path, message, fix?: string) => {
    expect(only(domain, settings)).toEqual({ path, message, ...(fix !== undefined && { fix }), severity: "error" });
  });

  it("shortens long values in messages", () => {
    const issue = only(LOGIN, { DenyLocal: "x".repeat(100) });
    expect(issue.message).toBe(`"${"x".repeat(38)}… is a string, expected a boolean (write true or false)`);
  });
});

describe("checkSettings: null", () => {
  it.each([
    [LOGIN, { EnableFDE: null }, ["EnableFDE"], "key"],
    [LOGIN, { OIDCAdmin: ["Admin", null] }, ["OIDCAdmin", 1], "item"],
    [MENUBAR, { IdPSettings: { TenantID: null } }, ["IdPSettings", "TenantID"], "key"],
    [MENUBAR, { Keychain: { PasswordItems: { a: { b: null } } } }, ["Keychain", "PasswordItems", "a", "b"], "key"],
    [MENUBAR, { Keychain: { PasswordItems: { a: [null] } } }, ["Keychain", "PasswordItems", "a", 0], "item"],
  ] as const)("%s %j", (domain, settings, path, what) => {
    expect(only(domain, settings)).toEqual({
      path,
      message: "is null, which a property list cannot hold", fix: `remove the ${what} instead`,
      severity: "error",
    });
  });

  it("rejects null under an unknown key even in warn mode", () => {
    expect(check(LOGIN, { NewKey: null }, "warn")).toEqual([
      { path: ["NewKey"], message: "unknown key, passed through unchecked (fine if it is newer than jcprofile's catalogue)", severity: "warning" },
      { path: ["NewKey"], message: "is null, which a property list cannot hold", fix: "remove the key instead", severity: "error" },
    ]);
  });

  it("rejects non-finite numbers inside free-form dictionaries", () => {
    expect(only(MENUBAR, { Keychain: { InternetItems: { a: Number.NaN } } })).toEqual({
      path: ["Keychain", "InternetItems", "a"],
      message: "NaN is not a finite number, which a property list cannot hold",
      severity: "error",
    });
  });
});

describe("checkSettings: allowed values", () => {
  it.each([
    [
      LOGIN,
      { OIDCProvider: "Azur" },
      ["OIDCProvider"],
      '"Azur" is not one of Azure, EntraID, IBMCI, GoogleID, OneLogin, Okta, OktaIdentityEngine, Okta-OIDC, PingFederate, Custom',
      'did you mean "Azure"?',
    ],
    [
      LOGIN,
      { OIDCProvider: "Microsoft" },
      ["OIDCProvider"],
      '"Microsoft" is not one of Azure, EntraID, IBMCI, GoogleID, OneLogin, Okta, OktaIdentityEngine, Okta-OIDC, PingFederate, Custom',
    ],
    [LOGIN, { ROPGProvider: "azure_v2" }, ["ROPGProvider"], '"azure_v2" is not one of Custom, Azure_v2', 'did you mean "Azure_v2"?'],
    [MENUBAR, { UserHelp: { HelpType: "Web" } }, ["UserHelp", "HelpType"], '"Web" is not one of Bomgar, URL, App'],
    [
      MENUBAR,
      { IdPSettings: { Provider: "OktaOIDC" } },
      ["IdPSettings", "Provider"],
      '"OktaOIDC" is not one of Azure, EntraID, IBMCI, GoogleID, Okta, OktaIdentityEngine, Okta OIDC, Okta-OIDC, OneLogin, PingFederate, Custom',
      'did you mean "Okta OIDC"?',
    ],
  ] as const)("%s %j", (domain, settings, path, message, fix?: string) => {
    expect(only(domain, settings)).toEqual({ path, message, ...(fix !== undefined && { fix }), severity: "error" });
  });

  it.each(["Azure", "EntraID", "Okta-OIDC", "Custom"])("accepts OIDCProvider %j", (value) => {
    expect(check(LOGIN, { OIDCProvider: value })).toEqual([]);
  });

  it("does not enforce HiddenMenuItems values, whose case-sensitivity is unverified", () => {
    expect(check(MENUBAR, { HiddenMenuItems: ["About", "about", "HomeDirectory"] })).toEqual([]);
  });
});

describe("checkSettings: characters a property list cannot hold", () => {
  it.each([
    ["\u0001", "a control character (U+0001)"],
    ["a\u0000b", "a control character (U+0000)"],
    ["\u001f", "a control character (U+001F)"],
    ["\ufffe", "a noncharacter (U+FFFE)"],
    ["\uffff", "a noncharacter (U+FFFF)"],
    ["x\ud800", "an unpaired surrogate (U+D800)"],
    ["\ud800x", "an unpaired surrogate (U+D800)"],
    ["\udc00", "an unpaired surrogate (U+DC00)"],
  ])("%j", (text, what) => {
    expect(only(LOGIN, { LoginWindowMessage: text })).toEqual({
      path: ["LoginWindowMessage"],
      message: `contains ${what}, which a property list cannot hold`,
      severity: "error",
    });
  });

  it("checks array items, free-form contents and key names", () => {
    expect(
      check(MENUBAR, {
        HiddenMenuItems: ["ok", "bad\u0007"],
        Keychain: { InternetItems: { "key\u0002": "value\u0003" } },
      }),
    ).toEqual([
      { path: ["HiddenMenuItems", 1], message: "contains a control character (U+0007), which a property list cannot hold", severity: "error" },
      {
        path: ["Keychain", "InternetItems", "key\u0002"],
        message: "key name contains a control character (U+0002), which a property list cannot hold",
        severity: "error",
      },
      {
        path: ["Keychain", "InternetItems", "key\u0002"],
        message: "contains a control character (U+0003), which a property list cannot hold",
        severity: "error",
      },
    ]);
  });

  it("reports the character before checking the allowed values", () => {
    expect(only(LOGIN, { OIDCProvider: "Azure\u0000" }).message).toBe(
      "contains a control character (U+0000), which a property list cannot hold",
    );
  });
});

describe("checkSettings: data keys", () => {
  it.each([LOGIN, MENUBAR])("%s LicenseFile names the config field", (domain) => {
    expect(only(domain, { LicenseFile: "PD94bWwg" })).toEqual({
      path: ["LicenseFile"],
      message: 'is set by jcprofile from the "license" field', fix: "remove it from settings",
      severity: "error",
    });
  });
});

describe("checkSettings: unknown keys", () => {
  it.each([
    [LOGIN, { OIDCProvder: "Azure" }, ["OIDCProvder"], "unknown key", 'did you mean "OIDCProvider"?'],
    [LOGIN, { oidcprovider: "Azure" }, ["oidcprovider"], "unknown key", 'did you mean "OIDCProvider"?'],
    [LOGIN, { Frobnicate: true }, ["Frobnicate"], "unknown key (jcprofile knows no com.jamf.connect.login key like it)"],
    [MENUBAR, { IdPSettings: { Provder: "Azure" } }, ["IdPSettings", "Provder"], "unknown key", 'did you mean "Provider"?'],
    [
      MENUBAR,
      { PasswordPolicies: { PolicyRequirements: { minlen: 8 } } },
      ["PasswordPolicies", "PolicyRequirements", "minlen"],
      "unknown key (jcprofile knows no PasswordPolicies.PolicyRequirements key like it)",
    ],
    [LOGIN, { MFARename: { pus: "x" } }, ["MFARename", "pus"], "unknown key", 'did you mean "push"?'],
    [MENUBAR, { TenantID: "t" }, ["TenantID"], "unknown key here", "it belongs inside IdPSettings"],
    [MENUBAR, { IdPSettings: { SignIn: {} } }, ["IdPSettings", "SignIn"], "unknown key here", "it belongs at the top level"],
    [MENUBAR, { OIDCProvider: "Azure" }, ["OIDCProvider"], "unknown key here", "it is a com.jamf.connect.login key"],
    [LOGIN, { Realm: "EXAMPLE.COM" }, ["Realm"], "unknown key here", "it is a com.jamf.connect key (inside Kerberos)"],
    [
      MENUBAR,
      { TemporaryUserPermissions: { OIDCAdminAttribute: "roles" } },
      ["TemporaryUserPermissions", "OIDCAdminAttribute"],
      "unknown key here",
      "it belongs inside TemporaryUserPermissions.UserPromotionRole[]",
    ],
  ] as const)("%s %j", (domain, settings, path, message, fix?: string) => {
    expect(only(domain, settings)).toEqual({ path, message, ...(fix !== undefined && { fix }), severity: "error" });
  });

  it.each([
    [LOGIN, { OIDCProvder: "Azure" }, ["OIDCProvder"], "unknown key, passed through unchecked", 'did you mean "OIDCProvider"?'],
    [LOGIN, { OIDCFutureKey: 3 }, ["OIDCFutureKey"], "unknown key, passed through unchecked (fine if it is newer than jcprofile's catalogue)"],
    [MENUBAR, { IdPSettings: { Provder: "x" } }, ["IdPSettings", "Provder"], "unknown key, passed through unchecked", 'did you mean "Provider"?'],
    [MENUBAR, { Realm: "X" }, ["Realm"], "unknown key here, passed through unchecked", "it belongs inside Kerberos"],
  ] as const)("warn mode: %s %j", (domain, settings, path, message, fix?: string) => {
    expect(only(domain, settings, "warn")).toEqual({ path, message, ...(fix !== undefined && { fix }), severity: "warning" });
  });

  it("does not type-check the value of an unknown key", () => {
    expect(check(LOGIN, { NewerKey: { any: ["thing", 1, false] } }, "warn")).toHaveLength(1);
  });

  it("treats inherited property names as unknown keys, not as catalogue entries", () => {
    const settings = JSON.parse('{"__proto__": "x", "constructor": 1}') as Record<string, unknown>;
    expect(check(LOGIN, settings).map((issue) => issue.path)).toEqual([["__proto__"], ["constructor"]]);
  });

  it("reports every problem, in settings order", () => {
    const issues = check(LOGIN, { OIDCProvder: "x", DenyLocal: "true", OIDCProvider: "Azur" });
    expect(issues.map((issue) => issue.path)).toEqual([["OIDCProvder"], ["DenyLocal"], ["OIDCProvider"]]);
  });
});

describe("checkSettings: input that is not an object", () => {
  it("reports instead of throwing", () => {
    const issues = checkSettings(LOGIN, ["x"] as unknown as Record<string, unknown>, { unknownKeys: "error" });
    expect(issues).toEqual([
      { path: [], message: '["x"] is an array, expected an object of com.jamf.connect.login keys', severity: "error", code: "wrong-type" },
    ]);
  });
});

describe("checkSettings: preferences read from a profile", () => {
  const profile = (domain: Domain, settings: Record<string, unknown>): Problem[] =>
    checkSettings(domain, settings, { unknownKeys: "typos", source: "profile" });

  it("accepts data and dates where a profile holds them", () => {
    expect(profile(LOGIN, { LicenseFile: new Uint8Array([1]), Custom: { When: new Date(0) } })).toEqual([
      expect.objectContaining({ code: "unknown-key", severity: "warning" }),
    ]);
  });

  it("phrases type fixes in plist terms and names the problem with a code", () => {
    expect(profile(LOGIN, { DenyLocal: "true" })).toEqual([
      { path: ["DenyLocal"], message: '"true" is a string, expected a boolean (write <true/>)', severity: "error", code: "wrong-type" },
    ]);
  });

  it("calls a likely typo an error and a merely unknown key a warning", () => {
    const issues = profile(LOGIN, { OIDCProvder: "Azure", BrandNewKey: true });
    expect(issues.map((issue) => [issue.path[0], issue.severity])).toEqual([
      ["OIDCProvder", "error"],
      ["BrandNewKey", "warning"],
    ]);
  });

  it("warns about LicenseFile as base64 text (UNVERIFIED form)", () => {
    expect(profile(MENUBAR, { LicenseFile: "PD94bWwg" })).toEqual([expect.objectContaining({ code: "data-as-string", severity: "warning" })]);
  });
});

describe("checkSettings: arrays of dictionaries (TemporaryUserPermissions.UserPromotionRole)", () => {
  const role = { Name: "IT Help Desk Staff", Duration: 8, OIDCAdminAttribute: "roles", Provider: "EntraID" };

  it("accepts Jamf's documented privilege-elevation example", () => {
    const settings = {
      TemporaryUserPermissions: {
        TemporaryUserPromotion: true,
        UserPromotionTimer: true,
        UserPromotionDuration: 5,
        VerifyUserPromotion: true,
        UserPromotionRole: [role, { ...role, Name: "Xcode Developer Staff", Duration: 30 }],
        UserPromotionLimit: 10,
        UserPromotionReason: true,
        UserPromotionChoices: ["Install software"],
      },
    };
    expect(check(MENUBAR, settings)).toEqual([]);
  });

  it.each([
    [{ ...role, Duration: "8" }, [0, "Duration"], '"8" is a string, expected an integer (write 8 without quotes)'],
    [{ ...role, Name: 7 }, [0, "Name"], '7 is a number, expected a string (write "7" with quotes)'],
    [{ ...role, Nmae: "x" }, [0, "Nmae"], "unknown key", 'did you mean "Name"?'],
    ["IT Help Desk Staff", [0], '"IT Help Desk Staff" is a string, expected an object'],
  ] as const)("checks each item's keys: %j", (item, tail, message, fix?: string) => {
    expect(only(MENUBAR, { TemporaryUserPermissions: { UserPromotionRole: [item] } })).toEqual({
      path: ["TemporaryUserPermissions", "UserPromotionRole", ...tail],
      message,
      ...(fix !== undefined && { fix }),
      severity: "error",
    });
  });

  it("names what the array holds when it is given one dictionary", () => {
    expect(only(MENUBAR, { TemporaryUserPermissions: { UserPromotionRole: role } }).message).toMatch(
      / is an object, expected an array of objects$/,
    );
  });
});

describe("checkSettings: keys whose type no source shows", () => {
  const assumed = (path: (string | number)[], shown: string, expected: string) => ({
    path,
    message: `${shown}; jcprofile assumes ${expected}, but no source shows this key's type (UNVERIFIED), so it is passed through`, fix: "keep it if Jamf Connect Configuration writes it this way",
    severity: "warning",
  });

  it.each([
    [LOGIN, { LoginWindowSize: { Width: 1280, Height: 800 } }, assumed(["LoginWindowSize"], '{"Width":1280,"Height":800} is an object', "a string")],
    [LOGIN, { LoginWindowSize: 1280 }, assumed(["LoginWindowSize"], "1280 is a number", "a string")],
    [LOGIN, { OIDCSecondaryAccess: "Admin" }, assumed(["OIDCSecondaryAccess"], '"Admin" is a string', "an array of strings")],
    [LOGIN, { OIDCSecondaryAccess: [7] }, assumed(["OIDCSecondaryAccess", 0], "7 is a number", "a string")],
    [
      MENUBAR,
      { TemporaryUserPermissions: { UserPromotionChoices: [{ Reason: "x" }] } },
      assumed(["TemporaryUserPermissions", "UserPromotionChoices", 0], '{"Reason":"x"} is an object', "a string"),
    ],
  ] as const)("%s %j is a warning, passed through", (domain, settings, issue) => {
    expect(only(domain, settings)).toEqual(issue);
  });

  it("still refuses what no property list can hold, and a documented type", () => {
    expect(check(LOGIN, { LoginWindowSize: { Width: Number.NaN } }).map(({ path, severity }) => [path, severity])).toEqual([
      [["LoginWindowSize"], "warning"],
      [["LoginWindowSize", "Width"], "error"],
    ]);
    expect(only(MENUBAR, { TemporaryUserPermissions: { UserPromotionChoices: "Install" } })).toMatchObject({
      severity: "error",
      message: '"Install" is a string, expected an array of strings (write ["Install"])',
    });
  });
});
