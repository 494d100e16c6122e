import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { tempDir } from "../../test/folders.js";
import { readLicenseFile } from "../project/license.js";
import { customScopeString, licensePaths, resolveEnvironment } from "./resolve.js";
import type { ConfigFile } from "./schema.js";

/** A fresh folder for a license file, removed when the test ends. */
function licenseDir(): string {
  const { dir, cleanup } = tempDir("jcprofile-license-");
  onTestFinished(cleanup);
  return dir;
}

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const API = "e5a8c3f1-9b2d-4e7a-8c6f-3d1b5a9e7c20";

function config(overrides: Partial<ConfigFile> = {}): ConfigFile {
  return {
    organization: "Contoso",
    identifier: "com.contoso.jamfconnect",
    environments: { prod: { tenant: TENANT, login: { clientId: CLIENT } } },
    ...overrides,
  };
}

const readLicenses = (paths: string[]) => new Map(paths.map((path) => [path, readLicenseFile(path)] as const));
const base = config();
const resolve = (c: ConfigFile, name = "prod") => resolveEnvironment(c, name, { configDir: tmpdir(), licenses: new Map() });

describe("resolveEnvironment", () => {
  it("fills every default", () => {
    const { environment, problems } = resolve(config());
    expect(problems).toEqual([]);
    expect(environment).toMatchObject({
      name: "prod",
      cloud: "public",
      authorityHost: "https://login.microsoftonline.com",
      login: { clientId: CLIENT, ropgClientId: CLIENT, redirectUri: "https://127.0.0.1/jamfconnect", adminRoles: [], settings: {} },
      menubar: { ropgClientId: CLIENT, settings: {} },
      conditionalAccess: { mode: "none", scopeName: "jamfconnect", exemptInteractiveLogin: false },
      profile: { payloadStyle: "mcx", removalDisallowed: true, loginDisplayName: "Jamf Connect Login (prod)" },
      unknownKeys: "error",
    });
    expect(environment!.conditionalAccess).not.toHaveProperty("loginRopgScopes");
  });

  it("merges defaults under the environment, the environment winning", () => {
    const { environment } = resolve(
      config({
        defaults: { cloud: "usgov", login: { ropgClientId: API, settings: { DenyLocal: true, HelpURL: "a" } } },
        environments: { prod: { tenant: TENANT, login: { clientId: CLIENT, settings: { HelpURL: "b" } } } },
      }),
    );
    expect(environment!.authorityHost).toBe("https://login.microsoftonline.us");
    expect(environment!.login.ropgClientId).toBe(API);
    expect(environment!.menubar.ropgClientId).toBe(API);
    expect(environment!.login.settings).toEqual({ DenyLocal: true, HelpURL: "b" });
  });

  it("writes the custom scope to both ROPG scope keys, and to OIDCScopes only when asked", () => {
    const scope = customScopeString(API, "jamfconnect");
    expect(scope).toBe(`api://${API}/jamfconnect+openid+email+profile`);
    const ca = (extra: object) =>
      resolve(config({ environments: { prod: { tenant: TENANT, login: { clientId: CLIENT }, conditionalAccess: { mode: "custom-scope", apiAppId: API, ...extra } } } }))
        .environment!.conditionalAccess;
    expect(ca({})).toMatchObject({ loginRopgScopes: scope, menubarRopgScopes: scope });
    expect(ca({})).not.toHaveProperty("oidcScopes");
    expect(ca({ exemptInteractiveLogin: true }).oidcScopes).toBe(scope);
    expect(ca({ scopeName: "jc.check" }).loginRopgScopes).toBe(`api://${API}/jc.check+openid+email+profile`);
    expect(ca({ menubarRopgScopes: "openid+email+profile" })).toMatchObject({ loginRopgScopes: scope, menubarRopgScopes: "openid+email+profile" });
  });

  it("reports a missing field in the environment that lacks it", () => {
    const { problems } = resolve(config({ defaults: { conditionalAccess: { mode: "custom-scope" } }, environments: { prod: {} } }));
    expect(problems.map((problem) => problem.path.join("."))).toEqual([
      "environments.prod.tenant",
      "environments.prod.login.clientId",
      "environments.prod.conditionalAccess.apiAppId",
    ]);
  });

  it("warns, without failing, about ignored or doubtful settings", () => {
    const { environment, problems } = resolve(
      config({ environments: { prod: { tenant: TENANT, cloud: "china", login: { clientId: CLIENT }, conditionalAccess: { apiAppId: API } } } }),
    );
    expect(environment).toBeDefined();
    expect(problems.map((problem) => [problem.severity, problem.path.join("."), problem.code])).toEqual([
      ["warning", "environments.prod.conditionalAccess.mode", "conditional-access-ignored"],
      ["warning", "environments.prod.cloud", "national-cloud-unverified"],
    ]);
    expect(problems[0]).toMatchObject({ message: 'is "none", so apiAppId / exemptInteractiveLogin are ignored', fix: 'set mode to "custom-scope" to use them' });
  });

  it("reads the license relative to the config folder, once for all environments", () => {
    const dir = licenseDir();
    writeFileSync(join(dir, "l.jamfconnectlicense"), "<plist><dict><key>LicenseKey</key><string>x</string></dict></plist>");
    const c = config({ defaults: { license: "l.jamfconnectlicense" }, environments: { prod: base.environments["prod"]!, test: base.environments["prod"]! } });
    const paths = licensePaths(c, dir);
    expect(paths).toEqual([join(dir, "l.jamfconnectlicense")]);
    const first = resolveEnvironment(c, "prod", { configDir: dir, licenses: readLicenses(paths) });
    expect(Buffer.from(first.environment.license!.bytes).toString()).toContain("LicenseKey");
  });

  it("accepts a license given as base64 text and embeds the decoded plist", () => {
    const dir = licenseDir();
    const plist = "<plist><dict><key>LicenseKey</key><string>x</string></dict></plist>";
    writeFileSync(join(dir, "l.txt"), `${Buffer.from(plist).toString("base64")}\n`);
    const c = config({ defaults: { license: "l.txt" } });
    const { environment } = resolveEnvironment(c, "prod", { configDir: dir, licenses: readLicenses(licensePaths(c, dir)) });
    expect(Buffer.from(environment!.license!.bytes).toString()).toBe(plist);
  });
});

describe("problem paths", () => {
  it("point into defaults when the bad value is inherited from there", () => {
    const c = config({ defaults: { license: "missing.jamfconnectlicense" } });
    const { problems } = resolveEnvironment(c, "prod", { configDir: tmpdir(), licenses: readLicenses(licensePaths(c, tmpdir())) });
    expect(problems.map((problem) => problem.path.join("."))).toEqual(["defaults.license"]);
  });
});
