import { describe, expect, it } from "vitest";
import { catalogKeys, lookupKey } from "./catalog.js";
import { LOGIN_PROVIDERS } from "./login-keys.js";
import { MENUBAR_PROVIDERS } from "./menubar-keys.js";
import type { Domain, KeyMap, KeySpec } from "./types.js";

const DOMAINS: readonly Domain[] = ["com.jamf.connect.login", "com.jamf.connect"];

function* allSpecs(keys: KeyMap, path = ""): Generator<[string, KeySpec]> {
  for (const [name, spec] of Object.entries(keys)) {
    yield [`${path}${name}`, spec];
    if (spec.items) {
      yield [`${path}${name}[]`, spec.items];
      if (spec.items.keys) yield* allSpecs(spec.items.keys, `${path}${name}[].`);
    }
    if (spec.keys) yield* allSpecs(spec.keys, `${path}${name}.`);
  }
}

describe("lookupKey", () => {
  it.each([
    ["com.jamf.connect.login", ["OIDCProvider"], "string"],
    ["com.jamf.connect.login", ["OIDCAdmin", 0], "string"],
    ["com.jamf.connect.login", ["MFARename", "push"], "string"],
    ["com.jamf.connect", ["IdPSettings", "Provider"], "string"],
    ["com.jamf.connect", ["PasswordPolicies", "PolicyRequirements", "minLength"], "int"],
    ["com.jamf.connect", ["LicenseFile"], "data"],
  ] as const)("%s %j is %s", (domain, path, type) => {
    expect(lookupKey(domain, path)?.type).toBe(type);
  });

  it.each([
    ["com.jamf.connect.login", []],
    ["com.jamf.connect.login", ["IdPSettings"]],
    ["com.jamf.connect.login", ["OIDCProvider", "x"]],
    ["com.jamf.connect.login", ["OIDCProvider", 0]],
    ["com.jamf.connect", ["Keychain", "InternetItems", "anything"]],
    ["com.jamf.connect", ["constructor"]],
  ] as const)("%s %j is not in the catalogue", (domain, path) => {
    expect(lookupKey(domain, path)).toBeUndefined();
  });
});

describe("catalogue data", () => {
  it("has the keys of the reference", () => {
    expect(Object.keys(catalogKeys("com.jamf.connect.login"))).toHaveLength(78);
    expect(Object.keys(catalogKeys("com.jamf.connect"))).toEqual([
      "IdPSettings",
      "Appearance",
      "HiddenMenuItems",
      "CustomMenuItems",
      "Kerberos",
      "Keychain",
      "Certificate",
      "PasswordPolicies",
      "Scripting",
      "SignIn",
      "Unlock",
      "UserHelp",
      "WebBrowser",
      "LicenseFile",
      "TemporaryUserPermissions",
    ]);
  });

  it.each(DOMAINS)("%s: every spec is consistent", (domain) => {
    const problems: string[] = [];
    for (const [path, spec] of allSpecs(catalogKeys(domain))) {
      if (spec.items && spec.type !== "array") problems.push(`${path}: items on a ${spec.type}`);
      if (spec.keys && spec.type !== "dict") problems.push(`${path}: keys on a ${spec.type}`);
      if ((spec.values || spec.knownValues) && spec.type !== "string") problems.push(`${path}: values on a ${spec.type}`);
      for (const value of Object.keys(spec.unverifiedValues ?? {})) {
        if (!spec.values?.includes(value)) problems.push(`${path}: unverified value ${value} is not allowed`);
      }
      if (spec.since !== undefined && !/^\d+\.\d+(\.\d+)?$/.test(spec.since)) problems.push(`${path}: since ${spec.since}`);
      if (spec.unverified === "") problems.push(`${path}: empty unverified note`);
      const providers: readonly string[] = domain === "com.jamf.connect" ? MENUBAR_PROVIDERS : LOGIN_PROVIDERS;
      for (const provider of spec.providers ?? []) {
        if (!providers.includes(provider)) problems.push(`${path}: unknown provider ${provider}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("records the unverified items the reference names", () => {
    expect(lookupKey("com.jamf.connect.login", ["OIDCProvider"])?.unverifiedValues).toHaveProperty("EntraID");
    expect(lookupKey("com.jamf.connect.login", ["OIDCSecondaryAccess"])?.unverified).toBeDefined();
    expect(lookupKey("com.jamf.connect", ["IdPSettings", "ROPGScopes"])?.unverified).toBe(
      "key name for the menu bar ROPG scopes is not confirmed by any source",
    );
    expect(lookupKey("com.jamf.connect", ["IdPSettings", "OIDCClientID"])?.unverified).toBeDefined();
    expect(lookupKey("com.jamf.connect", ["HiddenMenuItems"])?.unverified).toContain("case-sensitivity");
  });
});

describe("TemporaryUserPermissions (privilege elevation)", () => {
  const at = (...path: (string | number)[]): KeySpec | undefined =>
    lookupKey("com.jamf.connect", ["TemporaryUserPermissions", ...path]);

  it.each([
    ["TemporaryUserPromotion", "bool"],
    ["UserPromotionTimer", "bool"],
    ["UserPromotionDuration", "int"],
    ["VerifyUserPromotion", "bool"],
    ["VerifyUserPromotionFIDO2", "bool"],
    ["UserPromotionLimit", "int"],
    ["UserPromotionReason", "bool"],
    ["UserPromotionChoices", "array"],
    ["UserPromotionBiometrics", "bool"],
    ["URLCommandLineElevation", "bool"],
    ["UserPromotionRole", "array"],
  ] as const)("%s is %s", (key, type) => {
    expect(at(key)?.type).toBe(type);
  });

  it.each([
    ["Name", "string"],
    ["Duration", "int"],
    ["OIDCAdminAttribute", "string"],
    ["Provider", "string"],
  ] as const)("UserPromotionRole items hold %s (%s)", (key, type) => {
    expect(at("UserPromotionRole", 0, key)?.type).toBe(type);
  });

  it("names the FIDO2 redirect URI where it matters", () => {
    expect(at("VerifyUserPromotionFIDO2")?.description).toContain("jamfconnect://loggedin");
  });
});
