/**
 * `jcprofile signin` in-process against the Entra emulator: the test's browser signs in and the
 * address it ends on is pasted, as an admin would. Covers the "done when": an admin, a user
 * with another role, an MFA user; 50105, 53003, 7000218 explained; a forged state and a non-URL
 * are exit 2 with nothing redeemed; the code never appears in the output.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTOSO, type EntraEmulator } from "../entra/emulator.js";
import { useContosoEmulator } from "../entra/use-emulator.js";
import { useTempDir } from "../folders.js";
import { runSigninCli, type SigninRun } from "../signin/signin-cli.js";

const { users } = CONTOSO;
let emu: EntraEmulator;
let dir: string;
useContosoEmulator((started) => (emu = started));
useTempDir((made) => (dir = made), { prefix: "jcprofile-signin-" });

function writeConfig(login: Record<string, unknown> = {}, environments?: Record<string, unknown>): void {
  const config = {
    organization: "Contoso",
    identifier: "com.contoso.jamfconnect",
    defaults: { authorityHost: emu.url, tenant: CONTOSO.domain, login: { clientId: CONTOSO.oidcClientId, adminRoles: ["Admin"], ...login } },
    environments: environments ?? { prod: {} },
  };
  writeFileSync(join(dir, "jcprofile.json"), JSON.stringify(config, null, 2));
}

const json = (run: SigninRun): Record<string, unknown> => {
  try {
    return JSON.parse(run.stdout) as Record<string, unknown>;
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
};
const codeRedemptions = () => emu.requests.filter((r) => r.method === "POST" && r.form["grant_type"] === "authorization_code");
/** The code in a pasted address, to prove it is printed nowhere. */
const codeOf = (run: SigninRun) => (run.pasted?.startsWith("https://") ? new URL(run.pasted).searchParams.get("code") : null);

describe("jcprofile signin", () => {
  it("signs in an admin: admin yes from the roles claim, with PKCE S256, state, nonce and prompt=login", async () => {
    emu.world.tenants[0]!.conditionalAccess = []; // no MFA policy: amr is the password alone
    writeConfig();
    const run = await runSigninCli(["--env", "prod", "--username", users.active.upn, "--json"], { cwd: dir, user: users.active });
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toMatchObject({
      environment: "prod", signedIn: true, clientId: CONTOSO.oidcClientId, redirectUri: CONTOSO.redirectUri,
      tenantId: CONTOSO.tenantId, username: users.active.upn, name: "Adele (test)", roles: ["Admin"], groups: [CONTOSO.macAdminsGroupId],
      amr: ["pwd"], mfa: false, admin: true, adminReason: "roles holds Admin, which OIDCAdmin lists", shortName: "adele.vance",
    });
    const checks = json(run)["checks"] as { name: string; verdict: string }[];
    expect(checks.every((check) => check.verdict === "pass")).toBe(true);

    const authorize = new URL(run.authorizeUrl!);
    expect(authorize.pathname).toBe(`/${CONTOSO.domain}/oauth2/v2.0/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: CONTOSO.oidcClientId, response_type: "code", redirect_uri: CONTOSO.redirectUri, scope: "openid profile email",
      code_challenge_method: "S256", prompt: "login", login_hint: users.active.upn,
    });
    expect(authorize.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get("state")).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(authorize.searchParams.get("nonce")).toMatch(/^[A-Za-z0-9_-]{22}$/);

    // Redeemed once, as a public client: no secret.
    expect(codeRedemptions()).toHaveLength(1);
    expect(codeRedemptions()[0]).toMatchObject({ hasClientSecret: false, form: { client_id: CONTOSO.oidcClientId, redirect_uri: CONTOSO.redirectUri } });
    const code = codeOf(run);
    expect(code).toBeTruthy();
    expect(run.stdout + run.stderr).not.toContain(code!);
  });

  it("shows a user with another role as a standard user, in the table", async () => {
    writeConfig();
    const run = await runSigninCli([], { cwd: dir, user: users.standard });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Signed in as ${users.standard.upn}`);
    expect(run.stdout).toMatch(/roles\s+Standard/);
    expect(run.stdout).toMatch(/admin on the Mac\s+no — roles holds Standard, none of which OIDCAdmin \(Admin\) lists/);
    expect(run.stdout).toMatch(/short name\s+lidia\.holloway/);
    expect(run.stdout + run.stderr).not.toContain(codeOf(run)!);
  });

  it("reports MFA from amr (Contoso's all-apps MFA policy), and warns when the user holds no app role", async () => {
    writeConfig();
    const run = await runSigninCli(["--json"], { cwd: dir, user: users.mfaRequired });
    expect(run.code, run.stderr).toBe(0);
    const result = json(run);
    expect(result).toMatchObject({ amr: ["pwd", "mfa"], mfa: true, admin: false, roles: [] });
    expect(result["checks"]).toContainEqual(expect.objectContaining({ name: "admin-claim", verdict: "warn", detail: expect.stringContaining("no roles claim") }));
  });

  it("explains a user not assigned to the app (AADSTS50105) from Microsoft's error page, redeeming nothing", async () => {
    emu.world.tenants[0]!.apps[0]!.assignmentRequired = true;
    writeConfig();
    const run = await runSigninCli(["--json"], { cwd: dir, user: users.mfaRequired });
    expect(run.code, run.stderr).toBe(1);
    expect(run.pasted).toContain("AADSTS50105");
    expect(json(run)).toMatchObject({ signedIn: false, aadsts: 50105, cause: "user not assigned to the app (AADSTS50105)", refusedAt: "error page" });
    expect(json(run)["hint"]).toContain("Users and groups");
    expect(codeRedemptions()).toHaveLength(0);
  });

  it("explains a Conditional Access block (AADSTS53003)", async () => {
    emu.world.tenants[0]!.conditionalAccess!.push({ name: "Block Jamf Connect", appliesTo: [CONTOSO.oidcClientId], grant: "block" });
    writeConfig();
    const run = await runSigninCli([], { cwd: dir, user: users.active });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("refused (error page): blocked by Conditional Access (AADSTS53003) — a Conditional Access policy blocks this user");
  });

  it("explains a redirect URI on the Web platform (AADSTS7000218 at code redemption)", async () => {
    emu.world.tenants[0]!.apps[0]!.redirectUris = [{ uri: CONTOSO.redirectUri, platform: "web" }];
    writeConfig();
    const run = await runSigninCli(["--json"], { cwd: dir, user: users.active });
    expect(run.code).toBe(1);
    expect(json(run)).toMatchObject({ aadsts: 7000218, refusedAt: "code redemption", cause: "the redirect URI is registered under the Web platform (AADSTS7000218)" });
    expect(json(run)["hint"]).toContain("Mobile and desktop applications");
    expect(run.stdout + run.stderr).not.toContain(codeOf(run)!);
  });

  it.each([
    ["registered as a single-page application", "spa", 9002327, "code redemption"],
    ["not registered at all", undefined, 50011, "error page"],
  ] as const)("explains a redirect URI %s", async (_name, platform, aadsts, where) => {
    emu.world.tenants[0]!.apps[0]!.redirectUris = platform === undefined ? [] : [{ uri: CONTOSO.redirectUri, platform }];
    writeConfig();
    const run = await runSigninCli(["--json"], { cwd: dir, user: users.active });
    expect(run.code).toBe(1);
    expect(json(run)).toMatchObject({ aadsts, refusedAt: where });
    expect(json(run)["hint"]).toContain("Mobile and desktop applications");
  });

  it("explains an error in the address: consent missing (AADSTS65001)", async () => {
    emu.world.tenants[0]!.apps[0]!.consented = [];
    writeConfig();
    const run = await runSigninCli(["--json"], { cwd: dir, user: users.active });
    expect(run.code).toBe(1);
    expect(json(run)).toMatchObject({ aadsts: 65001, refusedAt: "address", cause: "admin consent missing (AADSTS65001)" });
    expect(codeRedemptions()).toHaveLength(0);
  });

  it("refuses a forged state with exit 2 and redeems nothing", async () => {
    writeConfig();
    const forge = (end: { address?: string }) => {
      const url = new URL(end.address!);
      url.searchParams.set("state", "forged-state-value");
      return url.href;
    };
    const run = await runSigninCli([], { cwd: dir, user: users.active, paste: forge });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("belongs to another sign-in (its state is different)");
    expect(run.stderr).toContain("nothing was sent to Entra");
    expect(codeRedemptions()).toHaveLength(0);
    expect(run.stdout + run.stderr).not.toContain(codeOf(run)!);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ["pasted twice", (address: string) => address + address, "the same address was pasted twice on one line"],
    ["pasted twice with a space", (address: string) => `${address} ${address}`, "the same address was pasted twice on one line"],
    ["pasted after another address", (address: string) => `https://127.0.0.1/jamfconnect?code=old&state=old ${address}`, "two addresses were pasted on one line"],
  ])("refuses an address %s with exit 2, says to paste it once, and redeems nothing", async (_name, paste, message) => {
    writeConfig();
    let code = "";
    const twice = (end: { address?: string }) => {
      code = new URL(end.address!).searchParams.get("code")!;
      return paste(end.address!);
    };
    const run = await runSigninCli([], { cwd: dir, user: users.active, paste: twice });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${message} — paste the address once: copy the whole address`);
    expect(run.stderr).toContain("nothing was sent to Entra");
    expect(run.stderr).not.toContain("another sign-in");
    expect(codeRedemptions()).toHaveLength(0);
    expect(code).not.toBe("");
    expect(run.stdout + run.stderr).not.toContain(code);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ["a pasted non-URL", "hello there", "what was pasted is not an address"],
    ["another address", "https://example.com/callback?code=abc&state=x", "does not start with the redirect URI https://127.0.0.1/jamfconnect"],
    ["an empty line", "", "no address was pasted"],
  ])("refuses %s with exit 2", async (_name, text, message) => {
    writeConfig();
    const run = await runSigninCli([], { cwd: dir, paste: () => text });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(emu.tokenRequests()).toBe(0);
  });

  it("takes the redirect URI only from login.redirectUri, as build does, and refuses a config error before printing anything", async () => {
    writeConfig({ settings: { OIDCRedirectURI: "jamfconnect" } });
    const run = await runSigninCli([], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("set login.redirectUri instead");
    expect(run.authorizeUrl).toBeUndefined();
  });

  it("refuses bad flags before printing anything", async () => {
    writeConfig({}, { prod: {}, test: {} });
    const several = await runSigninCli([], { cwd: dir });
    expect(several.code).toBe(2);
    expect(several.stderr).toContain("choose the one to sign in to with --env NAME");
    const user = await runSigninCli(["--env", "prod", "--username", "adele"], { cwd: dir });
    expect(user.code).toBe(2);
    expect(user.stderr).toContain('--username "adele"');
    expect(user.authorizeUrl).toBeUndefined();
  });
});
