/**
 * Privilege elevation (menubar.settings.TemporaryUserPermissions) builds as a profile of its own,
 * as Jamf Support recommends, in either layout — or inside the menu bar payload when the config
 * says so — and import brings such a profile back as it was.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "plist";
import { describe, expect, it } from "vitest";
import { readProfile } from "../../src/profile/read-profile.js";
import { useTempDir } from "../folders.js";
import { FIXTURE_NOW } from "../profiles/fixture-set.js";
import { runCli } from "../run-cli.js";

type Dict = Record<string, any>;

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-elevation-", example: true });

const ELEVATION = {
  TemporaryUserPromotion: true,
  UserPromotionDuration: 15,
  UserPromotionReason: true,
  VerifyUserPromotion: true,
  UserPromotionRole: [{ Name: "MacElevate", Duration: 30, OIDCAdminAttribute: "roles", Provider: "EntraID" }],
};
const ELEVATION_FILE = "out/prod/jamf-connect-privilege-elevation.mobileconfig";

function withElevation(profile: Record<string, unknown> = {}): void {
  const path = join(dir, "contoso.jcprofile.json");
  const config = JSON.parse(readFileSync(path, "utf8"));
  config.environments.prod.menubar = { settings: { TemporaryUserPermissions: ELEVATION } };
  config.environments.prod.profile = profile;
  writeFileSync(path, JSON.stringify(config, null, 2));
}

const build = (...args: string[]) => runCli(["build", "--config", "contoso.jcprofile.json", ...args], { cwd: dir });
const payloadsOf = (file: string) => readProfile(readFileSync(join(dir, file)), { fileName: file }).payloads;

describe("privilege elevation", () => {
  it("builds a third profile holding only TemporaryUserPermissions; the menu bar profile no longer has it; all lint clean", async () => {
    withElevation();
    const run = await build("--env", "prod");
    expect(run.stderr).toBe("");
    expect(run.stdout.trim().split("\n")).toEqual(["out/prod/jamf-connect-login.mobileconfig", "out/prod/jamf-connect-menubar.mobileconfig", ELEVATION_FILE]);
    const profile = parse(readFileSync(join(dir, ELEVATION_FILE), "utf8")) as Dict;
    expect(profile.PayloadDisplayName).toBe("Jamf Connect Privilege Elevation (prod)");
    expect(profile.PayloadIdentifier).toBe("com.contoso.jamfconnect.prod.elevation");
    const [payload, ...others] = payloadsOf(ELEVATION_FILE);
    expect(others).toEqual([]);
    expect(payload!.domain).toBe("com.jamf.connect");
    expect(payload!.preferences).toEqual({ TemporaryUserPermissions: ELEVATION });
    const menubar = payloadsOf("out/prod/jamf-connect-menubar.mobileconfig")[0]!.preferences;
    expect(Object.keys(menubar)).not.toContain("TemporaryUserPermissions");
    expect(menubar).toHaveProperty("IdPSettings");

    const files = ["out/prod/jamf-connect-login.mobileconfig", "out/prod/jamf-connect-menubar.mobileconfig", ELEVATION_FILE];
    const lint = await runCli(["lint", "--strict", ...files], { cwd: dir, now: FIXTURE_NOW });
    expect(lint.stdout.trim().split("\n")).toEqual(files.map((file) => `${file}: clean`));
    expect(lint.code).toBe(0);
  });

  it("stays apart from a combined profile too, and inside the menu bar payload with privilegeElevation menubar", async () => {
    withElevation({ layout: "combined" });
    expect((await build("--env", "prod")).stdout.trim().split("\n")).toEqual(["out/prod/jamf-connect-combined.mobileconfig", ELEVATION_FILE]);
    withElevation({ privilegeElevation: "menubar" });
    expect((await build("--env", "prod", "--prune")).code).toBe(2); // --prune needs every environment
    const inline = await build("--prune");
    expect(inline.code, inline.stderr).toBe(0);
    expect(readdirSync(join(dir, "out", "prod")).sort()).toEqual(["jamf-connect-login.mobileconfig", "jamf-connect-menubar.mobileconfig"]);
    expect(payloadsOf("out/prod/jamf-connect-menubar.mobileconfig")[0]!.preferences).toMatchObject({ TemporaryUserPermissions: ELEVATION });
  });

  it("a rule of the catalogue sees elevation beside the menu bar's provider: an error names the config path", async () => {
    withElevation();
    const path = join(dir, "contoso.jcprofile.json");
    const config = JSON.parse(readFileSync(path, "utf8"));
    config.environments.prod.menubar.settings.TemporaryUserPermissions.UserPromotionDuration = "15";
    writeFileSync(path, JSON.stringify(config, null, 2));
    const run = await build("--env", "prod");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("environments.prod.menubar.settings.TemporaryUserPermissions.UserPromotionDuration");
  });

  it("import of the three profiles into a new config builds the same bytes again", async () => {
    withElevation();
    expect((await build("--env", "prod")).code).toBe(0);
    const built = ["login", "menubar", "privilege-elevation"].map((name) => `out/prod/jamf-connect-${name}.mobileconfig`);
    const before = built.map((file) => readFileSync(join(dir, file), "utf8"));
    const run = await runCli(["import", ...built, "--env", "prod", "--config", "again/jcprofile.json", "--identifier", "com.contoso.jamfconnect"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const again = JSON.parse(readFileSync(join(dir, "again", "jcprofile.json"), "utf8"));
    expect(again.environments.prod.menubar.settings.TemporaryUserPermissions).toEqual(ELEVATION);
    expect(again.environments.prod.profile?.privilegeElevation).toBeUndefined();
    expect((await runCli(["build", "--config", "again/jcprofile.json"], { cwd: dir })).code).toBe(0);
    expect(built.map((file) => readFileSync(join(dir, "again", file), "utf8"))).toEqual(before);
  });

  it("import of a menu bar profile alone keeps the elevation the environment has (and the reverse)", async () => {
    withElevation();
    expect((await build("--env", "prod")).code).toBe(0);
    expect((await runCli(["import", "out/prod/jamf-connect-login.mobileconfig", "out/prod/jamf-connect-menubar.mobileconfig", ELEVATION_FILE, "--env", "stage", "--config", "contoso.jcprofile.json"], { cwd: dir })).code).toBe(0);
    // A menu bar profile without elevation, imported into stage: elevation stays.
    const menubarOnly = await runCli(["import", "out/prod/jamf-connect-menubar.mobileconfig", "--env", "stage", "--config", "contoso.jcprofile.json"], { cwd: dir });
    expect(menubarOnly.code, menubarOnly.stderr).toBe(0);
    expect(menubarOnly.stderr).toContain("privilege elevation settings were kept");
    const config = JSON.parse(readFileSync(join(dir, "contoso.jcprofile.json"), "utf8"));
    expect(config.environments.stage.menubar.settings.TemporaryUserPermissions).toEqual(ELEVATION);
    // The elevation profile alone: the menu bar and login window settings stay.
    const elevationOnly = await runCli(["import", ELEVATION_FILE, "--env", "stage", "--config", "contoso.jcprofile.json"], { cwd: dir });
    expect(elevationOnly.code, elevationOnly.stderr).toBe(0);
    const after = JSON.parse(readFileSync(join(dir, "contoso.jcprofile.json"), "utf8"));
    expect(after.environments.stage).toEqual(config.environments.stage);
  });

  it("one source profile with login, menu bar and elevation payloads: combined, and the elevation profile keeps its own default name", async () => {
    withElevation({ layout: "combined", privilegeElevation: "separate" });
    expect((await build("--env", "prod")).code).toBe(0);
    // One profile holding all three payloads, as an admin might have put them together in Jamf Pro.
    const combined = parse(readFileSync(join(dir, "out/prod/jamf-connect-combined.mobileconfig"), "utf8")) as Dict;
    const elevation = parse(readFileSync(join(dir, ELEVATION_FILE), "utf8")) as Dict;
    combined.PayloadContent.push({ ...elevation.PayloadContent[0], PayloadIdentifier: "com.contoso.elevation", PayloadUUID: "1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E99" });
    const { build: buildPlist } = await import("plist");
    writeFileSync(join(dir, "all-in-one.mobileconfig"), buildPlist(combined as never));
    const run = await runCli(["import", "all-in-one.mobileconfig", "--env", "stage", "--config", "contoso.jcprofile.json"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const config = JSON.parse(readFileSync(join(dir, "contoso.jcprofile.json"), "utf8"));
    expect(config.environments.stage.profile).toMatchObject({ layout: "combined" });
    expect(config.environments.stage.profile).not.toHaveProperty("elevationDisplayName");
    expect(config.environments.stage.menubar.settings.TemporaryUserPermissions).toEqual(ELEVATION);
  });
});
