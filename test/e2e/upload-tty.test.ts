/**
 * At a terminal, `jcprofile upload` shows a spinner on stderr while it waits; without one (CI,
 * pipes) it prints no spinner at all (see upload.test.ts, whose stderr holds only a warning).
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { tempDir } from "./cli.js";
import { runInPty } from "./init-pty.js";
import { startJamfPro, type JamfProDouble } from "../jamfpro/server.js";
import { CLIENT_ENV, writeUploadConfig } from "../jamfpro/upload-cli.js";

let jamf: JamfProDouble;
let dir: string;
let cleanup: () => void;

beforeEach(async () => {
  jamf = await startJamfPro();
  ({ dir, cleanup } = tempDir("jcprofile-upload-tty-"));
});
afterEach(async () => {
  await jamf.close();
  cleanup();
});

it("shows a spinner while it waits for Jamf Pro, then the result lines", async () => {
  const config = writeUploadConfig(dir, jamf);
  // A busy server keeps the spinner up for a second.
  jamf.faults.push({ kind: "status", method: "GET", path: /^\/JSSResource\/osxconfigurationprofiles$/, status: 503, retryAfter: "1", times: 1 });
  const pty = runInPty(["upload", "--config", config, "--env", "prod", "--dry-run"], { cwd: dir, env: CLIENT_ENV });
  await pty.waitFor(`reading the profiles of ${jamf.url}`, 15_000);
  expect(await pty.exited).toBe(0);
  expect(pty.screen()).toContain('prod  login  would create  "Jamf Connect Login (prod)"');
}, 30_000);
