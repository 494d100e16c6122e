/**
 * Migrating a live deployment (issue 18): a profile holding both Jamf Connect domains, downloaded
 * from Jamf Pro, imported, then uploaded. The live profile is updated in place — one profile, its
 * Jamf Pro id, identifiers and scope — and a second upload writes nothing.
 */
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../run-cli.js";
import type { JamfProDouble } from "../jamfpro/server.js";
import { seedProfileText } from "../jamfpro/seed.js";
import { ADMIN_SCOPE } from "../jamfpro/world.js";
import { editConfig, storedIdentifiers, upload, uploadJson, useUploadWorld } from "../jamfpro/upload-cli.js";

const DOWNLOAD = new URL("../fixtures/profiles/jamf-pro-both-domains.mobileconfig", import.meta.url);

let jamf: JamfProDouble;
let dir: string;
useUploadWorld("jcprofile-upload-migration-", (world) => ({ jamf, dir } = world));

describe("download → import → upload of a live profile holding both domains", () => {
  it("updates that one profile in place and leaves it alone the second time", async () => {
    const live = seedProfileText(jamf.world, "Jamf Connect", readFileSync(DOWNLOAD, "utf8"), ADMIN_SCOPE);
    const identifiers = storedIdentifiers(jamf, "Jamf Connect");
    copyFileSync(DOWNLOAD, join(dir, "download.mobileconfig"));
    const config = join(dir, "migrated.jcprofile.json");
    const imported = await runCli(["import", "download.mobileconfig", "--env", "prod", "--config", config], { cwd: dir });
    expect(imported.code, imported.stderr).toBe(0);
    editConfig(config, (c) => (c.environments["prod"]!["jamfPro"] = { url: jamf.url }));

    const dry = await upload(dir, config, ["--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(new RegExp(`^prod  combined  (unchanged|would update)  "Jamf Connect"  id ${live.id} `));
    expect(dry.stdout).not.toContain("removes");
    // The download lacks TargetDeviceType, which jcprofile writes: the one change shown.
    expect(dry.stdout.trim().split("\n").slice(1)).toEqual(["    TargetDeviceType: (absent) → 5"]);
    const run = await uploadJson(dir, config);
    expect(run.code, run.stderr).toBe(0);
    expect(run.results.map((result) => [result.target, result.id])).toEqual([["combined", live.id]]);
    expect(jamf.world.profiles).toHaveLength(1);
    expect(storedIdentifiers(jamf, "Jamf Connect")).toEqual(identifiers);
    expect(live.scope).toBe(ADMIN_SCOPE);
    const writes = jamf.writes().length;
    const again = await uploadJson(dir, config);
    expect(again.results.map((result) => result.action)).toEqual(["unchanged"]);
    expect(jamf.writes()).toHaveLength(writes);

    // A later change to the menu bar half: that same profile, one PUT, nothing else touched.
    editConfig(config, (c) => {
      const menubar = c.environments["prod"]!["menubar"] as { settings: Record<string, unknown> };
      menubar.settings["SignIn"] = { ...(menubar.settings["SignIn"] as object), AutoAuthenticate: false };
    });
    const changed = await uploadJson(dir, config);
    expect(changed.results).toMatchObject([{ action: "updated", id: live.id, changes: ["com.jamf.connect.SignIn.AutoAuthenticate"] }]);
    expect(jamf.writes().slice(writes).map((request) => request.method)).toEqual(["PUT"]);
    expect(storedIdentifiers(jamf, "Jamf Connect")).toEqual(identifiers);
    expect(live.scope).toBe(ADMIN_SCOPE);
  });
});
