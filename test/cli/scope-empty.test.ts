/**
 * A ROPG/OIDC scope key that names no scope ("+", spaces, "", separators only): Jamf Connect would
 * send no scope and Entra refuses the request (AADSTS900144). lint reports it as an error, and
 * build refuses the config field or setting that writes it (the same check, src/checks/entra-checks.ts).
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../folders.js";
import { FIXTURE_NOW, foreignXml } from "../profiles/fixture-set.js";
import { runCli } from "../run-cli.js";

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const WHY = "names no scope: Jamf Connect would send the request without one (UNVERIFIED: it may fall back to its default scopes), and Entra ID refuses a request without a scope (AADSTS900144)";
const FIX = 'write the scopes joined with "+", e.g. openid+api://<api-app-id>/jamfconnect, or remove the key';

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-scope-empty-" });
const cli = (args: readonly string[]) => runCli(args, { cwd: dir, now: FIXTURE_NOW });

const EMPTY_VALUES = ["+", "  ", "", " + +\t"];

describe("lint: a scope key that names no scope is an error", () => {
  it.each(EMPTY_VALUES)("login window ROPGScopes and OIDCScopes %j", async (value) => {
    writeFileSync(join(dir, "com.jamf.connect.login.plist"), foreignXml({ OIDCProvider: "EntraID", OIDCTenant: TENANT, OIDCClientID: CLIENT, ROPGScopes: value, OIDCScopes: value }));
    const run = await cli(["lint", "com.jamf.connect.login.plist", "--json"]);
    expect(run.code, run.stderr).toBe(1);
    const findings = (JSON.parse(run.stdout) as Record<string, unknown>[]).filter((finding) => finding.code === "scope-empty");
    expect(findings).toEqual(
      ["ROPGScopes", "OIDCScopes"].map((path) => ({
        file: "com.jamf.connect.login.plist",
        domain: "com.jamf.connect.login",
        payload: null,
        path,
        severity: "error",
        code: "scope-empty",
        message: `${JSON.stringify(value)} ${WHY}`,
        fix: FIX,
      })),
    );
  });

  it("the menu bar's IdPSettings.ROPGScopes, in the text report", async () => {
    writeFileSync(join(dir, "com.jamf.connect.plist"), foreignXml({ IdPSettings: { Provider: "EntraID", TenantID: TENANT, ROPGID: CLIENT, ROPGScopes: "+" } }));
    const run = await cli(["lint", "com.jamf.connect.plist"]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain(`  error: com.jamf.connect: IdPSettings.ROPGScopes: "+" ${WHY} [scope-empty]\n    fix: ${FIX}\n`);
    expect(run.stdout).not.toContain("[scope-spaces]");
  });
});

describe("build: a config that writes a scope key naming no scope is refused", () => {
  function writeConfig(prod: Record<string, unknown>): void {
    const config = { organization: "Contoso", identifier: "com.contoso.jc", environments: { prod: { tenant: TENANT, login: { clientId: CLIENT }, ...prod } } };
    writeFileSync(join(dir, "jcprofile.json"), `${JSON.stringify(config, null, 2)}\n`);
  }

  it.each([
    ["login settings ROPGScopes", { login: { clientId: CLIENT, settings: { ROPGScopes: "+" } } }, `environments.prod.login.settings.ROPGScopes: "+" ${WHY}`],
    ["login settings OIDCScopes", { login: { clientId: CLIENT, settings: { OIDCScopes: "" } } }, `environments.prod.login.settings.OIDCScopes: "" ${WHY}`],
    ["menu bar settings", { menubar: { settings: { IdPSettings: { ROPGScopes: "  " } } } }, `environments.prod.menubar.settings.IdPSettings.ROPGScopes: "  " ${WHY}`],
    ["conditionalAccess.loginRopgScopes", { conditionalAccess: { loginRopgScopes: "+" } }, `environments.prod.conditionalAccess.loginRopgScopes: "+" ${WHY}`],
    ["conditionalAccess.menubarRopgScopes", { conditionalAccess: { menubarRopgScopes: " + + " } }, `environments.prod.conditionalAccess.menubarRopgScopes: " + + " ${WHY}`],
    ["conditionalAccess.oidcScopes", { conditionalAccess: { oidcScopes: "++" } }, `environments.prod.conditionalAccess.oidcScopes: "++" ${WHY}`],
  ])("%s: exit 2, nothing written, the config path and the fix named", async (_name, prod, message) => {
    writeConfig(prod);
    const run = await cli(["build"]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`error: jcprofile.json: ${message} — ${FIX}`);
    expect(run.stderr).not.toContain("scopes with spaces");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(["jcprofile.json"]);
  });
});
