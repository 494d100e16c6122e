/**
 * What lint calls an error in a profile, build refuses in the config that would make it (issue 22,
 * item 8), from the same check code (src/render/profile-rules.ts calls lint's), so upload never
 * sends it. An expired license is the one judgement call: lint's error, build's warning.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../folders.js";
import { runCli } from "../run-cli.js";

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const API_APP = "e5a8c3f1-9b2d-4e7a-8c6f-3d1b5a9e7c20";
const NOW = new Date("2030-06-01T12:00:00Z");

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-build-lint-" });
const cli = (args: readonly string[], now = NOW) => runCli(args, { cwd: dir, now });

function writeConfig(prod: Record<string, unknown>, defaults?: Record<string, unknown>): void {
  const config = { organization: "Contoso", identifier: "com.contoso.jc", ...(defaults !== undefined && { defaults }), environments: { prod: { tenant: TENANT, login: { clientId: CLIENT }, ...prod } } };
  writeFileSync(join(dir, "jcprofile.json"), `${JSON.stringify(config, null, 2)}\n`);
}

function writeLicense(expires: string): void {
  writeFileSync(join(dir, "jc.jamfconnectlicense"), `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>ExpirationDate</key><string>${expires}</string><key>LicenseKey</key><string>K</string></dict></plist>\n`);
}

describe("build refuses what lint calls an error (issue 22, item 8)", () => {
  it.each([
    ["a client secret in settings", { login: { clientId: CLIENT, settings: { OIDCClientSecret: "hunter2-plain-words" } } }, "environments.prod.login.settings.OIDCClientSecret: holds a client secret"],
    ["a misspelt secret in the menu bar's settings", { unknownKeys: "warn", menubar: { settings: { IdPSettings: { ClientSecrt: "hunter2-plain-words" } } } }, "environments.prod.menubar.settings.IdPSettings.ClientSecrt: holds a client secret"],
    ["the tenant ID as the client ID", { login: { clientId: TENANT } }, `environments.prod.login.clientId: "${TENANT}" is the tenant ID`],
    ["a custom scope without openid", { conditionalAccess: { loginRopgScopes: `api://${API_APP}/jamfconnect` } }, "environments.prod.conditionalAccess.loginRopgScopes: \"api://"],
    ["a custom scope whose app is not a GUID", { conditionalAccess: { menubarRopgScopes: "api://contoso-api/jamfconnect+openid" } }, "environments.prod.conditionalAccess.menubarRopgScopes: api://contoso-api/jamfconnect does not name the API app by its GUID"],
  ])("%s: exit 2, nothing written, the config path and the fix named", async (_name, prod, message) => {
    writeConfig(prod);
    const run = await cli(["build"]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain("hunter2");
    expect(readdirSync(dir)).toEqual(["jcprofile.json"]);
  });

  it("a mistake in defaults is reported once, at its defaults path", async () => {
    writeConfig({}, { login: { settings: { MyAppSecret: "hunter2-plain-words" } }, unknownKeys: "warn" });
    const run = await cli(["build"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("defaults.login.settings.MyAppSecret: holds a client secret");
  });

  it("an expired license is lint's error but build's warning; before expiry there is none", async () => {
    writeLicense("2030-01-01");
    writeConfig({ license: "jc.jamfconnectlicense" });
    const built = await cli(["build"]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain("warning: jcprofile.json: environments.prod.license: the license expired on 2030-01-01");
    const lint = await cli(["lint", "out/prod/jamf-connect-login.mobileconfig"]);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain("the license expired on 2030-01-01");
    const earlier = await cli(["build"], new Date("2029-12-31T00:00:00Z"));
    expect(earlier.stderr).not.toContain("expired");
  });

  it("a profile build writes lints without errors", async () => {
    writeConfig({ conditionalAccess: { mode: "custom-scope", apiAppId: API_APP } });
    expect((await cli(["build"])).code).toBe(0);
    const lint = await cli(["lint", "out/prod/jamf-connect-login.mobileconfig", "out/prod/jamf-connect-menubar.mobileconfig"]);
    expect(lint.code, lint.stdout).toBe(0);
    expect(readFileSync(join(dir, "jcprofile.json"), "utf8")).toContain(API_APP);
  });
});
