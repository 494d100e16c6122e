/**
 * `jcprofile upload` in-process against the local Jamf Pro double: create, an idempotent
 * second run, an update in place that keeps Jamf's identifiers and the admin's scope, dry runs.
 */
import { describe, expect, it } from "vitest";
import type { JamfProDouble } from "../jamfpro/server.js";
import { ADMIN_SCOPE, USER } from "../jamfpro/world.js";
import { editConfig, storedIdentifiers, upload, uploadJson, useUploadWorld } from "../jamfpro/upload-cli.js";

const LOGIN_PROD = "Jamf Connect Login (prod)";

let jamf: JamfProDouble;
let dir: string;
let config: string;
useUploadWorld("jcprofile-upload-", (world) => ({ jamf, dir, config } = world));

describe("jcprofile upload", () => {
  it("creates every profile unscoped, with the identifiers Jamf Pro gives it, then invalidates its token", async () => {
    const run = await upload(dir, config);
    // No message: the example's test environment uses the domain payload style, with no value Jamf Pro would change.
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^(test|prod) {2}(login|menubar) {2}created {2}".+" {2}id \d+ {2}https:\/\/127\.0\.0\.1:\d+\/OSXConfigurationProfiles\.html\?id=\d+ {2}\(unscoped: scope it in Jamf Pro\)$/);
    expect(jamf.world.profiles.map((profile) => profile.name).sort()).toEqual([
      "Jamf Connect Login (prod)", "Jamf Connect Login (test)", "Jamf Connect Menu Bar (prod)", "Jamf Connect Menu Bar (test)",
    ]);
    const stored = jamf.world.profiles.find((profile) => profile.name === LOGIN_PROD)!;
    expect(stored.scope).toContain("<computer_groups/>");
    expect(stored.payloads).toContain("<key>PayloadEnabled</key>");
    // The stored profile carries Jamf's identifiers, not jcprofile's.
    expect(stored.payloads).not.toContain("com.contoso.jamfconnect.prod.login");
    expect([...jamf.world.tokens.values()].every((token) => token.invalidated)).toBe(true);
    expect(jamf.requests.map((request) => `${request.method} ${request.path}`)).toContain("POST /api/v1/oauth/token");
  });

  it("sends no write the second time", async () => {
    expect((await upload(dir, config)).code).toBe(0);
    const writesBefore = jamf.writes().length;
    const second = await uploadJson(dir, config);
    expect(second.code).toBe(0);
    expect(second.results.map((result) => result.action)).toEqual(["unchanged", "unchanged", "unchanged", "unchanged"]);
    expect(jamf.writes()).toHaveLength(writesBefore);
    const result = second.results.find((item) => item.name === LOGIN_PROD)!;
    expect(result).toMatchObject({ environment: "prod", target: "login", changes: [], error: null });
    expect(result.url).toBe(`${jamf.url}/OSXConfigurationProfiles.html?id=${result.id}`);
  });

  it("updates in place after a config change: Jamf's identifiers and the admin's scope stay", async () => {
    expect((await upload(dir, config)).code).toBe(0);
    const stored = jamf.world.profiles.find((profile) => profile.name === LOGIN_PROD)!;
    stored.scope = ADMIN_SCOPE;
    const identifiers = storedIdentifiers(jamf, LOGIN_PROD);
    editConfig(config, (c) => {
      (c.environments["prod"]!["login"] as { settings: Record<string, unknown> }).settings["LoginWindowMessage"] = "Welcome to Contoso";
    });
    const run = await upload(dir, config);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`prod  login  updated  "${LOGIN_PROD}"  id ${stored.id}`);
    expect(run.stdout).toContain('com.jamf.connect.login.LoginWindowMessage: "Sign in with your Contoso account" → "Welcome to Contoso"');
    expect(run.stdout.match(/unchanged/g)).toHaveLength(3);
    const puts = jamf.writes().filter((request) => request.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(puts[0]!.body).not.toContain("<scope>");
    expect(storedIdentifiers(jamf, LOGIN_PROD)).toEqual(identifiers);
    expect(stored.scope).toBe(ADMIN_SCOPE);
    expect(stored.payloads).toContain("Welcome to Contoso");
    expect(jamf.world.profiles).toHaveLength(4);
    // And the run after that is quiet again.
    const again = await uploadJson(dir, config);
    expect(again.results.every((result) => result.action === "unchanged")).toBe(true);
  });

  it("--dry-run reads but never writes: would create, then would update with the changed keys", async () => {
    const first = await upload(dir, config, ["--dry-run"]);
    expect(first.code).toBe(0);
    expect(first.stdout.match(/would create/g)).toHaveLength(4);
    expect(jamf.writes()).toEqual([]);
    expect(jamf.world.profiles).toEqual([]);

    expect((await upload(dir, config)).code).toBe(0);
    const payloadsBefore = jamf.world.profiles.map((profile) => profile.payloads);
    editConfig(config, (c) => {
      c.defaults.jamfPro!["distribution"] = "Make Available in Self Service";
      (c.environments["test"]!["login"] as Record<string, unknown>)["settings"] = { LoginWindowMessage: "Test tenant" };
    });
    const writes = jamf.writes().length;
    const dry = await uploadJson(dir, config, ["--dry-run"]);
    expect(dry.code).toBe(0);
    const testLogin = dry.results.find((result) => result.environment === "test" && result.target === "login")!;
    expect(testLogin.action).toBe("would update");
    expect(testLogin.changes).toEqual(expect.arrayContaining(["com.jamf.connect.login.LoginWindowMessage", "jamfPro.distribution"]));
    expect(jamf.writes()).toHaveLength(writes);
    expect(jamf.world.profiles.map((profile) => profile.payloads)).toEqual(payloadsBefore);
  });

  it("uses a Jamf Pro user account when only JAMF_USERNAME / JAMF_PASSWORD are set", async () => {
    const run = await upload(dir, config, ["--env", "prod"], {
      JAMF_CLIENT_ID: undefined, JAMF_CLIENT_SECRET: undefined, JAMF_USERNAME: USER.username, JAMF_PASSWORD: USER.password,
    });
    expect(run.code).toBe(0);
    expect(run.stdout.match(/created/g)).toHaveLength(2);
    expect(jamf.requests.some((request) => request.path === "/api/v1/auth/token")).toBe(true);
    expect([...jamf.world.tokens.values()].every((token) => token.invalidated)).toBe(true);
  });

  it("names and skips an environment without jamfPro; --env naming one is exit 2", async () => {
    editConfig(config, (c) => {
      delete c.defaults.jamfPro;
      c.environments["prod"]!["jamfPro"] = { url: jamf.url, category: "Jamf Connect" };
    });
    const run = await upload(dir, config, ["--dry-run"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("skipped: test (no jamfPro in the config)");
    expect(run.stdout.match(/would create/g)).toHaveLength(2);
    const requests = jamf.requests.length;
    const named = await upload(dir, config, ["--env", "test"]);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('--env test: no jamfPro in the config — add "jamfPro"');
    expect(jamf.requests).toHaveLength(requests);
  });
});
