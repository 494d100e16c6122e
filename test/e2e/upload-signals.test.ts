/**
 * An interrupted upload (issue 22 item 7), in a real process because only one receives signals:
 * the first profile is created, the second create hangs at the Jamf Pro double, and then Ctrl-C
 * (SIGINT), SIGTERM or SIGHUP arrives. The finished profile's line is out before the signal (text)
 * or in the array printed on the way out (--json), the hanging one is reported as interrupted, the
 * token is invalidated, and the process ends by the signal, as a shell expects.
 */
import { spawn } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLI, cliEnv, tempDir } from "./cli.js";
import { startJamfPro, type JamfProDouble } from "../jamfpro/server.js";
import { CLIENT_ENV, writeUploadConfig } from "../jamfpro/upload-cli.js";

let jamf: JamfProDouble;
let dir: string;
let cleanup: () => void;

beforeEach(async () => {
  jamf = await startJamfPro();
  ({ dir, cleanup } = tempDir("jcprofile-upload-signals-"));
});
afterEach(async () => {
  await jamf.close();
  cleanup();
});

/** Resolves when `check` holds; fails the test with `what` after 15 s (a hang, not a speed limit). */
async function until(check: () => boolean, what: () => string): Promise<void> {
  for (let waited = 0; !check(); waited += 50) {
    if (waited > 15_000) throw new Error(`still waiting: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const creates = () => jamf.requests.filter((request) => request.method === "POST" && request.path.endsWith("/osxconfigurationprofiles/id/0"));

describe("jcprofile upload interrupted while the second profile is being created", () => {
  it.each([
    ["SIGINT", []],
    ["SIGTERM", ["--json"]],
    ["SIGHUP", []],
  ] as const)("%s %j: what finished is printed, the rest is interrupted, the token invalidated", async (signal, args) => {
    // --timeout 60: the hanging create would otherwise end by itself before the signal matters.
    jamf.faults.push({ kind: "hang", method: "POST", path: /\/osxconfigurationprofiles\/id\/0$/, times: 1, skip: 1 });
    const config = writeUploadConfig(dir, jamf);
    const child = spawn(process.execPath, [CLI, "upload", "--config", config, "--env", "prod", "--timeout", "60", ...args], {
      cwd: dir,
      env: cliEnv(["upload"], CLIENT_ENV),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("close", (code, how) => resolve({ code, signal: how })));
    const killer = setTimeout(() => child.kill("SIGKILL"), 25_000);
    try {
      await until(() => creates().length === 2, () => `a second create; stderr: ${stderr}`);
      // Each line is printed when its profile is done, not held to the end.
      if (args.length === 0) await until(() => stdout.includes('prod  login  created  "Jamf Connect Login (prod)"'), () => `the first line; stdout: ${stdout}`);
      child.kill(signal);
      const end = await ended;
      expect(end.signal, `${stdout}\n${stderr}`).toBe(signal);
      if (args.length === 0) {
        expect(stdout).toContain('prod  login  created  "Jamf Connect Login (prod)"');
        expect(stdout).toContain('prod  menubar  interrupted  "Jamf Connect Menu Bar (prod)"');
      } else {
        const results = JSON.parse(stdout) as { action: string; name: string; error: string | null }[];
        expect(results.map((result) => result.action)).toEqual(["created", "interrupted"]);
      }
      expect(stderr).toContain(`interrupted (${signal}) before Jamf Pro answered — it may have made this change; run upload again to finish`);
      expect(stderr).toContain(`interrupted (${signal}): 1 of 2 profiles finished (listed above), and Jamf Pro was asked to invalidate the token`);
      expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(jamf.requests.filter((request) => request.path === "/api/v1/auth/invalidate-token")).toHaveLength(1);
      expect([...jamf.world.tokens.values()].every((token) => token.invalidated)).toBe(true);
    } finally {
      clearTimeout(killer);
      child.kill("SIGKILL");
    }
  });
});
