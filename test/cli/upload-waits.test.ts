/**
 * `jcprofile upload` when Jamf Pro makes it wait: a 503 with Retry-After, a token that runs out
 * during the wait, a server that never answers. Each waits a second or two on the real clock
 * (the retry arithmetic is unit-tested on a fake one in src/jamfpro/client.test.ts), so they run
 * concurrently, each on its own Jamf Pro double and folder.
 */
import { describe, expect, it, type TestContext } from "vitest";
import { tempDir } from "../folders.js";
import { startJamfPro } from "../jamfpro/server.js";
import { checkOutputsAfterAll, upload, writeUploadConfig } from "../jamfpro/upload-cli.js";

/** A double and a folder for one test; the test's own onTestFinished (a concurrent test must use its context's). */
async function setUp({ onTestFinished }: TestContext) {
  const jamf = await startJamfPro();
  const { dir, cleanup } = tempDir("jcprofile-upload-waits-");
  onTestFinished(async () => {
    await jamf.close();
    cleanup();
  });
  return { jamf, dir, config: writeUploadConfig(dir, jamf) };
}

checkOutputsAfterAll();

describe.concurrent("jcprofile upload when Jamf Pro makes it wait", () => {
  it("503 with Retry-After is waited out and retried", async (context) => {
    const { expect } = context;
    const { jamf, dir, config } = await setUp(context);
    jamf.faults.push({ kind: "status", method: "GET", path: /^\/JSSResource\/osxconfigurationprofiles$/, status: 503, retryAfter: "1", times: 2 });
    const run = await upload(dir, config, ["--env", "prod"]);
    expect(run.code).toBe(0);
    expect(run.stdout.match(/ created /g)).toHaveLength(2);
    expect(jamf.requests.filter((request) => request.method === "GET" && request.path === "/JSSResource/osxconfigurationprofiles")).toHaveLength(3);
  });

  it("a token that runs out during a long Retry-After is renewed before the write", async (context) => {
    const { expect } = context;
    const { jamf, dir, config } = await setUp(context);
    jamf.world.tokenLifetimeSeconds = 2;
    jamf.faults.push({ kind: "status", method: "POST", path: /osxconfigurationprofiles\/id\/0$/, status: 503, retryAfter: "2", times: 1 });
    const run = await upload(dir, config, ["--env", "prod"]);
    expect(run.code).toBe(0);
    expect(run.stdout.match(/ created /g)).toHaveLength(2);
    expect(jamf.requests.filter((request) => request.path === "/api/v1/oauth/token").length).toBeGreaterThanOrEqual(2);
  });

  it("no answer within --timeout: exit 3 with a hint", async (context) => {
    const { expect } = context;
    const { jamf, dir, config } = await setUp(context);
    jamf.faults.push({ kind: "hang", path: /^\/JSSResource\/osxconfigurationprofiles$/, times: 1 });
    const run = await upload(dir, config, ["--env", "prod", "--timeout", "1"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("within 1 s — check jamfPro.url and the network, or raise --timeout");
  });
});
