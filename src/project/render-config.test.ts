import { describe, expect, it } from "vitest";
import { formatProblem } from "../problem.js";
import { renderConfig } from "./render-config.js";

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const LICENSE = new Uint8Array(Buffer.from("<plist><dict><key>LicenseKey</key><string>K</string></dict></plist>"));
const source = { path: "/project/jcprofile.json", displayPath: "jcprofile.json" };

/** Licenses come from a seam, so these tests read no file. */
const licenses = (known: Record<string, Uint8Array | string>) => (path: string) => known[path] ?? "not found";

describe("renderConfig", () => {
  it("returns environments and profiles for a good config, reading the license through the seam", () => {
    const text = JSON.stringify({
      organization: "Contoso",
      identifier: "com.contoso.jc",
      defaults: { license: "l.jamfconnectlicense" },
      environments: { test: { tenant: TENANT, login: { clientId: CLIENT } }, prod: { tenant: TENANT, login: { clientId: CLIENT } } },
    });
    const result = renderConfig({ ...source, text, envs: ["prod"], readLicense: licenses({ "/project/l.jamfconnectlicense": LICENSE }) });
    expect(result.problems).toEqual([]);
    expect(result.environments.map((environment) => environment.name)).toEqual(["prod"]);
    expect(result.profiles.map((profile) => profile.relativePath)).toEqual(["prod/jamf-connect-login.mobileconfig", "prod/jamf-connect-menubar.mobileconfig"]);
    expect(result.environments[0]!.license?.bytes).toBe(LICENSE);
  });

  it("lists schema, catalogue, rule and license problems of every environment at once, each said once", () => {
    const text = JSON.stringify({
      organization: "Contoso",
      identifier: "com.contoso.jc",
      defaults: { license: "gone.jamfconnectlicense", login: { settings: { Migrate: true } } },
      environments: {
        test: { tenant: "not a tenant", login: { clientId: CLIENT, settings: { DenyLocl: true } } },
        prod: { tenant: TENANT, login: { clientId: CLIENT } },
      },
    });
    const result = renderConfig({ ...source, text, readLicense: licenses({}) });
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^jcprofile\.json: environments\.test\.tenant: "not a tenant" is not a tenant ID/),
      'jcprofile.json: defaults.license: "gone.jamfconnectlicense" not found',
      'jcprofile.json: environments.test.login.settings.DenyLocl: unknown key — did you mean "DenyLocal"?',
      "jcprofile.json: environments.test.login.settings.DenyLocal: Migrate is true but DenyLocal is not — set DenyLocal to true (Jamf Connect only migrates accounts when local login is denied)",
      "jcprofile.json: environments.prod.login.settings.DenyLocal: Migrate is true but DenyLocal is not — set DenyLocal to true (Jamf Connect only migrates accounts when local login is denied)",
    ]);
    expect(result.problems.map((problem) => problem.code)).toEqual(["invalid-value", "bad-license", "unknown-key", "migrate-needs-deny-local", "migrate-needs-deny-local"]);
    expect(result.environments).toEqual([]);
    expect(result.profiles).toEqual([]);
  });

  it("an unknown --env is a problem that names the flag", () => {
    const text = JSON.stringify({ organization: "C", identifier: "com.c.d", environments: { prod: { tenant: TENANT, login: { clientId: CLIENT } } } });
    const { problems } = renderConfig({ ...source, text, envs: ["stage"] });
    expect(problems.map(formatProblem)).toEqual(["--env stage: no such environment in jcprofile.json — it has prod"]);
    expect(problems).toEqual([{ severity: "error", path: [], message: "--env stage: no such environment in jcprofile.json", fix: "it has prod", code: "unknown-environment" }]);
  });
});
