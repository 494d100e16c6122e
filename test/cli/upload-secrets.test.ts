/**
 * No credential or token reaches upload's output, whatever the server sends back (issue 22 item 3):
 * a gateway's error page that echoes the Authorization header, the raw token and the client
 * secret — in text, --json and --dry-run, and where the page's reason is cut short.
 */
import { describe, expect, it } from "vitest";
import { statusPage } from "../jamfpro/classic-xml.js";
import { profileXml } from "../jamfpro/classic-api.js";
import type { EchoedRequest, JamfProDouble } from "../jamfpro/server.js";
import { SENTINEL_SECRET, USER } from "../jamfpro/world.js";
import { editConfig, upload, uploadJson, useUploadWorld } from "../jamfpro/upload-cli.js";
import type { CliRun } from "../run-cli.js";

let jamf: JamfProDouble;
let dir: string;
let config: string;
useUploadWorld("jcprofile-upload-secrets-", (world) => ({ jamf, dir, config } = world));

const tokenOf = (request: EchoedRequest) => String(request.headers.authorization ?? "").replace(/^Bearer /, "");

/** The page some gateways answer a refused request with: the request, echoed. */
function echoPage(request: EchoedRequest): string {
  const token = tokenOf(request);
  // Past the 300 characters a reason is cut to, so that a cut would leave the token's start behind.
  const padding = "The gateway refused this request. ".repeat(8);
  return statusPage(400, "Bad Request", `your token was ${request.headers.authorization}; ${padding} ${token} client_secret=${SENTINEL_SECRET} password ${USER.password}`);
}

/** Neither the secret nor any token the double issued, nor the first 8 characters of one. */
function expectNoCredential(run: CliRun): void {
  const text = `${run.stdout}${run.stderr}`;
  expect(jamf.world.tokens.size).toBeGreaterThan(0);
  for (const token of jamf.world.tokens.keys()) expect(text).not.toContain(token.slice(0, 8));
  expect(text).not.toContain(SENTINEL_SECRET.slice(0, 12));
  expect(text).not.toContain(USER.password);
}

describe("a server page that echoes the credentials", () => {
  it.each([[[]], [["--json"]], [["--dry-run"]], [["--dry-run", "--json"]]])("upload %j: the page's reason is shown, the credentials are not", async (args) => {
    jamf.faults.push({ kind: "status", method: "GET", path: /^\/JSSResource\/osxconfigurationprofiles$/, status: 400, body: echoPage, times: 1 });
    const run = await upload(dir, config, ["--env", "prod", ...args]);
    expect(run.code).toBe(1);
    expect(`${run.stdout}${run.stderr}`).toContain("refused the request: HTTP 400 Bad Request: your token was Bearer [redacted]");
    expectNoCredential(run);
  });

  it("a user's password and its Basic header, echoed", async () => {
    jamf.faults.push({
      kind: "status", method: "GET", path: /^\/JSSResource\/osxconfigurationprofiles$/, status: 400, times: 1,
      body: (request) => statusPage(400, "Bad Request", `seen: ${Buffer.from(`${USER.username}:${USER.password}`).toString("base64")} and ${tokenOf(request)}`),
    });
    const run = await upload(dir, config, ["--env", "prod"], { JAMF_CLIENT_ID: undefined, JAMF_CLIENT_SECRET: undefined, JAMF_USERNAME: USER.username, JAMF_PASSWORD: USER.password });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("seen: [redacted] and [redacted]");
    expect(run.stderr).not.toContain(Buffer.from(`${USER.username}:${USER.password}`).toString("base64").slice(0, 12));
    expectNoCredential(run);
  });

  it("--dry-run: a stored profile whose description echoes the token is compared, the token not shown", async () => {
    expect((await upload(dir, config, ["--env", "prod"])).code).toBe(0);
    const stored = jamf.world.profiles.find((profile) => profile.name === "Jamf Connect Login (prod)")!;
    jamf.faults.push({
      kind: "status", method: "GET", path: new RegExp(`/osxconfigurationprofiles/id/${stored.id}$`), status: 200, times: 1,
      body: (request) => profileXml({ ...stored, description: `uploaded with ${tokenOf(request)}` }).body,
    });
    const run = await upload(dir, config, ["--env", "prod", "--dry-run"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('its description in Jamf Pro differs from profile.description ("uploaded with [redacted]" there)');
    expectNoCredential(run);
  });

  it("a setting that merely looks like a credential is compared as it is: the second run is unchanged", async () => {
    editConfig(config, (c) => {
      (c.environments["prod"]!["login"] as { settings: Record<string, unknown> }).settings["LoginWindowMessage"] = "Forgot your password: call 555-0100 (token=desk)";
    });
    expect((await upload(dir, config, ["--env", "prod"])).code).toBe(0);
    const again = await uploadJson(dir, config, ["--env", "prod"]);
    expect(again.results.map((result) => result.action)).toEqual(["unchanged", "unchanged"]);
  });
});
