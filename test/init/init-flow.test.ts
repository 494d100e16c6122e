/**
 * The wizard's prompt flows, driven key by key through @inquirer/testing: the real questions,
 * validators, defaults, branches and live-check recovery, with the checks faked.
 */
import { screen } from "@inquirer/testing/vitest";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { messages } from "../../src/config/schema.js";
import { publishedSchemaUrl } from "../../src/project/write-config.js";
import { packageVersion } from "../../src/package-root.js";
import { jamfProUrlProblem } from "../../src/net/urls.js";
import { EXAMPLES, copyExample, listFiles, tempDir } from "../folders.js";
import { licensePlist } from "../profiles/fixture-set.js";
import { API_APP, CLIENT, GUID, fakeChecks, failure, startInit } from "./harness.js";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir("jcprofile-flow-")));
afterEach(() => cleanup());

const read = (path: string) => JSON.parse(readFileSync(join(dir, path), "utf8")) as Record<string, any>;
const FIRST_RUN = { organization: "Contoso Ltd", cloud: "public" } as const;

describe("the questions", () => {
  it("refuse bad answers at the prompt with the words `jcprofile build` uses, and offer the defaults", async () => {
    const run = startInit({ cwd: dir, flags: { answers: { organization: "Contoso Ltd", license: false } } });
    expect(await run.until("Environment name")).toContain("(prod)");
    await run.answer("Environment name", "my env");
    await run.until(messages.environmentName);
    screen.keypress({ name: "u", ctrl: true });
    await run.answer("Environment name");
    expect(await run.until("Entra cloud")).toContain("❯ public");
    await run.answer("Entra cloud");

    await run.answer("Tenant ID or domain", "contoso");
    expect(await run.until("is not a tenant ID")).toContain(`"contoso" ${messages.tenant}`);
    screen.keypress({ name: "u", ctrl: true });
    await run.answer("Tenant ID or domain", "contoso.onmicrosoft.com");

    await run.answer("Login app's Application (client) ID", "7d2e9a41");
    expect(await run.until("is not a GUID")).toContain(`"7d2e9a41" ${messages.clientId}`);
    screen.keypress({ name: "u", ctrl: true });
    await run.answer("Login app's Application (client) ID", CLIENT);

    // The ROPG client defaults to the login client; the redirect URI to Jamf's.
    expect(await run.until("Password-check (ROPG) client ID")).toContain(`(${CLIENT})`);
    await run.answer("Password-check (ROPG) client ID");
    expect(await run.until("Redirect URI")).toContain("(https://127.0.0.1/jamfconnect)");
    await run.answer("Redirect URI", "not a uri");
    await run.until(messages.redirectUri);
    screen.keypress({ name: "u", ctrl: true });
    await run.answer("Redirect URI");

    const ca = await run.until("How does MFA apply to your users?");
    expect(ca).toContain("❯ Per-user MFA (or no MFA) for every sign-in");
    expect(ca).toContain("which Jamf Connect accepts as a correct password");
    screen.keypress("enter");
    // Per-user MFA: no API app question; next come the admin roles.
    await run.answer("Admin roles", "Admin, Helpdesk");
    for (const key of ["OIDCNewPassword", "OIDCUsePassthroughAuth", "CreateJamfConnectPassword", "DenyLocal"]) {
      await run.answer(`(${key})`);
    }
    // The break-glass account that DenyLocal leaves out (issue 19): a full name is refused.
    await run.answer("(DenyLocalExcluded", "Local Admin");
    expect(await run.until("is not a local account's short name")).toContain('"Local Admin" is not a local account\'s short name');
    screen.keypress({ name: "u", ctrl: true });
    await run.answer("(DenyLocalExcluded", "ladmin");
    await run.answer("(Migrate)");
    // Privilege elevation is off unless chosen; a role value with a space is refused, as is 0 minutes.
    expect(await run.until("(privilege elevation)")).toContain("(y/N)");
    await run.answer("(privilege elevation)", "y");
    await run.answer("App role allowed to ask for admin rights", "Mac Admins");
    expect(await run.until("contains a space")).toContain("contains a space, which an app role's value never has");
    screen.keypress({ name: "u", ctrl: true });
    await run.answer("App role allowed to ask for admin rights", "MacElevate");
    expect(await run.until("Minutes the admin rights last")).toContain("(5)");
    await run.answer("Minutes the admin rights last", "0");
    await run.until("is not a whole number of minutes");
    screen.keypress({ name: "u", ctrl: true });
    await run.answer("Minutes the admin rights last", "30");
    expect(await run.until("Profile identifier base")).toContain("(com.contoso.jamfconnect)");
    await run.answer("Profile identifier base", "com.contoso.mac");
    expect(await run.until("Payload style")).toContain("❯ mcx");
    screen.keypress("down");
    screen.keypress("enter");
    await run.answer("Jamf Pro URL", "http://contoso.jamfcloud.com");
    expect(await run.until("is http://")).toContain(`"http://contoso.jamfcloud.com" ${jamfProUrlProblem("http://contoso.jamfcloud.com")}`);
    screen.keypress({ name: "u", ctrl: true });
    await run.answer("Jamf Pro URL", "https://contoso.jamfcloud.com/");
    await run.answer("Write jcprofile.json?");

    const result = await run.done;
    expect(result).toMatchObject({ environment: "prod", config: "jcprofile.json", configWritten: true });
    expect(run.printed).toEqual(["jcprofile.json", "out/prod/jamf-connect-login.mobileconfig", "out/prod/jamf-connect-menubar.mobileconfig", "out/prod/jamf-connect-privilege-elevation.mobileconfig"]);
    const config = read("jcprofile.json");
    // $schema: this checkout is neither in the temp folder's tree nor in a node_modules above it, so
    // no relative path would hold in a colleague's clone: the published schema of this version.
    expect(config.$schema).toBe(publishedSchemaUrl(packageVersion()));
    expect(config).toEqual({
      $schema: config.$schema,
      organization: "Contoso Ltd",
      identifier: "com.contoso.mac",
      environments: {
        prod: {
          tenant: "contoso.onmicrosoft.com",
          login: {
            clientId: CLIENT,
            adminRoles: ["Admin", "Helpdesk"],
            settings: {
              OIDCNewPassword: false, OIDCUsePassthroughAuth: true, CreateJamfConnectPassword: true, DenyLocal: true, DenyLocalExcluded: ["ladmin"], Migrate: true,
            },
          },
          menubar: {
            settings: {
              TemporaryUserPermissions: {
                TemporaryUserPromotion: true,
                UserPromotionDuration: 30,
                UserPromotionRole: [{ Name: "MacElevate", Duration: 30, OIDCAdminAttribute: "roles", Provider: "EntraID" }],
              },
            },
          },
          profile: { payloadStyle: "domain" },
          jamfPro: { url: "https://contoso.jamfcloud.com" },
        },
      },
    });
    // Only the address was asked: the API client's credentials stay in environment variables.
    expect(run.said.join("\n")).toContain("never asked or saved");
    // Each question's one-line explanation was shown above it.
    expect(run.said).toContain("  The Mobile and desktop (public client) redirect URI registered on the login app.");
  });

  it("ask for the API app and scope only for the custom scope, and skip what a local password rules out", async () => {
    const run = startInit({ cwd: dir, flags: { answers: { env: "prod", tenant: GUID, clientId: CLIENT, ...FIRST_RUN }, yes: false } });
    await run.answer("Password-check (ROPG) client ID");
    await run.answer("Redirect URI");
    await run.until("How does MFA apply to your users?");
    screen.keypress("down");
    screen.keypress("down");
    expect(screen.getScreen()).toContain("MFA still applies at the login window");
    screen.keypress("enter");
    await run.answer("API app's Application (client) ID", "nope");
    expect(await run.until("is not a GUID")).toContain(`"nope" ${messages.apiAppId}`);
    screen.keypress({ name: "u", ctrl: true });
    await run.answer("API app's Application (client) ID", API_APP);
    expect(await run.until("Scope name")).toContain("(jamfconnect)");
    await run.answer("Scope name");
    await run.answer("Admin roles");
    await run.answer("(OIDCNewPassword)", "y");
    // A separate local password: passthrough and the keychain item do not apply.
    await run.answer("(DenyLocal)", "n");
    // No DenyLocal: no migration question.
    await run.answer("(privilege elevation)");
    await run.answer("Jamf Connect license file");
    await run.answer("Profile identifier base");
    await run.answer("Payload style");
    await run.answer("Jamf Pro URL");
    await run.answer("Write jcprofile.json?");
    await run.done;
    expect(read("jcprofile.json").environments.prod).toEqual({
      tenant: GUID,
      login: {
        clientId: CLIENT,
        settings: { OIDCNewPassword: true, OIDCUsePassthroughAuth: false, CreateJamfConnectPassword: false, DenyLocal: false, Migrate: false },
      },
      conditionalAccess: { mode: "custom-scope", apiAppId: API_APP },
    });
    // Their questions were not asked: their explanations never showed.
    expect(run.said.join("\n")).not.toContain("also unlocks the Mac");
    expect(run.said.join("\n")).not.toContain("pick their existing local account");
  });

  it("offer the license beside the config and refuse a file that is not a license", async () => {
    cpSync(join(EXAMPLES, "contoso.jamfconnectlicense"), join(dir, "contoso.jamfconnectlicense"));
    writeFileSync(join(dir, "notes.txt"), "hello");
    const run = startInit({ cwd: dir, flags: { answers: { env: "prod", tenant: GUID, clientId: CLIENT, ...FIRST_RUN }, yes: true } });
    // --yes takes the defaults; the only question left without one would be asked — none here.
    await run.done;
    expect(read("jcprofile.json").environments.prod.license).toBe("contoso.jamfconnectlicense");

    const again = startInit({ cwd: dir, flags: { answers: { env: "test", cloud: "public", tenant: GUID, clientId: CLIENT } } });
    for (const question of [
      "Password-check", "Redirect URI", "How does MFA apply", "Admin roles", "(OIDCNewPassword)", "(OIDCUsePassthroughAuth)", "(CreateJamfConnectPassword)",
      "(DenyLocal)", "(DenyLocalExcluded", "(Migrate)", "(privilege elevation)",
    ]) {
      await again.answer(question);
    }
    expect(await again.until("Jamf Connect license file")).toContain("(contoso.jamfconnectlicense)");
    again.answer("Jamf Connect license file", "notes.txt");
    expect(await again.until("neither a Jamf Connect license")).toContain('"notes.txt" is neither a Jamf Connect license property list');
    screen.keypress({ name: "u", ctrl: true });
    await again.answer("Jamf Connect license file", "missing.jamfconnectlicense");
    await again.until('"missing.jamfconnectlicense" not found');
    screen.keypress({ name: "u", ctrl: true });
    await again.answer("Jamf Connect license file");
    await again.answer("Payload style");
    await again.answer("Jamf Pro URL");
    await again.answer('Write jcprofile.json?');
    await again.done;
    // The same license file as `defaults` would give… there are no defaults here, so it is written.
    expect(read("jcprofile.json").environments.test.license).toBe("contoso.jamfconnectlicense");
  });
});

describe("the live checks", () => {
  const minimal = { env: "prod", clientId: CLIENT, ...FIRST_RUN, license: false } as const;

  it("show a domain's tenant ID and store it when the admin agrees", async () => {
    const { checks, calls } = fakeChecks({ tenant: [{ verdict: "pass", hint: `tenant resolves to ${GUID}`, tenantId: GUID }] });
    const run = startInit({ cwd: dir, checks, flags: { answers: { ...minimal } } });
    await run.answer("Tenant ID or domain", "contoso.onmicrosoft.com");
    expect(await run.until("Store the tenant ID")).toContain(`Store the tenant ID ${GUID} instead of contoso.onmicrosoft.com? (Y/n)`);
    screen.keypress("enter");
    await run.acceptUntil("Check a test user's password now?");
    await run.acceptUntil("Write jcprofile.json?");
    screen.keypress("enter");
    await run.answer("Try the sign-in now?"); // no (the default)
    await run.done;
    expect(run.said).toContain(`pass tenant contoso.onmicrosoft.com: tenant resolves to ${GUID}`);
    expect(read("jcprofile.json").environments.prod.tenant).toBe(GUID);
    expect(read("jcprofile.json").identifier).toBe("com.contoso.jamfconnect");
    expect(calls.map((call) => call.kind)).toEqual(["tenant", "app"]);
    expect(calls[1]!.request).toMatchObject({ tenant: GUID, clientId: CLIENT, scopes: ["openid", "profile", "email"] });
  });

  it("after a failed tenant check, re-enter the value from an empty field (a paste replaces it) and check again (issue 19)", async () => {
    const { checks, calls } = fakeChecks({ tenant: [{ verdict: "fail", hint: "tenant not found (AADSTS90002)" }, { verdict: "pass", hint: "ok" }] });
    const run = startInit({ cwd: dir, checks, flags: { answers: { ...minimal }, yes: true } });
    await run.answer("Tenant ID or domain", "contsoo.onmicrosoft.com");
    const menu = await run.until("The tenant check did not pass. What now?");
    expect(menu).toContain("❯ Re-enter the value");
    expect(menu).toContain("Continue anyway (keep the value; init will exit 1)");
    expect(menu).toContain("Quit (nothing is written)");
    screen.keypress("enter");
    // The cloud comes first (a tenant of another cloud is "not found" too), then the tenant.
    expect(await run.until("Entra cloud")).toContain("❯ public");
    screen.keypress("enter");
    // An empty field, so a paste is the whole new value; the old one is shown above it.
    const field = await run.until("Tenant ID or domain");
    expect(field).not.toContain("contsoo");
    expect(run.said).toContain("  was: contsoo.onmicrosoft.com");
    await run.answer("Tenant ID or domain", "contoso.onmicrosoft.com");
    await run.done;
    expect(calls.filter((call) => call.kind === "tenant").map((call) => call.request["tenant"])).toEqual([
      "contsoo.onmicrosoft.com",
      "contoso.onmicrosoft.com",
    ]);
  }, 15_000);

  const failingApp = () => fakeChecks({ app: [{ verdict: "fail", hint: "app not found (AADSTS700016)" }] }).checks;

  it("continue anyway keeps a value that failed, lists it before writing and in the summary, and fails the run (issue 9.2)", async () => {
    const { checks } = fakeChecks({ app: [{ verdict: "fail", cause: "app not found in this tenant (AADSTS700016)", hint: "copy the Application (client) ID" }] });
    const kept = startInit({ cwd: dir, checks, flags: { answers: { ...minimal, tenant: GUID }, yes: false } });
    await kept.acceptUntil("The app check did not pass. What now?");
    screen.keypress("down");
    screen.keypress("enter");
    await kept.acceptUntil("Write jcprofile.json?");
    const beforeWrite = kept.said.join("\n");
    expect(beforeWrite).toContain(`Continued past 1 live check that did not pass:\n  ✖ app ${CLIENT} (OIDCROPGID, OIDCClientID, ROPGID): app not found in this tenant (AADSTS700016) — copy the Application (client) ID`);
    screen.keypress("enter");
    const result = await kept.done;
    expect(result.failedChecks.map((entry) => entry.label)).toEqual([`app ${CLIENT} (OIDCROPGID, OIDCClientID, ROPGID)`]);
    expect(kept.said).toContain(`fail app ${CLIENT} (OIDCROPGID, OIDCClientID, ROPGID): app not found in this tenant (AADSTS700016) — copy the Application (client) ID`);
    const summary = kept.said.join("\n");
    expect(summary).toContain(`Configured:\n  environment   prod (cloud public)\n  tenant        ${GUID}`);
    expect(summary).toContain(`  client IDs    ${CLIENT} (OIDCClientID, OIDCROPGID, ROPGID)`);
    expect(summary).toContain("  CA mode       none (per-user MFA; default scopes)");
    expect(summary).toContain(`  live checks   1 passed: tenant ${GUID}`);
    expect(summary).toContain("jcprofile probe --env prod -u <test user>");
    expect(kept.said.at(-1)).toBe(`error: written, but 1 live check failed: app ${CLIENT} (OIDCROPGID, OIDCClientID, ROPGID) — fix them and run "jcprofile probe --env prod" before uploading`);
    expect(read("jcprofile.json").environments.prod.login.clientId).toBe(CLIENT);
  });

  it("quit exits 1 with nothing written", async () => {
    const quit = startInit({ cwd: dir, checks: failingApp(), flags: { answers: { ...minimal, tenant: GUID }, yes: true } });
    await quit.until("The app check did not pass. What now?");
    screen.keypress("up");
    screen.keypress("enter");
    expect(await failure(quit)).toMatchObject({ exitCode: 1, message: "init stopped — nothing was written" });
    expect(listFiles(dir)).toEqual([]);
  });

  it("check one test user's password with the scopes the profile will send; the password goes only to the check", async () => {
    const secret = "fake-Passw0rd-for-the-flow-test";
    const { checks, calls } = fakeChecks({
      password: [{ verdict: "warn", hint: "MFA required (AADSTS50076): the password is right", caNote: "exclude the API app from that policy" }],
    });
    const run = startInit({
      cwd: dir, checks,
      flags: { answers: { ...minimal, tenant: GUID, caChoice: "custom-scope", apiAppId: API_APP }, yes: false },
    });
    for (const question of ["Password-check", "Redirect URI", "Scope name"]) await run.answer(question);
    await run.answer("Check a test user's password now?", "y");
    await run.answer("Test user (user principal name)", "adele");
    await run.until("is not a user principal name");
    screen.type(".vance@contoso.com");
    screen.keypress("enter");
    await run.until("Password for adele.vance@contoso.com (used once, never saved)");
    screen.type(secret);
    expect(screen.getScreen()).not.toContain(secret);
    screen.keypress("enter");
    await run.until("Admin roles");
    expect(calls.find((call) => call.kind === "password")).toEqual({
      kind: "password",
      request: { authorityHost: "https://login.microsoftonline.com", tenant: GUID, clientId: CLIENT, username: "adele.vance@contoso.com",
        scopes: [`api://${API_APP}/jamfconnect`, "openid", "email", "profile"] },
      password: secret,
    });
    expect(run.said).toContain("warn password of adele.vance@contoso.com: MFA required (AADSTS50076): the password is right");
    expect(run.said).toContain("  exclude the API app from that policy");
    screen.keypress({ name: "c", ctrl: true });
    await failure(run);
    // Everything ever written, not the final screen (interpreting it on a 10,000 × 4,000 headless
    // terminal cost over a second of CPU): the secret must not have been shown even for a moment.
    const written = stripVTControlCharacters(await screen.getFullOutput({ raw: true }));
    expect(written).toContain("Password for adele.vance@contoso.com");
    expect(written).not.toContain(secret);
    expect(run.said.join("\n")).not.toContain(secret);
  });

  it("never repeat a failed password check: continue or quit only", async () => {
    const { checks, calls } = fakeChecks({ password: [{ verdict: "fail", hint: "wrong password (AADSTS50126)" }] });
    const run = startInit({ cwd: dir, checks, flags: { answers: { ...minimal, tenant: GUID }, testUser: "adele@contoso.com", yes: true } });
    await run.answer("Password for adele@contoso.com", "wrong");
    const menu = await run.until("The password check did not pass. What now?");
    expect(menu).not.toContain("Re-enter");
    screen.keypress("enter");
    await run.done;
    expect(calls.filter((call) => call.kind === "password")).toHaveLength(1);
  });
});

describe("writing", () => {
  it("show the diff of the replaced environment and write nothing when the admin says no", async () => {
    const config = copyExample(dir);
    const before = readFileSync(config, "utf8");
    const run = startInit({
      cwd: dir,
      flags: { config: "contoso.jcprofile.json", answers: { env: "prod", payloadStyle: "domain", adminRoles: ["Admin", "Helpdesk"] } },
    });
    await run.acceptUntil('Replace environment "prod" in contoso.jcprofile.json?');
    screen.type("n");
    screen.keypress("enter");
    expect(await failure(run)).toMatchObject({ exitCode: 1, message: "init stopped — nothing was written" });
    const shown = run.said.join("\n");
    expect(shown).toContain('contoso.jcprofile.json: environment "prod" (replaced)');
    expect(shown).toContain('  +     "adminRoles": ["Admin", "Helpdesk"]');
    expect(shown).toContain('  +   "profile": {');
    expect(shown).toContain('  +     "payloadStyle": "domain"');
    expect(shown).not.toMatch(/^ {2}[-+].*"test"/m); // only the changed environment
    expect(readFileSync(config, "utf8")).toBe(before);
  });

  it("offer the existing environment's values as the defaults", async () => {
    copyExample(dir);
    const run = startInit({ cwd: dir, flags: { config: "contoso.jcprofile.json", answers: { env: "prod", cloud: "public" } } });
    expect(await run.until("Tenant ID or domain")).toContain(`(${GUID})`);
    expect(run.said.some((line) => line.includes('"prod" is in contoso.jcprofile.json: its values are the defaults'))).toBe(true);
    screen.keypress("enter");
    expect(await run.until("Login app's Application (client) ID")).toContain(`(${CLIENT})`);
    screen.keypress("enter");
    await run.answer("Password-check");
    await run.answer("Redirect URI");
    expect(await run.until("How does MFA apply")).toContain("❯ A custom API scope");
    screen.keypress("enter");
    expect(await run.until("API app's Application (client) ID")).toContain(`(${API_APP})`);
    screen.keypress({ name: "c", ctrl: true });
    expect(await failure(run)).toMatchObject({ exitCode: 130, message: "init cancelled — nothing was written" });
  });

  it("treats Ctrl-D like Ctrl-C: exit 130, nothing written", async () => {
    const run = startInit({ cwd: dir, flags: { answers: {} } });
    await run.until("Environment name");
    screen.type("pro");
    screen.input.emit("keypress", null, { name: "d", ctrl: true });
    expect(await failure(run)).toMatchObject({ exitCode: 130, message: "init cancelled — nothing was written" });
    expect(listFiles(dir)).toEqual([]);
  });

  it("warns about an expired license (the clock is a seam)", async () => {
    // A license of its own with a date of its own, a day before the injected clock: not the shipped example's.
    writeFileSync(join(dir, "contoso.jamfconnectlicense"), licensePlist("2030-06-30"));
    const run = startInit({
      cwd: dir, now: new Date("2030-07-01T00:00:00Z"),
      flags: { answers: { env: "prod", tenant: GUID, clientId: CLIENT, ...FIRST_RUN }, yes: true },
    });
    await run.done;
    expect(run.said).toContain("warning: the license expired on 2030-06-30 — Jamf Connect needs a current one; download it again from Jamf Account");
  });
});
