/**
 * What upload refuses before it sends anything (issue 22): a --timeout that is not plain seconds,
 * credentials only half set, variable names that would send something else than Jamf Pro
 * credentials to the server, and profile names Jamf Pro would trim. Each: exit 2, the field or
 * flag named, no request.
 */
import { describe, expect, it } from "vitest";
import type { JamfProDouble } from "../jamfpro/server.js";
import { CLIENTS } from "../jamfpro/world.js";
import { editConfig, upload, useUploadWorld } from "../jamfpro/upload-cli.js";
import { runCli } from "../run-cli.js";

let jamf: JamfProDouble;
let dir: string;
let config: string;
useUploadWorld("jcprofile-upload-checks-", (world) => ({ jamf, dir, config } = world));

describe("upload refuses before any request", () => {
  it.each(["0x10", "1e2", "+5"])("--timeout %s: not plain seconds", async (value) => {
    const run = await upload(dir, config, ["--timeout", value]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--timeout "${value}" is not a number of seconds between 0 and 600 (default 30)`);
    expect(jamf.requests).toEqual([]);
  });

  it("the client ID without its secret: names the missing variable, not both", async () => {
    const run = await upload(dir, config, [], { JAMF_CLIENT_SECRET: undefined });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("JAMF_CLIENT_ID is set but JAMF_CLIENT_SECRET is empty or unset — set JAMF_CLIENT_SECRET to the API client's secret");
    expect(run.stderr).not.toContain("ID and secret");
    expect(jamf.requests).toEqual([]);
  });

  it("the secret without the client ID, and a user name without its password", async () => {
    const noId = await upload(dir, config, [], { JAMF_CLIENT_ID: "" });
    expect(noId.stderr).toContain("JAMF_CLIENT_SECRET is set but JAMF_CLIENT_ID is empty or unset — set JAMF_CLIENT_ID to the API client's ID");
    const noPassword = await upload(dir, config, [], { JAMF_CLIENT_ID: undefined, JAMF_CLIENT_SECRET: undefined, JAMF_USERNAME: "jamfadmin" });
    expect(noPassword.stderr).toContain("JAMF_USERNAME is set but JAMF_PASSWORD is empty or unset");
    expect([noId.code, noPassword.code]).toEqual([2, 2]);
    expect(jamf.requests).toEqual([]);
  });

  it("clientIdEnv and clientSecretEnv naming one variable", async () => {
    editConfig(config, (c) => Object.assign(c.defaults.jamfPro!, { clientIdEnv: "JAMF_CLIENT_ID", clientSecretEnv: "JAMF_CLIENT_ID" }));
    const run = await upload(dir, config);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("defaults.jamfPro.clientSecretEnv: names the same environment variable as clientIdEnv");
    expect(jamf.requests).toEqual([]);
  });

  it.each([
    ["clientIdEnv", "PATH", "does not name a Jamf Pro client ID variable"],
    ["clientIdEnv", "JAMF_PROD_SECRET", "does not name a Jamf Pro client ID variable"],
    ["clientSecretEnv", "GITHUB_TOKEN", "does not name a Jamf Pro client secret variable"],
    ["clientSecretEnv", "AWS_SECRET_ACCESS_KEY", "does not name a Jamf Pro client secret variable"],
  ])("%s %s: a variable that is not a Jamf Pro credential is never read, so never sent", async (field, name, says) => {
    editConfig(config, (c) => (c.defaults.jamfPro![field] = name));
    const run = await upload(dir, config, [], { [name]: "value-that-must-stay-here" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`defaults.jamfPro.${field}: ${says}`);
    expect(run.stderr).toContain("upload sends that variable's value to the Jamf Pro server");
    expect(jamf.requests).toEqual([]);
  });

  it("other names for Jamf Pro credentials still work", async () => {
    editConfig(config, (c) => Object.assign(c.defaults.jamfPro!, { clientIdEnv: "PROD_JAMF_API_CLIENT", clientSecretEnv: "prod_jamf_api_key" }));
    const run = await upload(dir, config, ["--env", "prod", "--dry-run"], {
      JAMF_CLIENT_ID: undefined,
      JAMF_CLIENT_SECRET: undefined,
      PROD_JAMF_API_CLIENT: CLIENTS.full.clientId,
      prod_jamf_api_key: CLIENTS.full.secret,
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("a profile name with spaces at its ends: refused at config time, for upload and build alike", async () => {
    editConfig(config, (c) => (c.environments["prod"]!["profile"] = { loginDisplayName: " Jamf Connect Login (prod) " }));
    const run = await upload(dir, config);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('environments.prod.profile.loginDisplayName: " Jamf Connect Login (prod) " starts or ends with a space — Jamf Pro trims profile names');
    expect(run.stderr).toContain('409 "Duplicate name"');
    expect(jamf.requests).toEqual([]);
    const build = await runCli(["build", "--config", config], { cwd: dir });
    expect(build.code).toBe(2);
    expect(build.stderr).toContain('environments.prod.profile.loginDisplayName: " Jamf Connect Login (prod) " starts or ends with a space');
  });
});
