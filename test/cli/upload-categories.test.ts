/**
 * `jcprofile upload` and Jamf Pro categories (issue 18, item 6): the server's categories are read
 * before anything is written, in a dry run too; a missing one is exit 1 naming it and the ones there.
 */
import { describe, expect, it } from "vitest";
import type { JamfProDouble } from "../jamfpro/server.js";
import { editConfig, upload, useUploadWorld } from "../jamfpro/upload-cli.js";

let jamf: JamfProDouble;
let dir: string;
let config: string;
useUploadWorld("jcprofile-upload-categories-", (world) => ({ jamf, dir, config } = world));

const setCategory = (name: string) => editConfig(config, (c) => (c.defaults.jamfPro!["category"] = name));

describe("jcprofile upload with jamfPro.category", () => {
  it("a category Jamf Pro lacks: exit 1 naming it and the ones it has, in the dry run and the real run, nothing written", async () => {
    setCategory("Identity");
    for (const args of [["--dry-run"], []]) {
      const run = await upload(dir, config, ["--env", "prod", ...args]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('jamfPro.category "Identity" does not exist in Jamf Pro');
      expect(run.stderr).toContain('it has "Jamf Connect", "Security"');
      expect(run.stdout.match(/ failed /g)).toHaveLength(2);
    }
    expect(jamf.requests.filter((request) => request.path === "/JSSResource/categories")).toHaveLength(2);
    expect(jamf.writes()).toEqual([]);
  });

  it("a category Jamf Pro has: created in it", async () => {
    setCategory("Security");
    const run = await upload(dir, config, ["--env", "prod"]);
    expect(run.code).toBe(0);
    expect(jamf.world.profiles.map((profile) => profile.category)).toEqual(["Security", "Security"]);
  });

  it("an API role that may not read categories: exit 1 naming the privilege", async () => {
    setCategory("Security");
    jamf.world.clients[0]!.privileges = ["create", "read", "update"];
    const run = await upload(dir, config, ["--env", "prod"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("did not let the API client read the categories (HTTP 401) — give its API role the privilege Read Categories, or leave jamfPro.category out");
    expect(jamf.writes()).toEqual([]);
  });
});
