/**
 * `jcprofile upload` and stored profiles that are not (all) this environment's (issue 18, items 2
 * and 3): a profile of the same name holding other payloads or made for another tenant is not
 * written without --take-over; an update that would drop a preference domain the stored profile
 * holds is not written without --allow-removal. Refusals are exit 1, one line naming the profile,
 * what differs and the flag, and nothing is written to that profile — in a dry run too.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { JamfProDouble } from "../jamfpro/server.js";
import { combine, seedProfile } from "../jamfpro/seed.js";
import { readStoredPlist } from "../jamfpro/stored-plist.js";
import { ADMIN_SCOPE } from "../jamfpro/world.js";
import { upload, uploadJson, useUploadWorld, writeUploadConfig } from "../jamfpro/upload-cli.js";

const LOGIN_PROD = "Jamf Connect Login (prod)";
const MENUBAR_PROD = "Jamf Connect Menu Bar (prod)";

let jamf: JamfProDouble;
let dir: string;
let config: string;
useUploadWorld("jcprofile-upload-ownership-", (world) => ({ jamf, dir, config } = world));

const puts = () => jamf.writes().filter((request) => request.method === "PUT");
const domainsOf = (name: string) =>
  (readStoredPlist(jamf.world.profiles.find((profile) => profile.name === name)!.payloads)["PayloadContent"] as { PayloadContent: object }[]).flatMap((payload) =>
    Object.keys(payload.PayloadContent),
  );

describe("a stored profile that is not this environment's", () => {
  it("holding other payloads: exit 1 naming it, its scope and --take-over; nothing written to it; the flag takes it over", async () => {
    const foreign = seedProfile(jamf.world, LOGIN_PROD, [
      { PayloadType: "com.apple.loginwindow", PayloadUUID: "F1", PayloadIdentifier: "F1", PayloadVersion: 1, LoginwindowText: "Property of Contoso" },
    ]);
    const before = foreign.payloads;
    for (const args of [["--dry-run"], []]) {
      const run = await upload(dir, config, ["--env", "prod", ...args]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `not written: the Jamf Pro profile "${LOGIN_PROD}" (id ${foreign.id}, ${jamf.url}/OSXConfigurationProfiles.html?id=${foreign.id}), scoped to all computers, is not this environment's: it also holds other payloads (com.apple.loginwindow)`,
      );
      expect(run.stderr).toContain(`give this environment's profile another name (profile.loginDisplayName), or, to replace that profile with this one, run upload again with --take-over ${foreign.id}`);
      expect(run.stdout).toContain(`prod  login  refused  "${LOGIN_PROD}"  id ${foreign.id}`);
    }
    expect(puts()).toEqual([]);
    expect(foreign.payloads).toBe(before);
    const typo = await upload(dir, config, ["--env", "prod", "--dry-run", "--take-over", "Jamf Connect Login (prd)"]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain("warning: --take-over Jamf Connect Login (prd): no profile of this upload has that name or Jamf Pro id");
    const taken = await upload(dir, config, ["--env", "prod", "--take-over", String(foreign.id)]);
    expect(taken.code).toBe(0);
    expect(taken.stderr).toBe("");
    expect(taken.stdout).toContain(`prod  login  updated  "${LOGIN_PROD}"  id ${foreign.id}`);
    expect(foreign.payloads).not.toContain("com.apple.loginwindow");
  });

  it("a second config for another tenant with the same names: exit 1, the first config's profiles stay", async () => {
    expect((await upload(dir, config, ["--env", "prod"])).code).toBe(0);
    const stored = jamf.world.profiles.map((profile) => profile.payloads);
    const other = join(dir, "fabrikam");
    mkdirSync(other);
    const otherConfig = writeUploadConfig(other, jamf, (c) => (c.environments["prod"]!["tenant"] = "fabrikam.onmicrosoft.com"));
    const run = await uploadJson(other, otherConfig, ["--env", "prod"]);
    expect(run.code).toBe(1);
    expect(run.results.map((result) => result.action)).toEqual(["refused", "refused"]);
    expect(run.results[0]!.error).toContain('it is for another tenant (OIDCTenant "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f" there, "fabrikam.onmicrosoft.com" here)');
    expect(run.results[1]!.error).toContain("IdPSettings.TenantID");
    // --json keeps the printed text in `error` and gives its parts: the code and the fix.
    expect(run.results[0]).toMatchObject({ code: "not-ours", fix: expect.stringMatching(/^give this environment's profile another name \(profile\.loginDisplayName\), .* --take-over \d+$/) });
    expect(run.results[0]!.error!.endsWith(` — ${run.results[0]!.fix}`)).toBe(true);
    expect(jamf.world.profiles.map((profile) => profile.payloads)).toEqual(stored);
  });
});

describe("an update that would drop a preference domain", () => {
  it("a live profile holding both domains: refused in admin words with its scope; --allow-removal shows and does it", async () => {
    expect((await upload(dir, config, ["--env", "prod"])).code).toBe(0);
    const live = combine(jamf.world, LOGIN_PROD, MENUBAR_PROD);
    live.scope = ADMIN_SCOPE;
    const before = live.payloads;
    const dry = await upload(dir, config, ["--env", "prod", "--dry-run"]);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain(
      `not written: this update would remove the menu bar settings (com.jamf.connect) from the Jamf Pro profile "${LOGIN_PROD}" (id ${live.id}, ${jamf.url}/OSXConfigurationProfiles.html?id=${live.id}), scoped to computer group "Pilot Macs"`,
    );
    expect(dry.stderr).toContain(`--allow-removal ${live.id}`);
    expect((await upload(dir, config, ["--env", "prod"])).code).toBe(1);
    expect(puts()).toEqual([]);
    expect(live.payloads).toBe(before);

    const allowed = await upload(dir, config, ["--env", "prod", "--dry-run", "--allow-removal", LOGIN_PROD]);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain(`prod  login  would update  "${LOGIN_PROD}"`);
    expect(allowed.stdout).toContain('    removes the menu bar settings (com.jamf.connect) — this profile is scoped to computer group "Pilot Macs"');
    expect(allowed.stdout).not.toContain("(absent)");
    const done = await upload(dir, config, ["--env", "prod", "--allow-removal", LOGIN_PROD]);
    expect(done.code).toBe(0);
    expect(domainsOf(LOGIN_PROD)).toEqual(["com.jamf.connect.login"]);
    expect(live.scope).toBe(ADMIN_SCOPE);
  });
});
