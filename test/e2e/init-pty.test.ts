/**
 * `jcprofile init` as an admin runs it at Terminal: the built CLI in a pseudo-terminal, answers
 * typed after each prompt appears, live checks against the local Entra emulator (trusted through
 * NODE_EXTRA_CA_CERTS, reached through --authority-host), then the written config and profiles.
 */
import { cpSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "plist";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateConfig } from "../../src/config/validate.js";
import { caCertPath, CONTOSO, type EntraEmulator } from "../entra/emulator.js";
import { useContosoEmulator } from "../entra/use-emulator.js";
import { EXAMPLES, listFiles, tempDir } from "./cli.js";
import { runInPty, type PtyRun } from "./init-pty.js";

type Dict = Record<string, any>;

let emu: EntraEmulator;
let dir: string;
let cleanup: () => void;
let run: PtyRun | undefined;

useContosoEmulator((started) => (emu = started));
beforeEach(() => {
  ({ dir, cleanup } = tempDir("jcprofile-init-pty-"));
  cpSync(join(EXAMPLES, "contoso.jamfconnectlicense"), join(dir, "contoso.jamfconnectlicense"));
});
afterEach(() => {
  run?.kill();
  run = undefined;
  cleanup();
});

const start = (args: readonly string[]) =>
  (run = runInPty(["init", "--authority-host", emu.url, ...args], { cwd: dir, env: { NODE_EXTRA_CA_CERTS: caCertPath } }));

function preferences(path: string, domain: string): Dict {
  const profile = parse(readFileSync(join(dir, path), "utf8")) as Dict;
  return profile.PayloadContent[0].PayloadContent[domain].Forced[0].mcx_preference_settings;
}

describe("jcprofile init in a terminal", () => {
  it("asks everything, checks tenant, app and a test password live, then writes the config and builds", async () => {
    const { active } = CONTOSO.users;
    const pty = start([]);
    await pty.waitFor("Environment name");
    await pty.type("staging", "enter");
    // --authority-host names the host: no cloud question (issue 19).

    await pty.waitFor("Tenant ID or domain");
    await pty.type("not a tenant", "enter");
    // Refused at the prompt with the words `jcprofile build` uses.
    await pty.waitFor('"not a tenant" is not a tenant ID or domain — use the Directory (tenant) ID');
    await pty.press("clearLine");
    await pty.type(CONTOSO.domain, "enter");
    await pty.waitFor(`tenant resolves to ${CONTOSO.tenantId}`);
    await pty.waitFor(`Store the tenant ID ${CONTOSO.tenantId} instead of ${CONTOSO.domain}?`);
    await pty.press("enter");

    await pty.waitFor("Login app's Application (client) ID");
    await pty.type("1234", "enter");
    await pty.waitFor('"1234" is not a GUID — use the Application (client) ID');
    await pty.press("clearLine");
    await pty.type(CONTOSO.oidcClientId, "enter");
    await pty.waitFor("Password-check (ROPG) client ID");
    await pty.press("enter");
    await pty.waitFor("tenant and client ID are right");

    await pty.waitFor("Redirect URI");
    await pty.press("enter");
    await pty.waitFor("How does MFA apply to your users?");
    await pty.waitFor("Per-user MFA");
    await pty.press("down");
    await pty.press("down");
    await pty.press("enter");
    await pty.waitFor("API app's Application (client) ID");
    await pty.type(CONTOSO.apiAppId, "enter");
    await pty.waitFor("Scope name");
    await pty.press("enter");

    await pty.waitFor("Check a test user's password now?");
    await pty.type("y", "enter");
    await pty.waitFor("Test user (user principal name)");
    await pty.type(active.upn, "enter");
    await pty.waitFor(`Password for ${active.upn}`);
    await pty.type(active.password, "enter");
    await pty.waitFor("Entra issued tokens");
    await pty.waitFor("Conditional Access is not applied to the ROPG check");

    await pty.waitFor("Admin roles");
    await pty.type("Admin, Helpdesk", "enter");
    for (const question of ["OIDCNewPassword", "OIDCUsePassthroughAuth", "CreateJamfConnectPassword", "DenyLocal"]) {
      await pty.waitFor(`(${question})`);
      await pty.press("enter");
    }
    // The break-glass account DenyLocal leaves out (issue 19).
    await pty.waitFor("(DenyLocalExcluded; empty for none)");
    await pty.type("ladmin", "enter");
    await pty.waitFor("(Migrate)");
    await pty.press("enter");
    await pty.waitFor("(privilege elevation)");
    await pty.press("enter");
    await pty.waitFor("Jamf Connect license file");
    await pty.waitFor("contoso.jamfconnectlicense");
    await pty.press("enter");
    await pty.waitFor("Organization name");
    await pty.type("Contoso Ltd", "enter");
    await pty.waitFor("Profile identifier base");
    await pty.waitFor("com.contoso.jamfconnect");
    await pty.press("enter");
    await pty.waitFor("Payload style");
    await pty.press("enter");
    await pty.waitFor("Jamf Pro URL");
    await pty.press("enter");
    await pty.waitFor("new file jcprofile.json");
    await pty.waitFor("Write jcprofile.json?");
    await pty.press("enter");
    await pty.waitFor("jcprofile probe --env staging");
    await pty.waitFor("Try the sign-in now?");
    await pty.press("enter"); // no: a yes would open a browser

    expect(await pty.exited).toBe(0);
    const screen = pty.screen();
    expect(screen).not.toContain(active.password);
    expect(screen).toContain("out/staging/jamf-connect-login.mobileconfig");

    const text = readFileSync(join(dir, "jcprofile.json"), "utf8");
    expect(text.endsWith("}\n")).toBe(true);
    const config = validateConfig(JSON.parse(text)).config!;
    expect(config).toEqual({
      $schema: expect.stringMatching(/schema\/jcprofile\.schema\.json$/),
      organization: "Contoso Ltd",
      identifier: "com.contoso.jamfconnect",
      environments: {
        staging: {
          tenant: CONTOSO.tenantId,
          authorityHost: emu.url,
          login: {
            clientId: CONTOSO.oidcClientId,
            adminRoles: ["Admin", "Helpdesk"],
            settings: {
              OIDCNewPassword: false, OIDCUsePassthroughAuth: true, CreateJamfConnectPassword: true, DenyLocal: true, DenyLocalExcluded: ["ladmin"], Migrate: true,
            },
          },
          conditionalAccess: { mode: "custom-scope", apiAppId: CONTOSO.apiAppId },
          license: "contoso.jamfconnectlicense",
        },
      },
    });

    expect(listFiles(dir)).toEqual([
      "contoso.jamfconnectlicense",
      "jcprofile.json",
      "out/staging/jamf-connect-login.mobileconfig",
      "out/staging/jamf-connect-menubar.mobileconfig",
    ]);
    for (const file of listFiles(dir)) expect(readFileSync(join(dir, file), "latin1")).not.toContain(active.password);
    const login = preferences("out/staging/jamf-connect-login.mobileconfig", "com.jamf.connect.login");
    expect(login).toMatchObject({
      OIDCClientID: CONTOSO.oidcClientId,
      OIDCTenant: CONTOSO.tenantId,
      OIDCAdmin: ["Admin", "Helpdesk"],
      ROPGScopes: `${CONTOSO.apiScope}+openid+email+profile`,
      Migrate: true,
    });
    expect(login.LicenseFile).toBeInstanceOf(Uint8Array);

    // One password attempt, for the test user, with the custom scope; the app check used a name that cannot exist.
    const tokenRequests = emu.requests.filter((request) => request.method === "POST");
    const withPassword = tokenRequests.filter((request) => request.username === active.upn);
    expect(withPassword).toHaveLength(1);
    expect(withPassword[0]!.form["scope"]).toContain(CONTOSO.apiScope);
    expect(tokenRequests.some((request) => request.username?.startsWith("jcprofile-probe-"))).toBe(true);
  });

  it("after a failed app check: re-enter the ID, then continue past the next failure — config written, recap, exit 1 (issue 9.2)", async () => {
    const pty = start(["--env", "prod", "--tenant", CONTOSO.tenantId, "--organization", "Contoso Ltd", "--yes"]);
    await pty.waitFor("Login app's Application (client) ID");
    await pty.type(CONTOSO.apiAppId, "enter"); // the API app: a real app, but not a public client (7000218)
    await pty.waitFor("The app check did not pass. What now?");
    await pty.waitFor("Re-enter the value");
    await pty.press("enter");
    await pty.waitFor("Login app's Application (client) ID");
    await pty.press("clearLine");
    await pty.type(CONTOSO.oidcClientId.replace(/^./, "0"), "enter"); // mistyped: no such app
    await pty.waitFor("Password-check (ROPG) client ID");
    await pty.press("enter");
    await pty.waitFor("The app check did not pass. What now?");
    await pty.press("down");
    await pty.press("enter");
    await pty.waitFor("written, but 1 live check failed");
    expect(await pty.exited).toBe(1);
    const screen = pty.screen();
    expect(screen).toContain("public client flows are off (AADSTS7000218) — turn on Authentication → Allow public client flows");
    expect(screen).toContain("(AADSTS700016)");
    expect(screen).toContain("Continued past 1 live check that did not pass");
    expect(screen).toContain("Configured:");
    expect(screen).toContain("jcprofile probe --env prod -u <test user>");
    expect(listFiles(dir)).toContain("out/prod/jamf-connect-login.mobileconfig");
    const config = JSON.parse(readFileSync(join(dir, "jcprofile.json"), "utf8")) as Dict;
    expect(config.environments.prod.login.clientId).toBe(CONTOSO.oidcClientId.replace(/^./, "0"));
  });

  it.each([
    ["Ctrl-C", "ctrlC"],
    ["Ctrl-D", "ctrlD"],
  ] as const)("%s at a prompt exits 130 with one line and writes nothing", async (_name, key) => {
    const before = listFiles(dir);
    const pty = start(["--env", "prod", "--cloud", "public", "--no-probe"]);
    await pty.waitFor("Tenant ID or domain");
    await pty.type(CONTOSO.domain, "enter");
    await pty.waitFor("Login app's Application (client) ID");
    await pty.type("4f8e");
    await pty.press(key);
    expect(await pty.exited).toBe(130);
    const screen = pty.screen();
    expect(screen).toContain("init cancelled — nothing was written");
    expect(screen).not.toMatch(/\n\s+at /); // no stack trace
    expect(listFiles(dir)).toEqual(before);
  });

  it("Ctrl-C while a live check waits for Entra exits 130 and writes nothing", async () => {
    emu.mode = "hang";
    const before = listFiles(dir);
    const pty = start(["--env", "prod", "--cloud", "public"]);
    await pty.waitFor("Tenant ID or domain");
    await pty.type(CONTOSO.domain, "enter");
    await pty.waitFor(`tenant ${CONTOSO.domain}…`);
    await pty.press("ctrlC");
    expect(await pty.exited).toBe(130);
    expect(pty.screen()).toContain("init cancelled — nothing was written");
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(listFiles(dir)).toEqual(before);
  });
});
