/**
 * Privilege elevation uploads as a third profile of its own name (issue 20): created once, left
 * alone the second time, and the menu bar profile does not carry it. And upload reads the license
 * against its clock, as build does.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { JamfProDouble } from "../jamfpro/server.js";
import { CLIENT_ENV, editConfig, uploadJson, useUploadWorld } from "../jamfpro/upload-cli.js";
import { licensePlist } from "../profiles/fixture-set.js";
import { runCli } from "../run-cli.js";

let jamf: JamfProDouble;
let dir: string;
let config: string;
useUploadWorld("jcprofile-upload-elevation-", (world) => ({ jamf, dir, config } = world));

describe("upload with privilege elevation", () => {
  it("creates the privilege elevation profile beside the other two and writes nothing the second time", async () => {
    editConfig(config, (c) => {
      c.environments["prod"]!["menubar"] = { settings: { TemporaryUserPermissions: { TemporaryUserPromotion: true, UserPromotionDuration: 10 } } };
    });
    const first = await uploadJson(dir, config, ["--env", "prod"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.results.map((result) => [result.target, result.action, result.name])).toEqual([
      ["login", "created", "Jamf Connect Login (prod)"],
      ["menubar", "created", "Jamf Connect Menu Bar (prod)"],
      ["elevation", "created", "Jamf Connect Privilege Elevation (prod)"],
    ]);
    const stored = jamf.world.profiles.map((profile) => [profile.name, profile.payloads.includes("TemporaryUserPermissions")]);
    expect(stored).toEqual([
      ["Jamf Connect Login (prod)", false],
      ["Jamf Connect Menu Bar (prod)", false],
      ["Jamf Connect Privilege Elevation (prod)", true],
    ]);
    const writes = jamf.writes().length;
    const again = await uploadJson(dir, config, ["--env", "prod"]);
    expect(again.results.map((result) => result.action)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(jamf.writes()).toHaveLength(writes);
  });
});

describe("upload reads the license against its clock, as build does", () => {
  it("an expired license is said (a warning) before the profiles are sent; a current one is not", async () => {
    writeFileSync(join(dir, "contoso.jamfconnectlicense"), licensePlist("2030-01-01"));
    const later = await runCli(["upload", "--config", config, "--env", "prod", "--dry-run"], { cwd: dir, env: CLIENT_ENV, now: new Date("2030-01-02T00:00:00Z") });
    expect(later.code, later.stderr).toBe(0);
    expect(later.stderr).toContain("the license expired on 2030-01-01");
    const earlier = await runCli(["upload", "--config", config, "--env", "prod", "--dry-run"], { cwd: dir, env: CLIENT_ENV, now: new Date("2029-12-31T00:00:00Z") });
    expect(earlier.stderr).not.toContain("expired");
  });
});
