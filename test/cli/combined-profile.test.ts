/**
 * profile.layout "combined": one profile holding both Jamf Connect domains, the shape a Jamf Pro
 * download has. Build, --check, --prune, lint, sign and verify each treat it as one profile.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "plist";
import { describe, expect, it } from "vitest";
import { copyExample, listFiles } from "../folders.js";
import { FIXTURE_NOW } from "../profiles/fixture-set.js";
import { runCli } from "../run-cli.js";
import { pkiTime, usePkiDir } from "../sign/pki.js";

type Dict = Record<string, any>;

let dir: string;
usePkiDir((made) => (dir = made), { prefix: "jcprofile-combined-" });

const COMBINED = "out/prod/jamf-connect-combined.mobileconfig";

/** One folder per file (it holds the PKI): each test starts from the example and no out/ folder. */
function freshExample(): void {
  rmSync(join(dir, "out"), { recursive: true, force: true });
  copyExample(dir);
}

/** The example with prod switched to the combined layout (test keeps two profiles). */
function combinedExample(): void {
  const config = JSON.parse(readFileSync(join(dir, "contoso.jcprofile.json"), "utf8"));
  config.environments.prod.profile = { layout: "combined" };
  writeFileSync(join(dir, "contoso.jcprofile.json"), JSON.stringify(config, null, 2));
}

describe("profile.layout combined", () => {
  it("builds one profile with both domains for that environment, each payload with its own identifier", async () => {
    freshExample();
    combinedExample();
    const run = await runCli(["build", "--config", "contoso.jcprofile.json"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n").sort()).toEqual([COMBINED, "out/test/jamf-connect-login.mobileconfig", "out/test/jamf-connect-menubar.mobileconfig"]);
    const profile = parse(readFileSync(join(dir, COMBINED), "utf8")) as Dict;
    expect(profile.PayloadDisplayName).toBe("Jamf Connect (prod)");
    expect(profile.PayloadIdentifier).toBe("com.contoso.jamfconnect.prod.combined");
    const payloads = profile.PayloadContent as Dict[];
    expect(payloads.map((payload) => Object.keys(payload.PayloadContent)[0])).toEqual(["com.jamf.connect.login", "com.jamf.connect"]);
    expect(payloads.map((payload) => payload.PayloadIdentifier)).toEqual([
      "com.contoso.jamfconnect.prod.combined.com.jamf.connect.login",
      "com.contoso.jamfconnect.prod.combined.com.jamf.connect",
    ]);
    expect(new Set(payloads.map((payload) => payload.PayloadUUID)).size).toBe(2);
    // The same preferences as the two separate profiles carry: only the grouping differs.
    const login = payloads[0]!.PayloadContent["com.jamf.connect.login"].Forced[0].mcx_preference_settings;
    expect(login).toMatchObject({ OIDCTenant: "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f", DenyLocal: true });
    const menubar = payloads[1]!.PayloadContent["com.jamf.connect"].Forced[0].mcx_preference_settings;
    expect(menubar.IdPSettings).toMatchObject({ TenantID: "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f" });

    const lint = await runCli(["lint", "--strict", COMBINED], { cwd: dir, now: FIXTURE_NOW });
    expect(lint.stdout.trim()).toBe(`${COMBINED}: clean`);
    expect(lint.code).toBe(0);
  });

  it("switching layout: --check calls the separate profiles stale, --prune removes them, the second build is up to date", async () => {
    freshExample();
    expect((await runCli(["build", "--config", "contoso.jcprofile.json"], { cwd: dir })).code).toBe(0);
    combinedExample();
    const check = await runCli(["build", "--config", "contoso.jcprofile.json", "--check"], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`missing: ${COMBINED}`);
    expect(check.stdout).toMatch(/stale: out\/prod\/jamf-connect-login\.mobileconfig/);
    expect(check.stdout).toMatch(/stale: out\/prod\/jamf-connect-menubar\.mobileconfig/);
    expect((await runCli(["build", "--config", "contoso.jcprofile.json", "--prune"], { cwd: dir })).code).toBe(0);
    expect(listFiles(dir).filter((file) => file.startsWith("out/prod/"))).toEqual([COMBINED]);
    expect((await runCli(["build", "--config", "contoso.jcprofile.json", "--check"], { cwd: dir })).code).toBe(0);
  });

  it("signs the combined profile and verify matches it to the config, naming it combined on drift", async () => {
    freshExample();
    combinedExample();
    const signedAt = new Date(Math.floor(pkiTime().getTime() / 1000) * 1000);
    const sign = await runCli(["sign", "--config", "contoso.jcprofile.json", "--env", "prod", "--cert", "signer.pem", "--key", "signer-key.pem", "--chain", "intermediate.pem"], { cwd: dir, now: signedAt });
    expect(sign.stderr).toBe("");
    expect(sign.stdout.trim()).toBe("out/prod/signed/jamf-connect-combined.mobileconfig");
    const signed = "out/prod/signed/jamf-connect-combined.mobileconfig";
    const verify = await runCli(["verify", signed, "--ca", "root.pem", "--config", "contoso.jcprofile.json", "--json"], { cwd: dir, now: signedAt });
    expect(JSON.parse(verify.stdout)[0]).toMatchObject({ valid: true, drift: { matches: true, environment: "prod", profile: "combined" } });

    const config = JSON.parse(readFileSync(join(dir, "contoso.jcprofile.json"), "utf8"));
    config.defaults.menubar.settings.SignIn.RequireSignIn = false;
    writeFileSync(join(dir, "contoso.jcprofile.json"), JSON.stringify(config, null, 2));
    const drifted = await runCli(["verify", signed, "--ca", "root.pem", "--config", "contoso.jcprofile.json", "--json"], { cwd: dir, now: signedAt });
    expect(JSON.parse(drifted.stdout)[0].drift).toMatchObject({ matches: false, profile: "combined" });
    expect(JSON.parse(drifted.stdout)[0].drift.summary).toContain("differs from the prod combined profile");
    expect(JSON.parse(drifted.stdout)[0].drift.keyPaths.join(" ")).toContain("RequireSignIn");
  });

  it("refuses an unknown layout, naming the field and the choices", async () => {
    freshExample();
    const config = JSON.parse(readFileSync(join(dir, "contoso.jcprofile.json"), "utf8"));
    config.environments.prod.profile = { layout: "single" };
    writeFileSync(join(dir, "contoso.jcprofile.json"), JSON.stringify(config, null, 2));
    const run = await runCli(["build", "--config", "contoso.jcprofile.json"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("environments.prod.profile.layout");
    expect(run.stderr).toMatch(/separate.*combined/);
  });
});
