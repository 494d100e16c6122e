/**
 * At a terminal, `jcprofile upload` shows a spinner on stderr while it waits; without one (CI,
 * pipes) it prints no spinner at all (see upload.test.ts, whose stderr holds only a warning).
 * Ctrl-C typed at the terminal, with the spinner (and ora's own signal handling) running, ends it
 * as test/e2e/upload-signals.test.ts shows for signals sent by kill.
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

it("Ctrl-C at a terminal, the spinner running: the done profile's line stays, the token is invalidated, exit 130", async () => {
  const config = writeUploadConfig(dir, jamf);
  // The second create never gets an answer, so the key arrives while upload waits for it.
  jamf.faults.push({ kind: "hang", method: "POST", path: /\/osxconfigurationprofiles\/id\/0$/, times: 1, skip: 1 });
  const pty = runInPty(["upload", "--config", config, "--env", "prod", "--timeout", "60"], { cwd: dir, env: CLIENT_ENV });
  await pty.waitFor('prod  login  created  "Jamf Connect Login (prod)"', 15_000);
  await pty.waitFor('uploading "Jamf Connect Menu Bar (prod)"', 15_000);
  await pty.press("ctrlC");
  expect(await pty.exited).toBe(130);
  expect(pty.screen()).toContain('prod  menubar  interrupted  "Jamf Connect Menu Bar (prod)"');
  expect(pty.screen()).toContain("interrupted (SIGINT): 1 of 2 profiles finished");
  expect([...jamf.world.tokens.values()].every((token) => token.invalidated)).toBe(true);
}, 30_000);
