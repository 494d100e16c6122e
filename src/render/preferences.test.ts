import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { resolveEnvironment, type ResolvedEnvironment } from "../config/resolve.js";
import type { ConfigFile, EnvironmentInput } from "../config/schema.js";
import { renderPreferences } from "./preferences.js";
import { buildProfileDictionary, renderEnvironment } from "./profile.js";
import { fillTemplate } from "./template.js";

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";

function environment(extra: EnvironmentInput = {}): ResolvedEnvironment {
  const config: ConfigFile = {
    organization: "Contoso",
    identifier: "com.contoso.jamfconnect",
    environments: { prod: { tenant: TENANT, login: { clientId: CLIENT }, ...extra } },
  };
  const { environment: resolved } = resolveEnvironment(config, "prod", { configDir: tmpdir(), licenses: new Map() });
  return resolved!;
}

describe("fillTemplate", () => {
  it("fills placeholders with typed values, drops empty ones and records owned keys", () => {
    const { preferences, owned } = fillTemplate(
      { A: "{{a}}", B: "{{b}}", C: "{{c?}}", D: { E: "{{a}}" }, F: 1 },
      { a: ["x"], b: undefined, c: "soft" },
    );
    expect(preferences).toEqual({ A: ["x"], C: "soft", D: { E: ["x"] }, F: 1 });
    expect([...owned]).toEqual([
      ["A", "a"],
      ["D.E", "a"],
    ]);
  });

  it("refuses a placeholder that names no config field", () => {
    expect(() => fillTemplate({ A: "{{nope}}" }, {})).toThrow("{{nope}}");
  });
});

describe("renderPreferences", () => {
  it("gives the login window the Entra keys and explicit OIDCNewPassword", () => {
    const { preferences, problems } = renderPreferences(environment(), "login");
    expect(problems).toEqual([]);
    expect(preferences).toEqual({
      OIDCProvider: "Azure",
      OIDCClientID: CLIENT,
      OIDCROPGID: CLIENT,
      OIDCTenant: TENANT,
      OIDCRedirectURI: "https://127.0.0.1/jamfconnect",
      OIDCNewPassword: false,
    });
  });

  it("merges settings over the template, nested dictionaries key by key", () => {
    const env = environment({ menubar: { settings: { IdPSettings: { Provider: "EntraID", SuccessCodes: ["50076"] }, Unlock: { EnableUnlock: true } } } });
    const { preferences, problems } = renderPreferences(env, "menubar");
    expect(problems).toEqual([]);
    expect(preferences).toEqual({
      IdPSettings: { Provider: "EntraID", ROPGID: CLIENT, TenantID: TENANT, SuccessCodes: ["50076"] },
      Unlock: { EnableUnlock: true },
    });
  });

  it("lets settings replace a soft default (OIDCAdminAttribute) but not an owned key", () => {
    const soft = renderPreferences(environment({ login: { clientId: CLIENT, adminRoles: ["Admin"], settings: { OIDCAdminAttribute: "groups" } } }), "login");
    expect(soft.preferences.OIDCAdminAttribute).toBe("groups");
    const owned = renderPreferences(environment({ login: { clientId: CLIENT, settings: { OIDCTenant: TENANT } } }), "login");
    expect(owned.problems.map((problem) => [problem.path.join("."), problem.message, problem.fix, problem.code])).toEqual([
      ["environments.prod.login.settings.OIDCTenant", 'is written by jcprofile from "tenant"', "set tenant instead and remove this key", "owned-key"],
    ]);
  });

  it("reports LicenseFile in settings once", () => {
    const { problems } = renderPreferences(environment({ login: { clientId: CLIENT, settings: { LicenseFile: "abc" } } }), "login");
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path.join(".")).toBe("environments.prod.login.settings.LicenseFile");
  });

  it("refuses Payload keys in settings", () => {
    const { problems } = renderPreferences(environment({ login: { clientId: CLIENT, settings: { PayloadUUID: "x" } } }), "login");
    expect(problems[0]).toMatchObject({
      message: "is a profile key, not a Jamf Connect preference",
      fix: "remove it (jcprofile writes the Payload keys)",
      code: "payload-key-in-settings",
    });
  });
});

describe("buildProfileDictionary", () => {
  it("wraps preferences MCX-style by default", () => {
    const env = environment();
    const profile = buildProfileDictionary(env, "login", [{ part: "login", domain: "com.jamf.connect.login", preferences: { A: true } }]) as any;
    expect(profile.PayloadContent[0]).toMatchObject({
      PayloadType: "com.apple.ManagedClient.preferences",
      PayloadIdentifier: "com.contoso.jamfconnect.prod.login.com.jamf.connect.login",
      PayloadVersion: 1,
      PayloadContent: { "com.jamf.connect.login": { Forced: [{ mcx_preference_settings: { A: true } }] } },
    });
  });

  it("puts preferences beside the payload keys in the domain style", () => {
    const env = environment({ profile: { payloadStyle: "domain", description: "Jamf Connect for Contoso" } });
    const profile = buildProfileDictionary(env, "menubar", [{ part: "menubar", domain: "com.jamf.connect", preferences: { IdPSettings: {} } }]) as any;
    expect(profile.PayloadDescription).toBe("Jamf Connect for Contoso");
    expect(profile.PayloadContent[0]).toMatchObject({ PayloadType: "com.jamf.connect", IdPSettings: {} });
  });

  it("gives different environments different identifiers and UUIDs", () => {
    const prod = renderEnvironment(environment()).profiles;
    const config: ConfigFile = {
      organization: "Contoso",
      identifier: "com.contoso.jamfconnect",
      environments: { test: { tenant: TENANT, login: { clientId: CLIENT } } },
    };
    const test = renderEnvironment(resolveEnvironment(config, "test", { configDir: tmpdir(), licenses: new Map() }).environment!).profiles;
    expect(prod.map((profile) => profile.identifier)).toEqual(["com.contoso.jamfconnect.prod.login", "com.contoso.jamfconnect.prod.menubar"]);
    // Both environments must render both profiles, or the comparison below would compare nothing.
    expect(test.map((profile) => profile.identifier)).toEqual(["com.contoso.jamfconnect.test.login", "com.contoso.jamfconnect.test.menubar"]);
    for (const [index, profile] of test.entries()) expect(profile.uuid).not.toBe(prod[index]!.uuid);
  });
});
