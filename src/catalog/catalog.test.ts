import { describe, expect, it } from "vitest";
import { catalogEntries, catalogKeys, lookupKey } from "./catalog.js";
import * as sources from "./sources.js";
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
    expect(Object.keys(catalogKeys("com.jamf.connect.login"))).toHaveLength(79);
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
    expect(lookupKey("com.jamf.connect.login", ["LoginWindowSize"])?.unverified).toContain("a string is assumed");
    expect(lookupKey("com.jamf.connect", ["Kerberos", "PasswordChangeWorkflow"])?.unverified).toContain("placed in Kerberos");
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

describe("sources", () => {
  const known = new Set<string>(Object.values(sources));

  it.each(DOMAINS)("%s: every key names at least one public source, each a constant of sources.ts", (domain) => {
    const problems: string[] = [];
    for (const { path, spec } of catalogEntries(domain)) {
      if (!spec.sources || spec.sources.length === 0) problems.push(`${path}: no source`);
      for (const source of spec.sources ?? []) if (!known.has(source)) problems.push(`${path}: ${source} is not in sources.ts`);
      if (new Set(spec.sources).size !== (spec.sources ?? []).length) problems.push(`${path}: a source named twice`);
    }
    expect(problems).toEqual([]);
  });

  it("holds one-line references: a URL or owner/repo@commit path", () => {
    for (const source of known) {
      expect(source).not.toMatch(/\n/);
      expect(source).toMatch(/^(https:\/\/\S+|[\w.-]+\/[\w.-]+(@[0-9a-f]{7,40})? .+)$|^a third-party /);
    }
  });

  it("is used: no source constant is left without a key", () => {
    const used = new Set(DOMAINS.flatMap((domain) => catalogEntries(domain).flatMap(({ spec }) => spec.sources ?? [])));
    expect([...known].filter((source) => !used.has(source))).toEqual([]);
  });
});

describe("facts of 2026-12 that settle or keep notes", () => {
  it("OIDCTenant is required for Entra, not unverified", () => {
    const tenant = lookupKey("com.jamf.connect.login", ["OIDCTenant"]);
    expect(tenant?.unverified).toBeUndefined();
    expect(tenant?.description).toMatch(/Required for Entra ID/);
  });

  it.each([
    ["com.jamf.connect.login", ["OIDCProvider"]],
    ["com.jamf.connect", ["IdPSettings", "Provider"]],
  ] as const)("%s %j accepts EntraID as documented, saying no source gives the first version", (domain, path) => {
    const provider = lookupKey(domain, path);
    expect(provider?.values).toContain("EntraID");
    expect(provider?.unverifiedValues).not.toHaveProperty("EntraID");
    expect(provider?.description).toContain("no source says from which version");
  });

  it("UseUserInfo means userinfo claims for PingFederate reference tokens", () => {
    const spec = lookupKey("com.jamf.connect.login", ["UseUserInfo"]);
    expect(spec?.unverified).toBeUndefined();
    expect(spec?.description).toMatch(/PingFederate.*reference tokens/);
  });

  it("OIDCNewPassword keeps the disagreement on its default", () => {
    const spec = lookupKey("com.jamf.connect.login", ["OIDCNewPassword"]);
    expect(spec?.default).toBeUndefined();
    expect(spec?.unverified).toMatch(/false in the current docs, enabled in the 2\.1\.2 docs/);
  });

  it("names the redirect URIs of Jamf Unlock and FIDO2 promotion", () => {
    expect(lookupKey("com.jamf.connect", ["Unlock", "EnableUnlock"])?.description).toContain("jamfunlock://callback/auth");
    expect(lookupKey("com.jamf.connect.login", ["OIDCRedirectURI"])?.description).toContain("jamfunlock://callback/auth");
  });

  it.each([["LoginScreen"], ["RightsTmpCache"], ["LocalHelpFile"]])("%s is sourced only by a 1.x manifest, and says so", (key) => {
    const spec = lookupKey("com.jamf.connect.login", [key]);
    expect(spec?.sources).toEqual([sources.MANIFESTS_1X]);
    expect(spec?.unverified).toMatch(/\b1\.x\b/);
  });

  it("names the source of the menu bar ROPG scopes' first version (2.13: Jamf's Conditional Access change log)", () => {
    const spec = lookupKey("com.jamf.connect", ["IdPSettings", "ROPGScopes"]);
    expect(spec?.since).toBe("2.13");
    expect(spec?.sources).toContain(sources.COMMUNITY_CA_CHANGELOG);
  });

  it("keeps the menu bar's ROPG scope key UNVERIFIED", () => {
    expect(lookupKey("com.jamf.connect", ["IdPSettings", "ROPGScopes"])?.unverified).toBeDefined();
  });

  it("adds the keys the issue lists outside privilege elevation", () => {
    expect(lookupKey("com.jamf.connect", ["SignIn", "AutoOpenAppAtLogin"])).toMatchObject({ type: "bool", default: false });
    expect(lookupKey("com.jamf.connect", ["PasswordPolicies", "ExpirationManualOverrideDays"])).toMatchObject({
      type: "int",
      providers: ["Okta"],
    });
    expect(lookupKey("com.jamf.connect.login", ["LoginWindowSize"])?.unverified).toBeDefined();
    expect(lookupKey("com.jamf.connect", ["Kerberos", "PasswordChangeWorkflow"])?.knownValues).toEqual(["Web"]);
  });

  it("every default has the key's type", () => {
    const kinds = { bool: "boolean", int: "number", string: "string" } as Record<string, string>;
    for (const domain of DOMAINS) {
      for (const { path, spec } of catalogEntries(domain)) {
        if (spec.default !== undefined) expect(typeof spec.default, path).toBe(kinds[spec.type]);
      }
    }
  });
});
