/**
 * `jcprofile upload` when things go wrong, in-process against the Jamf Pro double: each
 * fault gets one clear line, the right exit code, no stack trace, and never a secret in the output.
 */
import { describe, expect, it } from "vitest";
import { closedPort } from "../entra/emulator.js";
import { statusPage } from "../jamfpro/classic-xml.js";
import type { JamfProDouble } from "../jamfpro/server.js";
import { seedProfile } from "../jamfpro/seed.js";
import { CLIENTS, SENTINEL_SECRET } from "../jamfpro/world.js";
import { editConfig, upload, uploadJson, useUploadWorld } from "../jamfpro/upload-cli.js";

let jamf: JamfProDouble;
let dir: string;
let config: string;
useUploadWorld("jcprofile-upload-faults-", (world) => ({ jamf, dir, config } = world));

// Faults that make upload wait (Retry-After, --timeout) run concurrently in upload-waits.test.ts.
describe("jcprofile upload faults", () => {
  it("without credentials: exit 2 naming the variables, before any request", async () => {
    const run = await upload(dir, config, [], { JAMF_CLIENT_ID: undefined, JAMF_CLIENT_SECRET: undefined });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("set JAMF_CLIENT_ID and JAMF_CLIENT_SECRET");
    expect(run.stderr).toContain("JAMF_USERNAME and JAMF_PASSWORD");
    expect(jamf.requests).toEqual([]);
  });

  it("a refused secret: exit 1, Jamf Pro refused the API client credentials", async () => {
    const run = await upload(dir, config, [], { JAMF_CLIENT_SECRET: `${SENTINEL_SECRET}-wrong` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Jamf Pro refused the API client credentials");
    expect(run.stderr).toContain("check JAMF_CLIENT_ID and JAMF_CLIENT_SECRET");
    expect(run.stdout.match(/ failed /g)).toHaveLength(4);
    expect(jamf.writes()).toEqual([]);
  });

  it("a role without the create privilege: exit 1 naming the privileges", async () => {
    const run = await uploadJson(dir, config, [], { JAMF_CLIENT_ID: CLIENTS.readOnly.clientId, JAMF_CLIENT_SECRET: CLIENTS.readOnly.secret });
    expect(run.code).toBe(1);
    expect(run.results.map((result) => result.action)).toEqual(["failed", "failed", "failed", "failed"]);
    expect(run.results[0]!.error).toContain("did not let the API client create macOS configuration profiles (HTTP 401)");
    expect(run.results[0]).toMatchObject({ code: "privileges", fix: "give its API role the privileges Create, Read and Update macOS Configuration Profiles" });
    expect(run.stderr).toContain("give its API role the privileges Create, Read and Update macOS Configuration Profiles");
    expect(jamf.world.profiles).toEqual([]);
  });

  it("a Classic API error page: its reason, not the HTML; the other profiles still go", async () => {
    jamf.faults.push({ kind: "status", method: "POST", path: /osxconfigurationprofiles/, status: 409, body: statusPage(409, "Conflict", "Error: Duplicate name"), times: 1 });
    const run = await upload(dir, config);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("refused the request: HTTP 409 Conflict: Error: Duplicate name");
    expect(run.stderr).not.toContain("<p");
    expect(run.stderr).not.toContain("home page");
    expect(run.stdout.match(/ failed /g)).toHaveLength(1);
    expect(run.stdout.match(/ created /g)).toHaveLength(3);
  });

  it("a server that stays busy: a few tries, then exit 3", async () => {
    jamf.faults.push({ kind: "status", path: /^\/JSSResource\//, status: 429, retryAfter: "0", times: 100 });
    const run = await upload(dir, config, ["--env", "prod"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("is busy or unavailable (HTTP 429 after 4 tries) — try again later");
    expect(jamf.requests.filter((request) => request.path.startsWith("/JSSResource/"))).toHaveLength(4);
  });

  it("a create whose answer was lost: the list is read again and no duplicate is made", async () => {
    jamf.faults.push({ kind: "drop-after-commit", method: "POST", path: /osxconfigurationprofiles\/id\/0$/, times: 1 });
    const run = await uploadJson(dir, config, ["--env", "prod"]);
    expect(run.code).toBe(0);
    expect(run.results.map((result) => result.action)).toEqual(["created", "created"]);
    expect(jamf.world.profiles).toHaveLength(2);
    expect(jamf.requests.filter((request) => request.method === "POST" && request.path.endsWith("/id/0"))).toHaveLength(2);
    const first = jamf.world.profiles[0]!;
    expect(run.results.find((result) => result.name === first.name)!.id).toBe(first.id);
  });

  it("a stored profile that is no property list (uploaded signed): exit 3, nothing overwritten", async () => {
    jamf.world.profiles.push({
      id: 50, name: "Jamf Connect Login (prod)", description: "", distribution: "Install Automatically", level: "System",
      redeployOnUpdate: "Newly Assigned", payloads: "MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwGggCSABIIJ", scope: "<scope/>",
    });
    const run = await uploadJson(dir, config, ["--env", "prod"]);
    expect(run.code).toBe(3);
    expect(run.results.map((result) => result.action)).toEqual(["failed", "created"]);
    expect(run.results[0]!.error).toContain("is not a readable property list");
    expect(run.results[0]!.error).toContain("delete it there (or rename it), then run upload again");
    expect(run.results.map((result) => result.code)).toEqual(["unreadable-profile", null]);
    expect(jamf.writes().filter((request) => request.method === "PUT")).toEqual([]);
  });

  it("one profile refused, the other's connection dropped: exit 1, a refusal comes before network trouble (3)", async () => {
    // The login profile's name is taken by someone else's profile; the menu bar's is created, then its read is cut off.
    seedProfile(jamf.world, "Jamf Connect Login (prod)", [{ PayloadType: "com.apple.loginwindow", PayloadUUID: "F1", PayloadIdentifier: "F1", PayloadVersion: 1 }]);
    expect((await upload(dir, config, ["--env", "prod"])).code).toBe(1);
    const menubar = jamf.world.profiles.find((profile) => profile.name === "Jamf Connect Menu Bar (prod)")!;
    jamf.faults.push({ kind: "drop-after-commit", method: "GET", path: new RegExp(`/osxconfigurationprofiles/id/${menubar.id}$`), times: 1 });
    const run = await uploadJson(dir, config, ["--env", "prod"]);
    expect(run.results.map((result) => [result.action, result.code])).toEqual([["refused", "not-ours"], ["failed", "network"]]);
    expect(run.stderr).toContain("reset or closed the connection without an answer");
    expect(run.code).toBe(1);
  });

  it("a refused connection: exit 3 naming the server and HTTPS_PROXY", async () => {
    const port = await closedPort();
    editConfig(config, (c) => (c.defaults.jamfPro!["url"] = `https://127.0.0.1:${port}`));
    const run = await upload(dir, config, ["--env", "prod"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`127.0.0.1:${port} refused the connection`);
    expect(run.stderr).toContain("HTTPS_PROXY");
  });

  // An untrusted certificate needs a process of its own (the trust store is fixed at start-up): test/e2e/built-cli.test.ts.

  it("two environments on one server with the same profile names: exit 2 before any request", async () => {
    editConfig(config, (c) => (c.defaults["profile"] = { loginDisplayName: "Jamf Connect Login", menubarDisplayName: "Jamf Connect" }));
    const run = await upload(dir, config);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('environments test (login) and prod (login) would both upload "Jamf Connect Login"');
    expect(jamf.requests).toEqual([]);
  });

  it("a secret in the config file: exit 2, and the value is not repeated", async () => {
    editConfig(config, (c) => (c.defaults.jamfPro!["clientSecret"] = SENTINEL_SECRET));
    const field = await upload(dir, config, ["--dry-run"]);
    expect(field.code).toBe(2);
    expect(field.stderr).toContain("defaults.jamfPro.clientSecret: is refused: a secret must never be in the config file");
    editConfig(config, (c) => {
      delete c.defaults.jamfPro!["clientSecret"];
      c.defaults.jamfPro!["clientSecretEnv"] = SENTINEL_SECRET;
    });
    const asName = await upload(dir, config, ["--dry-run"]);
    expect(asName.code).toBe(2);
    expect(asName.stderr).toContain("defaults.jamfPro.clientSecretEnv: is not the name of an environment variable");
    expect(jamf.requests).toEqual([]);
  });
});
