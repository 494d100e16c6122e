/**
 * `jcprofile upload` when Jamf Pro makes it wait: a 503 with Retry-After, a token that runs out
 * during the wait, a server that never answers. Each waits a second or two on the real clock
 * (the retry arithmetic is unit-tested on a fake one in src/jamfpro/client.test.ts), so they run
 * concurrently, each on its own Jamf Pro double and folder.
 */
import { describe, it, type TestContext } from "vitest";
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
    // Said on stderr before each wait.
    expect(run.stderr).toContain(`Jamf Pro at ${new URL(jamf.url).host} asks to wait 1 s (HTTP 503) — waiting, then try 2 of 4`);
    expect(run.stderr).toContain("waiting, then try 3 of 4");
  });

  it.for([
    ["3600", "asks to wait 3600 s (HTTP 503), longer than upload waits (at most 60 s at a time"],
    ["Thu, 01 Jan 2099 00:00:00 GMT", "s (until 2099-01-01 00:00:00 UTC) (HTTP 503), longer than upload waits"],
    ["40", "asks to wait 40 s (HTTP 503), longer than upload waits (at most 60 s at a time, 30 s left of --timeout 30 s for all waits of this run) — try again later, or raise --timeout"],
  ])("Retry-After %s: not waited for, exit 3 at once saying what was asked", async ([retryAfter, says], context) => {
    const { expect } = context;
    const { jamf, dir, config } = await setUp(context);
    jamf.faults.push({ kind: "status", method: "GET", path: /^\/JSSResource\/osxconfigurationprofiles$/, status: 503, retryAfter, times: 1 });
    // The date is read against the command's clock, not the machine's.
    const run = await upload(dir, config, ["--env", "prod", "--json"], {}, new Date("2026-12-07T12:00:00Z"));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(says);
    const results = JSON.parse(run.stdout) as { action: string; code: string; fix: string }[];
    expect(results.map((result) => [result.action, result.code])).toEqual([["failed", "busy"], ["failed", "busy"]]);
    expect(results[0]!.fix).toMatch(/^try again later(, or raise --timeout)?$/);
    expect(jamf.requests.filter((request) => request.path === "/JSSResource/osxconfigurationprofiles")).toHaveLength(1);
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
