import { describe, expect, it } from "vitest";
import { environmentFromAnswers } from "./environment.js";
import type { Answers } from "./question-types.js";

const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const API = "e5a8c3f1-9b2d-4e7a-8c6f-3d1b5a9e7c20";
const answers: Answers = {
  env: "prod", cloud: "public",
  tenant: "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f",
  clientId: CLIENT,
  ropgClientId: CLIENT,
  redirectUri: "https://127.0.0.1/jamfconnect",
  caChoice: "per-user-mfa",
  apiAppId: "",
  scopeName: "jamfconnect",
  adminRoles: [],
  newPassword: false,
  passthrough: true,
  createJamfConnectPassword: true,
  denyLocal: true,
  migrate: true,
  elevation: false,
  license: "",
  organization: "Contoso",
  identifier: "com.contoso.jc",
  payloadStyle: "mcx",
  jamfProUrl: "",
};
const SETTINGS = { OIDCNewPassword: false, OIDCUsePassthroughAuth: true, CreateJamfConnectPassword: true, DenyLocal: true, Migrate: true };

describe("environmentFromAnswers", () => {
  it("writes a new environment without the values it would get anyway", () => {
    expect(environmentFromAnswers({ existing: undefined, inherited: {}, answers, license: undefined })).toEqual({
      tenant: answers.tenant,
      login: { clientId: CLIENT, settings: SETTINGS },
    });
  });

  it("writes what differs from the defaults, in the README's field order", () => {
    const env = environmentFromAnswers({
      existing: undefined,
      inherited: {},
      answers: { ...answers, ropgClientId: API, redirectUri: "https://127.0.0.1/jc", caChoice: "custom-scope", apiAppId: API, scopeName: "jc", adminRoles: ["Admin"], payloadStyle: "domain" },
      license: "contoso.jamfconnectlicense",
      authorityHost: "https://login.microsoftonline.us",
    });
    expect(Object.keys(env)).toEqual(["tenant", "authorityHost", "login", "conditionalAccess", "license", "profile"]);
    expect(env).toMatchObject({
      login: { clientId: CLIENT, ropgClientId: API, redirectUri: "https://127.0.0.1/jc", adminRoles: ["Admin"] },
      conditionalAccess: { mode: "custom-scope", apiAppId: API, scopeName: "jc" },
      profile: { payloadStyle: "domain" },
    });
  });

  it("leaves out what `defaults` already gives, and writes what overrides it", () => {
    const inherited = { license: "c.jamfconnectlicense", login: { adminRoles: ["Admin"], settings: { ...SETTINGS } } };
    expect(environmentFromAnswers({ existing: undefined, inherited, answers: { ...answers, adminRoles: ["Admin"] }, license: "c.jamfconnectlicense" })).toEqual({
      tenant: answers.tenant,
      login: { clientId: CLIENT },
    });
    expect(environmentFromAnswers({ existing: undefined, inherited, answers: { ...answers, migrate: false }, license: undefined })).toEqual({
      tenant: answers.tenant,
      login: { clientId: CLIENT, adminRoles: [], settings: { Migrate: false } },
    });
  });

  it("keeps the fields it does not own, in their order, and drops what the new answers make meaningless", () => {
    const existing = {
      profile: { loginDisplayName: "Login" },
      tenant: "old.example.com",
      conditionalAccess: { mode: "custom-scope", apiAppId: API, exemptInteractiveLogin: true },
      login: { settings: { LoginWindowMessage: "Hi", OIDCUsePassthroughAuth: true }, clientId: CLIENT },
    };
    const env = environmentFromAnswers({ existing, inherited: {}, answers: { ...answers, newPassword: true }, license: undefined });
    expect(env).toEqual({
      profile: { loginDisplayName: "Login" },
      tenant: answers.tenant,
      login: {
        settings: { LoginWindowMessage: "Hi", OIDCUsePassthroughAuth: false, OIDCNewPassword: true, CreateJamfConnectPassword: false, DenyLocal: true, Migrate: true },
        clientId: CLIENT,
      },
    });
    expect(existing.conditionalAccess.apiAppId).toBe(API); // the input is not edited
  });

  it("writes Migrate false when local login is allowed: Jamf Connect migrates only with DenyLocal", () => {
    const env = environmentFromAnswers({ existing: undefined, inherited: {}, answers: { ...answers, denyLocal: false, migrate: true }, license: undefined });
    expect(env["login"]).toMatchObject({ settings: { DenyLocal: false, Migrate: false } });
  });

  it("writes the Jamf Pro URL as jamfPro.url, keeping the other jamfPro fields, and drops jamfPro when the URL is emptied", () => {
    const url = "https://contoso.jamfcloud.com";
    expect(environmentFromAnswers({ existing: undefined, inherited: {}, answers: { ...answers, jamfProUrl: url }, license: undefined })).toMatchObject({ jamfPro: { url } });
    const existing = { tenant: answers.tenant, jamfPro: { url: "https://old.jamfcloud.com", category: "Jamf Connect" } };
    const kept = environmentFromAnswers({ existing, inherited: {}, answers: { ...answers, jamfProUrl: url }, license: undefined });
    expect(kept["jamfPro"]).toEqual({ url, category: "Jamf Connect" });
    expect(environmentFromAnswers({ existing, inherited: {}, answers, license: undefined })).not.toHaveProperty("jamfPro");
    const inherited = { jamfPro: { url } };
    expect(environmentFromAnswers({ existing: undefined, inherited, answers: { ...answers, jamfProUrl: url }, license: undefined })).not.toHaveProperty("jamfPro");
  });

  it("privilege elevation: on writes TemporaryUserPermissions with one Entra role, keeping keys it does not ask about; off removes it", () => {
    const existing = { menubar: { settings: { SignIn: { AutoAuthenticate: true }, TemporaryUserPermissions: { UserPromotionReason: true, UserPromotionDuration: 5 } } } };
    const on = environmentFromAnswers({ existing, inherited: {}, answers: { ...answers, elevation: true, elevationRole: "MacElevate", elevationMinutes: "30" }, license: undefined });
    expect((on["menubar"] as any).settings).toEqual({
      SignIn: { AutoAuthenticate: true },
      TemporaryUserPermissions: {
        UserPromotionReason: true,
        TemporaryUserPromotion: true,
        UserPromotionDuration: 30,
        UserPromotionRole: [{ Name: "MacElevate", Duration: 30, OIDCAdminAttribute: "roles", Provider: "EntraID" }],
      },
    });
    const everyone = environmentFromAnswers({ existing: undefined, inherited: {}, answers: { ...answers, elevation: true, elevationRole: "", elevationMinutes: "5" }, license: undefined });
    expect((everyone["menubar"] as any).settings.TemporaryUserPermissions).toEqual({ TemporaryUserPromotion: true, UserPromotionDuration: 5 });
    const off = environmentFromAnswers({ existing, inherited: {}, answers, license: undefined });
    expect(off["menubar"]).toEqual({ settings: { SignIn: { AutoAuthenticate: true } } });
    expect(environmentFromAnswers({ existing: undefined, inherited: {}, answers, license: undefined })).not.toHaveProperty("menubar");
  });
});
