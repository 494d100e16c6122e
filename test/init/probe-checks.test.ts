/**
 * The wizard's live checks are the probe's: msal transport, run order and classification, here
 * against the local Entra emulator in-process (its CA trusted through the probe tests' fetch).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { WizardChecks } from "../../src/init/checks.js";
import { createProbeChecks } from "../../src/init/probe-checks.js";
import { CONTOSO, type EntraEmulator } from "../entra/emulator.js";
import { useContosoEmulator } from "../entra/use-emulator.js";
import { emulatorFetch } from "../probe/emulator-fetch.js";

const DEFAULT_SCOPES = ["openid", "profile", "email"];
let emu: EntraEmulator;
let checks: WizardChecks;
useContosoEmulator((started) => (emu = started));
beforeAll(async () => {
  checks = await createProbeChecks({ env: {}, fetch: emulatorFetch, timeoutSeconds: 5 });
});

const app = (clientId: string, tenant: string = CONTOSO.domain) => ({ authorityHost: emu.url, tenant, clientId, scopes: DEFAULT_SCOPES });

describe("the wizard's checks on the probe", () => {
  it("discover a domain's tenant ID, and say when a tenant does not exist", async () => {
    expect(await checks.discoverTenant({ authorityHost: emu.url, tenant: CONTOSO.domain })).toMatchObject({
      verdict: "pass",
      tenantId: CONTOSO.tenantId,
    });
    const missing = await checks.discoverTenant({ authorityHost: emu.url, tenant: "nobody.onmicrosoft.com" });
    expect(missing.verdict).toBe("fail");
    expect(missing.tenantId).toBeUndefined();
  });

  it("pass the app check for the public client, with a user name that cannot exist and no real password", async () => {
    const outcome = await checks.checkApp(app(CONTOSO.oidcClientId));
    expect(outcome.verdict).toBe("pass");
    expect(outcome.hint).toContain("tenant and client ID are right");
    const sent = emu.requests.filter((request) => request.method === "POST");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.username).toMatch(/^jcprofile-probe-[0-9a-f]+@contoso\.onmicrosoft\.com$/);
  });

  it("fail the app check with the probe's hint for a disabled app or one without public client flows", async () => {
    for (const clientId of [CONTOSO.disabledClientId, CONTOSO.apiAppId]) {
      const outcome = await checks.checkApp(app(clientId));
      expect(outcome.verdict).toBe("fail");
      expect(outcome.hint).not.toBe("");
    }
  });

  it("name the tenant check when the tenant already failed, without sending a password", async () => {
    let asked = false;
    const outcome = await checks.checkPassword({ ...app(CONTOSO.oidcClientId, "nobody.onmicrosoft.com"), username: CONTOSO.users.active.upn }, async () => {
      asked = true;
      return CONTOSO.users.active.password;
    });
    expect(outcome.verdict).toBe("fail");
    expect(outcome.cause).toMatch(/^tenant check: tenant not found \(AADSTS90002\)$/);
    expect(asked).toBe(true); // the probe reads the password first, then decides not to send it
    expect(emu.requests.some((request) => request.hasPassword && request.username === CONTOSO.users.active.upn)).toBe(false);
  });

  it("check a test user's password once: MFA with the default scopes, tokens with the custom scope", async () => {
    const { active } = CONTOSO.users;
    const withDefault = await checks.checkPassword({ ...app(CONTOSO.oidcClientId), username: active.upn }, async () => active.password);
    expect(withDefault.verdict).toBe("warn");
    expect(withDefault.caNote).toContain("custom-scope");
    const custom = await checks.checkPassword(
      { ...app(CONTOSO.oidcClientId), scopes: CONTOSO.customScopes, username: active.upn },
      async () => active.password,
    );
    expect(custom).toMatchObject({ verdict: "pass", hint: "Entra issued tokens: the password, tenant, app and scopes all work" });
    expect(emu.requests.filter((request) => request.username === active.upn)).toHaveLength(2);
  });

  it("fail a right password that Conditional Access blocks, in the probe's words (issue 9.1)", async () => {
    emu.world.tenants[0]!.conditionalAccess!.push({ name: "Block", appliesTo: [CONTOSO.oidcClientId], grant: "block" });
    const { active } = CONTOSO.users;
    const outcome = await checks.checkPassword({ ...app(CONTOSO.oidcClientId), username: active.upn }, async () => active.password);
    expect(outcome).toMatchObject({ verdict: "fail", cause: "blocked by Conditional Access (AADSTS53003)", outcome: "blocked-by-conditional-access", aadsts: 53003 });
  });

  it("pass the login window's sign-in app without public client flows, and fail a wrong one (issue 9.3)", async () => {
    expect(await checks.checkApp({ ...app(CONTOSO.confidentialClientId), interactiveOnly: true })).toMatchObject({ verdict: "pass" });
    expect(await checks.checkApp(app(CONTOSO.confidentialClientId))).toMatchObject({ verdict: "fail", cause: "public client flows are off (AADSTS7000218)" });
    expect(await checks.checkApp({ ...app(CONTOSO.disabledClientId), interactiveOnly: true })).toMatchObject({ verdict: "fail" });
  });
});
