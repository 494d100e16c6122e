/**
 * import into an environment that exists: halves merge instead of replacing each other, a combined
 * source stays combined, what import never writes (jamfPro) stays, and a kept half is never changed
 * without being shown and confirmed.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseJsonc } from "../../src/config/json-syntax.js";
import { readProfile } from "../../src/profile/read-profile.js";
import { useTempDir } from "../folders.js";
import type { Encodable } from "../profiles/bplist-encode.js";
import { foreignXml, licensePlist } from "../profiles/fixture-set.js";
import { runCli } from "../run-cli.js";

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const OTHER_TENANT = "3c6e1f2a-7b4d-4e9a-8f1c-2d5b7a9e0c13";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const API_APP = "e5a8c3f1-9b2d-4e7a-8c6f-3d1b5a9e7c20";
type Dict = Record<string, any>;

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-import-merge-" });

const cli = (args: readonly string[]) => runCli(args, { cwd: dir });
const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
const readConfig = (): Dict => (parseJsonc(readFileSync(join(dir, "jcprofile.json"), "utf8")) as { value: Dict }).value;

/** A Jamf Connect Configuration style export: one domain-style payload per domain given. */
function profile(payloads: Record<string, Record<string, Encodable>>, name = "Jamf Connect"): string {
  const content = Object.entries(payloads).map(([domain, preferences], index) => ({
    PayloadType: domain, PayloadIdentifier: `com.example.jc.${index}`, PayloadUUID: `1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E1${index}`, PayloadVersion: 1, ...preferences,
  }));
  return foreignXml({ PayloadContent: content, PayloadDisplayName: name, PayloadIdentifier: "com.example.jc", PayloadOrganization: "Contoso Ltd", PayloadType: "Configuration", PayloadUUID: "1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E00", PayloadVersion: 1 });
}

const LOGIN = { OIDCProvider: "Azure", OIDCTenant: TENANT, OIDCClientID: CLIENT, OIDCROPGID: CLIENT, OIDCRedirectURI: "https://127.0.0.1/jamfconnect", DenyLocal: true, Migrate: true, OIDCUsePassthroughAuth: true };
const MENUBAR = { IdPSettings: { Provider: "Azure", TenantID: TENANT, ROPGID: CLIENT }, SignIn: { AutoAuthenticate: true, RequireSignIn: true } };

/** The preferences each domain gets from the profiles build wrote for the environment. */
function built(env = "prod"): Record<string, Dict> {
  const folder = join(dir, "out", env);
  const payloads = readdirSync(folder).flatMap((name) => readProfile(readFileSync(join(folder, name)), { fileName: name }).payloads);
  return Object.fromEntries(payloads.map((payload) => [payload.domain, payload.preferences as Dict]));
}

describe("import into an existing environment", () => {
  it("the login window, then the menu bar: the second import keeps every login setting, asks nothing, and says so", async () => {
    write("login.mobileconfig", profile({ "com.jamf.connect.login": LOGIN }));
    write("menubar.mobileconfig", profile({ "com.jamf.connect": MENUBAR }));
    expect((await cli(["import", "login.mobileconfig", "--env", "prod"])).code).toBe(0);
    const second = await cli(["import", "menubar.mobileconfig", "--env", "prod"]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('environment "prod" (extended: nothing in it changes)');
    expect(second.stderr).toContain('its login window settings were kept');
    expect(readConfig().environments.prod.login.settings).toEqual({ DenyLocal: true, Migrate: true, OIDCUsePassthroughAuth: true });
    expect(readConfig().environments.prod.menubar.settings).toEqual({ SignIn: { AutoAuthenticate: true, RequireSignIn: true } });
    expect((await cli(["build", "--env", "prod"])).code).toBe(0);
    const domains = built();
    expect(domains["com.jamf.connect.login"]).toMatchObject({ DenyLocal: true, Migrate: true, OIDCUsePassthroughAuth: true });
    expect(domains["com.jamf.connect"]).toMatchObject({ SignIn: { AutoAuthenticate: true, RequireSignIn: true } });
  });

  it("replacing the half the environment already has shows the diff and needs --yes; the other half stays", async () => {
    write("both.mobileconfig", profile({ "com.jamf.connect.login": LOGIN, "com.jamf.connect": MENUBAR }));
    expect((await cli(["import", "both.mobileconfig", "--env", "prod"])).code).toBe(0);
    write("login.mobileconfig", profile({ "com.jamf.connect.login": { ...LOGIN, Migrate: false } }));
    const before = readFileSync(join(dir, "jcprofile.json"), "utf8");
    const refused = await cli(["import", "login.mobileconfig", "--env", "prod"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("pass --yes");
    expect(refused.stderr).toMatch(/-\s+"Migrate": true/);
    expect(readFileSync(join(dir, "jcprofile.json"), "utf8")).toBe(before);
    const replaced = await cli(["import", "login.mobileconfig", "--env", "prod", "--yes"]);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(readConfig().environments.prod.login.settings.Migrate).toBe(false);
    expect(readConfig().environments.prod.menubar.settings).toEqual({ SignIn: { AutoAuthenticate: true, RequireSignIn: true } });
  });

  it("a combined source stays one profile (layout combined), and a later half import keeps it combined", async () => {
    write("both.mobileconfig", profile({ "com.jamf.connect.login": LOGIN, "com.jamf.connect": MENUBAR }, "Jamf Connect - All Macs"));
    expect((await cli(["import", "both.mobileconfig", "--env", "prod"])).code).toBe(0);
    expect(readConfig().environments.prod.profile).toEqual({ payloadStyle: "domain", layout: "combined", combinedDisplayName: "Jamf Connect - All Macs", removalDisallowed: false });
    expect((await cli(["build", "--env", "prod"])).code).toBe(0);
    expect(readdirSync(join(dir, "out", "prod"))).toEqual(["jamf-connect-combined.mobileconfig"]);
    expect(Object.keys(built())).toEqual(["com.jamf.connect.login", "com.jamf.connect"]);

    write("login.mobileconfig", profile({ "com.jamf.connect.login": { ...LOGIN, LocalFallback: true } }, "Jamf Connect - All Macs"));
    const half = await cli(["import", "login.mobileconfig", "--env", "prod", "--yes"]);
    expect(half.code, half.stderr).toBe(0);
    expect(readConfig().environments.prod.profile.layout).toBe("combined");
    expect(readConfig().environments.prod.menubar.settings).toEqual({ SignIn: { AutoAuthenticate: true, RequireSignIn: true } });
  });

  it("keeps what import never writes (jamfPro, cloud) when it replaces an environment", async () => {
    write("both.mobileconfig", profile({ "com.jamf.connect.login": LOGIN, "com.jamf.connect": MENUBAR }));
    expect((await cli(["import", "both.mobileconfig", "--env", "prod"])).code).toBe(0);
    const config = readConfig();
    config.environments.prod.jamfPro = { url: "https://contoso.jamfcloud.com", category: "Identity" };
    write("jcprofile.json", JSON.stringify(config, null, 2));
    write("both2.mobileconfig", profile({ "com.jamf.connect.login": { ...LOGIN, DenyLocal: false, Migrate: false }, "com.jamf.connect": MENUBAR }));
    const run = await cli(["import", "both2.mobileconfig", "--env", "prod", "--yes"]);
    expect(run.code, run.stderr).toBe(0);
    expect(readConfig().environments.prod.jamfPro).toEqual({ url: "https://contoso.jamfcloud.com", category: "Identity" });
  });

  it("a half for another tenant is refused, nothing written, naming both tenants", async () => {
    write("login.mobileconfig", profile({ "com.jamf.connect.login": LOGIN }));
    expect((await cli(["import", "login.mobileconfig", "--env", "prod"])).code).toBe(0);
    const before = readFileSync(join(dir, "jcprofile.json"), "utf8");
    write("menubar.mobileconfig", profile({ "com.jamf.connect": { ...MENUBAR, IdPSettings: { ...MENUBAR.IdPSettings, TenantID: OTHER_TENANT } } }));
    const run = await cli(["import", "menubar.mobileconfig", "--env", "prod", "--yes"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`environment "prod" is for tenant ${TENANT}, and its login window settings stay; the source is for tenant ${OTHER_TENANT}`);
    expect(readFileSync(join(dir, "jcprofile.json"), "utf8")).toBe(before);
  });

  it("a half that would change the kept half on every Mac says what changes, and asks", async () => {
    // conditionalAccess.mode is shared: a menu bar with Jamf's custom ROPG scope turns it on for the
    // login window the environment keeps, which then gets ROPGScopes too.
    write("login.mobileconfig", profile({ "com.jamf.connect.login": LOGIN }));
    expect((await cli(["import", "login.mobileconfig", "--env", "prod"])).code).toBe(0);
    const before = readFileSync(join(dir, "jcprofile.json"), "utf8");
    write("menubar.mobileconfig", profile({ "com.jamf.connect": { ...MENUBAR, IdPSettings: { ...MENUBAR.IdPSettings, ROPGScopes: `api://${API_APP}/jamfconnect+openid+email+profile` } } }));
    const refused = await cli(["import", "menubar.mobileconfig", "--env", "prod"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('warning: the login window settings "prod" keeps would change on every Mac: ROPGScopes (added)');
    expect(refused.stderr).toContain("pass --yes");
    expect(readFileSync(join(dir, "jcprofile.json"), "utf8")).toBe(before);
    const confirmed = await cli(["import", "menubar.mobileconfig", "--env", "prod", "--yes"]);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect((await cli(["build", "--env", "prod"])).code).toBe(0);
    expect(built()["com.jamf.connect.login"]!.ROPGScopes).toBe(`api://${API_APP}/jamfconnect+openid+email+profile`);
  });
});

describe("import's notes about the half it derives", () => {
  it("says login.clientId comes from the menu bar's ROPGID only when no login window settings are kept", async () => {
    write("login.mobileconfig", profile({ "com.jamf.connect.login": LOGIN }));
    write("menubar.mobileconfig", profile({ "com.jamf.connect": MENUBAR }));
    const alone = await cli(["import", "menubar.mobileconfig", "--env", "solo"]);
    expect(alone.stderr).toContain("no login window profile given");
    expect((await cli(["import", "login.mobileconfig", "--env", "prod"])).code).toBe(0);
    const kept = await cli(["import", "menubar.mobileconfig", "--env", "prod"]);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stderr).not.toContain("no login window profile given");
  });
});

describe("import of a half that brings a license", () => {
  it("names only what truly changes for the kept half (the license), read with the incoming license's bytes", async () => {
    write("login.mobileconfig", profile({ "com.jamf.connect.login": LOGIN }));
    expect((await cli(["import", "login.mobileconfig", "--env", "prod"])).code).toBe(0);
    const license = new Uint8Array(Buffer.from(licensePlist("2099-01-05")));
    write("menubar.mobileconfig", profile({ "com.jamf.connect": { ...MENUBAR, LicenseFile: license } }));
    const run = await cli(["import", "menubar.mobileconfig", "--env", "prod", "--yes"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('the login window settings "prod" keeps would change on every Mac: LicenseFile (added)');
    expect(run.stderr).not.toContain("(removed)");
  });
});

describe("import --tenant", () => {
  it("supplies the tenant a source lacks, and says it; a --tenant that contradicts the source is refused", async () => {
    const { OIDCTenant: _dropped, ...withoutTenant } = LOGIN;
    write("login.mobileconfig", profile({ "com.jamf.connect.login": withoutTenant }));
    const missing = await cli(["import", "login.mobileconfig", "--env", "prod"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("or pass --tenant <tenant ID>");
    const given = await cli(["import", "login.mobileconfig", "--env", "prod", "--tenant", TENANT]);
    expect(given.code, given.stderr).toBe(0);
    expect(given.stderr).toContain(`${TENANT} from --tenant is written to both`);
    expect(readConfig().environments.prod.tenant).toBe(TENANT);

    write("full.mobileconfig", profile({ "com.jamf.connect.login": LOGIN }));
    const contradicts = await cli(["import", "full.mobileconfig", "--env", "other", "--tenant", OTHER_TENANT]);
    expect(contradicts.code).toBe(2);
    expect(contradicts.stderr).toContain(`--tenant is ${OTHER_TENANT}, but the source is for tenant ${TENANT}`);
    expect((await cli(["import", "full.mobileconfig", "--env", "other", "--tenant", "not a tenant"])).stderr).toContain("--tenant:");
  });
});
