/**
 * import judges the source's license as lint and build do. Before, it said nothing: a license that
 * had expired (lint's error, build's warning) was imported without a word, and a LicenseFile that
 * is no Jamf Connect license was imported with "every source key comes back identical when built"
 * and exit 0 — and the build it pointed to then failed (exit 2) on the license it had written.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../folders.js";
import type { Encodable } from "../profiles/bplist-encode.js";
import { FIXTURE_NOW, foreignXml, licensePlist } from "../profiles/fixture-set.js";
import { runCli } from "../run-cli.js";

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-import-license-" });

// The fixtures' clock: a license that ended in 2024 has expired, on any day the tests run.
const cli = (args: readonly string[]) => runCli(args, { cwd: dir, now: FIXTURE_NOW });

function writeLoginProfile(name: string, licenseFile: Uint8Array): void {
  const login: Record<string, Encodable> = {
    PayloadType: "com.jamf.connect.login", PayloadIdentifier: "com.example.jc.0", PayloadUUID: "1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E10", PayloadVersion: 1,
    OIDCProvider: "Azure", OIDCTenant: TENANT, OIDCClientID: CLIENT, OIDCROPGID: CLIENT, OIDCRedirectURI: "https://127.0.0.1/jamfconnect", DenyLocal: true,
    LicenseFile: licenseFile,
  };
  writeFileSync(join(dir, name), foreignXml({
    PayloadContent: [login], PayloadDisplayName: "Jamf Connect", PayloadIdentifier: "com.example.jc",
    PayloadOrganization: "Contoso Ltd", PayloadScope: "System", PayloadType: "Configuration", PayloadUUID: "1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E00", PayloadVersion: 1,
  }));
}

const stderrLines = (text: string) => text.trim().split("\n");

describe("import: the source's license, judged as lint and build judge it", () => {
  it("an expired license is imported with build's warning (exit 0), the line build prints", async () => {
    writeLoginProfile("expired.mobileconfig", new Uint8Array(Buffer.from(licensePlist("2024-01-05"))));
    const lint = await cli(["lint", "expired.mobileconfig", "--json"]);
    expect((JSON.parse(lint.stdout) as { code: string }[]).map((finding) => finding.code)).toEqual(["license-expired"]);

    const run = await cli(["import", "expired.mobileconfig", "--env", "prod"]);
    expect(run.code, run.stderr).toBe(0);
    const warning = "warning: jcprofile.json: environments.prod.license: the license expired on 2024-01-05 — download a current license from Jamf Account and embed it";
    expect(stderrLines(run.stderr)).toContain(warning);
    const build = await cli(["build", "--env", "prod"]);
    expect(build.code, build.stderr).toBe(0);
    expect(stderrLines(build.stderr)).toEqual([warning]);
  });

  it("a LicenseFile that is no Jamf Connect license is imported faithfully but is a broken rule (exit 1), as build then says", async () => {
    writeLoginProfile("not-a-license.mobileconfig", new Uint8Array(Buffer.from("not a license")));
    const lint = await cli(["lint", "not-a-license.mobileconfig", "--json"]);
    expect((JSON.parse(lint.stdout) as { code: string }[]).map((finding) => finding.code)).toEqual(["license-invalid"]);

    const run = await cli(["import", "not-a-license.mobileconfig", "--env", "prod"]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).not.toContain("every source key comes back identical");
    const problem = 'jcprofile.json: environments.prod.license: "prod.jamfconnectlicense" is neither a Jamf Connect license property list nor base64 text of one — use the .jamfconnectlicense file from Jamf Account';
    expect(stderrLines(run.stderr).slice(-2)).toEqual(["error: imported faithfully, but the source breaks a rule — fix it in the config (build reports the same):", `error:   ${problem}`]);
    // Faithfully: the config and the license bytes are written, as for any other broken rule.
    expect(existsSync(join(dir, "jcprofile.json"))).toBe(true);
    expect(existsSync(join(dir, "prod.jamfconnectlicense"))).toBe(true);
    const build = await cli(["build", "--env", "prod"]);
    expect(build.code).toBe(2);
    expect(build.stderr).toContain(`error: ${problem}`);
  });
});
