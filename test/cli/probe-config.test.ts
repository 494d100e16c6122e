/**
 * `jcprofile probe --config … --env …`: the targets come from the profiles the config builds, and
 * the config's authorityHost points the probe at the emulator.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTOSO, contosoWorld, startEntraEmulator, type EntraEmulator } from "../entra/emulator.js";
import { useContosoEmulator } from "../entra/use-emulator.js";
import { parseChecks, passwordRequests, runProbeCli } from "../probe/probe-cli.js";
import { useTempDir } from "../folders.js";

const { users } = CONTOSO;

let emu: EntraEmulator;
let dir: string;
useContosoEmulator((started) => (emu = started));
useTempDir((made) => (dir = made), { prefix: "jcprofile-probe-" });

function writeConfig(prod: Record<string, unknown>, extraEnvironments: Record<string, unknown> = {}): string {
  const config = {
    organization: "Contoso",
    identifier: "com.contoso.jamfconnect",
    defaults: { authorityHost: emu.url, tenant: CONTOSO.domain, login: { clientId: CONTOSO.oidcClientId } },
    environments: { prod, ...extraEnvironments },
  };
  writeFileSync(join(dir, "jcprofile.json"), JSON.stringify(config, null, 2));
  return "jcprofile.json";
}

const customScope = { conditionalAccess: { mode: "custom-scope", apiAppId: CONTOSO.apiAppId } };
const withUser = (user: { upn: string; password: string }) => ({ args: ["--username", user.upn, "--password-stdin"], input: `${user.password}\n` });

describe("jcprofile probe from a config environment", () => {
  it("refuses, before any request, a profile whose ROPG scopes name no scope, at the config path with build's error and fix (was: a warning, then Entra's AADSTS900144)", async () => {
    writeConfig({ login: { settings: { ROPGScopes: "+" } } });
    const run = await runProbeCli(["--env", "prod", "--target", "login", "--json"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'error: jcprofile.json: environments.prod.login.settings.ROPGScopes: "+" names no scope: Jamf Connect would send the request without one (UNVERIFIED: it may fall back to its default scopes), and Entra ID refuses a request without a scope (AADSTS900144) — write the scopes joined with "+", e.g. openid+api://<api-app-id>/jamfconnect, or remove the key',
    );
    expect(run.stdout).toBe("");
    expect(emu.requests).toEqual([]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("probes login and menu bar as built, sending identical requests once", async () => {
    writeConfig(customScope);
    const { args, input } = withUser(users.active);
    const run = await runProbeCli(["--config", "jcprofile.json", "--env", "prod", "--json", ...args], { cwd: dir, input });
    expect(run.code, run.stderr).toBe(0);
    const checks = parseChecks(run);
    expect(checks.map((c) => `${c.target} ${c.kind} ${c.outcome}`)).toEqual([
      "login tenant ok", "login app ok", "login password success",
      "menubar tenant ok", "menubar app ok", "menubar password success",
    ]);
    expect(checks.filter((c) => c.target === "menubar").map((c) => c.sameRequestAs)).toEqual(["login", "login", "login"]);
    expect(checks[2]).toMatchObject({
      environment: "prod", tenantId: CONTOSO.tenantId, clientId: CONTOSO.oidcClientId, scopes: [CONTOSO.apiScope, "openid", "email", "profile"],
      caNote: expect.stringContaining("successful single-factor sign-in"),
    });
    expect(passwordRequests(emu, users.active.upn)).toBe(1);
    expect(emu.tokenRequests()).toBe(2);
  });

  it("sends Jamf Connect's own password grant: the profile's scopes, in its order, and no other field", async () => {
    writeConfig(customScope);
    const { args, input } = withUser(users.active);
    const run = await runProbeCli(["--env", "prod", "--target", "login", "--json", ...args], { cwd: dir, input });
    expect(run.code, run.stderr).toBe(0);
    const [grant] = emu.requests.filter((r) => r.username === users.active.upn);
    // The built profile says ROPGScopes api://<api app>/jamfconnect+openid+email+profile; `+` is a space on the wire.
    expect(grant?.form).toEqual({
      grant_type: "password", client_id: CONTOSO.oidcClientId, username: users.active.upn,
      scope: `${CONTOSO.apiScope} openid email profile`,
    });
    expect(grant?.hasPassword).toBe(true);
    expect(grant?.hasClientSecret).toBe(false);
    expect(grant?.query).toEqual({});
  });

  it("probes a scope typo in the login window exactly as the profile carries it", async () => {
    writeConfig({ conditionalAccess: { ...customScope.conditionalAccess, loginRopgScopes: `api://${CONTOSO.apiAppId}/jamfconect+openid` } });
    const { args, input } = withUser(users.active);
    const run = await runProbeCli(["--env", "prod", "--json", ...args], { cwd: dir, input });
    expect(run.code).toBe(1);
    const passwords = parseChecks(run).filter((c) => c.kind === "password");
    expect(passwords.map((c) => [c.target, c.outcome])).toEqual([["login", "invalid-scope"], ["menubar", "success"]]);
    const sentScopes = emu.requests.filter((r) => r.username === users.active.upn).map((r) => r.form["scope"]);
    expect(sentScopes[0]).toBe(`api://${CONTOSO.apiAppId}/jamfconect openid`);
  });

  it("explains the MFA note for the default scopes and accepts codes listed in ROPGSuccessCodes", async () => {
    emu.world.tenants[0]!.conditionalAccess!.push({ name: "Compliant Macs", appliesTo: [CONTOSO.apiAppId], grant: "compliantDevice" });
    writeConfig({
      login: { clientId: CONTOSO.oidcClientId, settings: { ROPGSuccessCodes: ["53000"] } },
      conditionalAccess: { mode: "custom-scope", apiAppId: CONTOSO.apiAppId, menubarRopgScopes: "openid+profile+email" },
    });
    const { args, input } = withUser(users.active);
    const run = await runProbeCli(["--env", "prod", ...args], { cwd: dir, input });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^login OIDCROPGID\s+password\s+device-state-required\s+pass\s+yes\s.*listed in ROPGSuccessCodes/m);
    expect(run.stdout).toMatch(/^menubar ROPGID\s+password\s+mfa-required\s+warn\s+yes\s/m);
    expect(run.stdout).toContain('menubar: a per-user MFA or an "All cloud apps" Conditional Access policy');
    expect(run.stdout).toContain("login: a Conditional Access policy that requires a compliant device applies to the ROPG app");
    expect(run.stdout).toContain(`Tenant ${CONTOSO.domain} is ${CONTOSO.tenantId}`);
    expect(passwordRequests(emu, users.active.upn)).toBe(2);
  });

  it("does not say Jamf Connect rejects an answer it accepts because ROPGSuccessCodes lists it", async () => {
    emu.world.tenants[0]!.conditionalAccess!.push({ name: "Compliant Macs", appliesTo: [CONTOSO.apiAppId], grant: "compliantDevice" });
    writeConfig({ login: { clientId: CONTOSO.oidcClientId, settings: { ROPGSuccessCodes: ["53000"] } }, ...customScope });
    const { args, input } = withUser(users.active);
    const run = await runProbeCli(["--env", "prod", "--target", "login", "--json", ...args], { cwd: dir, input });
    expect(run.code, run.stderr).toBe(0);
    const password = parseChecks(run).find((c) => c.kind === "password");
    expect(password).toMatchObject({ aadsts: 53000, outcome: "device-state-required", verdict: "pass", accepted: true });
    expect(password?.hint).toBe(
      "the password is right but Conditional Access requires a compliant device; see the Conditional Access note (accepted because 53000 is listed in ROPGSuccessCodes/SuccessCodes)",
    );
    expect(password?.caNote).toBe(
      "a Conditional Access policy that requires a compliant device applies to the ROPG app; Jamf Connect accepts correct passwords " +
        "only because 53000 is listed in ROPGSuccessCodes/SuccessCodes",
    );
  });

  it("takes --target menubar alone, and needs --env when the config has several environments", async () => {
    writeConfig(customScope, { test: {} });
    const ambiguous = await runProbeCli(["--config", "jcprofile.json"], { cwd: dir });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain("has 2 environments (prod, test): choose one with --env NAME");
    const run = await runProbeCli(["--env", "test", "--target", "menubar", "--json"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(parseChecks(run).map((c) => `${c.target} ${c.kind}`)).toEqual(["menubar tenant", "menubar app"]);
  });

  it("names a tenant that lives in another cloud than the environment's", async () => {
    const world = contosoWorld();
    world.tenants[0]!.cloud = "usgov";
    const usgov = await startEntraEmulator(world, { cloud: "usgov" });
    try {
      writeConfig({ authorityHost: usgov.url });
      const run = await runProbeCli(["--env", "prod", "--json"], { cwd: dir });
      expect(run.code).toBe(1);
      const [tenant, app] = parseChecks(run);
      expect(tenant).toMatchObject({ outcome: "tenant-not-found", hint: expect.stringContaining("belongs to the microsoftonline.us cloud, not microsoftonline.com") });
      expect(app).toMatchObject({ outcome: "skipped" });
      expect(usgov.tokenRequests()).toBe(0);
    } finally {
      await usgov.close();
    }
  });

  it("reports config problems as usage errors before any request", async () => {
    writeConfig({ tenant: "not a tenant" });
    const run = await runProbeCli(["--env", "prod"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("is not a tenant ID or domain");
    expect(emu.requests).toEqual([]);
  });

  it("probes the only environment of jcprofile.json without --config or --env (issue 9.8)", async () => {
    writeConfig({});
    const run = await runProbeCli(["--json"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(parseChecks(run).map((c) => `${c.target} ${c.kind} ${c.environment}`)).toEqual([
      "login tenant prod", "login app prod", "menubar tenant prod", "menubar app prod",
    ]);
  });

  it("checks every distinct client ID: a row for the login window's OIDCClientID too (issue 9.3)", async () => {
    writeConfig({ login: { clientId: CONTOSO.disabledClientId, ropgClientId: CONTOSO.oidcClientId } });
    const run = await runProbeCli(["--env", "prod", "--json"], { cwd: dir });
    expect(run.code).toBe(1);
    const apps = parseChecks(run).filter((c) => c.kind === "app");
    expect(apps.map((c) => [c.target, c["role"], c.clientId, c.verdict])).toEqual([
      ["login", "OIDCROPGID", CONTOSO.oidcClientId, "pass"],
      ["login", "OIDCClientID", CONTOSO.disabledClientId, "fail"],
      ["menubar", "ROPGID", CONTOSO.oidcClientId, "pass"],
    ]);
    expect(apps[1]).toMatchObject({ aadsts: 7000112, cause: "app disabled in this tenant (AADSTS7000112)", accepted: null });
    const table = await runProbeCli(["--env", "prod"], { cwd: dir });
    expect(table.stdout).toMatch(/^login OIDCClientID\s+app\s+app-disabled\s+fail\s.*app disabled in this tenant \(AADSTS7000112\) — /m);
  });

  it("fails a right password that a Conditional Access block makes Jamf Connect refuse (issue 9.1)", async () => {
    emu.world.tenants[0]!.conditionalAccess!.push({ name: "Block", appliesTo: [CONTOSO.oidcClientId], grant: "block" });
    writeConfig({});
    const { args, input } = withUser(users.active);
    const run = await runProbeCli(["--env", "prod", "--target", "login", "--json", ...args], { cwd: dir, input });
    expect(run.code).toBe(1);
    const password = parseChecks(run).find((c) => c.kind === "password");
    expect(password).toMatchObject({ outcome: "blocked-by-conditional-access", verdict: "fail", accepted: false, passwordVerified: true });
    const table = await runProbeCli(["--env", "prod", "--target", "login", ...args], { cwd: dir, input });
    expect(table.stdout).toMatch(/^login OIDCROPGID\s+password\s+blocked-by-conditional-access\s+fail\s+no\s/m);
    expect(table.stdout).toContain("blocked by Conditional Access (AADSTS53003) — the password is right");
  });
});
