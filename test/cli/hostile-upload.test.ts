/**
 * upload as a hostile config and a misbehaving server would try it: a Jamf Pro URL carrying
 * credentials, a query or a fragment, http://, and servers that answer what Jamf Pro never would.
 * Every case: a clear message, the right exit code, and the sentinel secret in no output.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "../folders.js";
import { writeUploadConfig } from "../jamfpro/upload-cli.js";
import { runCli, type CliRun } from "../run-cli.js";

const SECRET = "Sentinel-Hostile-Upload-4d1e";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const env = { JAMF_CLIENT_ID: "client", JAMF_CLIENT_SECRET: SECRET, JAMF_PASSWORD: SECRET, HTTPS_PROXY: undefined, https_proxy: undefined };

function expectNoSecret(run: CliRun): void {
  expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET);
  expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET.slice(0, 8));
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe("a Jamf Pro URL that is more than the server's address", () => {
  it.each([
    [`https://admin:${SECRET}@contoso.jamfcloud.com`, "has a user name or password in it"],
    [`https://${SECRET}@contoso.jamfcloud.com`, "has a user name or password in it"],
    [`https://contoso.jamfcloud.com/?token=${SECRET}`, "has a query"],
    [`https://a.jamfcloud.com/?t=${SECRET.slice(0, 10)}`, "has a query"],
    [`https://contoso.jamfcloud.com/#${SECRET}`, "has a fragment"],
    ["http://contoso.jamfcloud.com", "is http://"],
  ])("%s: exit 2 naming jamfPro.url, before any request, the secret never shown", async (url, says) => {
    const config = writeUploadConfig(dir, { url });
    const run = await runCli(["upload", "--config", config], { cwd: dir, env });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain("defaults.jamfPro.url");
    expect(run.stderr).toContain(says);
    expectNoSecret(run);
  });
});
