/**
 * runUpload interrupted in-process (the signal itself is test/e2e/upload-signals.test.ts): an
 * abort during a Retry-After wait ends the wait at once, reports every profile as not done, sends
 * nothing more but the token's invalidation; an abort while only reading says that nothing was changed.
 */
import { expect, it } from "vitest";
import { sleepUnlessAborted } from "../../src/commands/upload.js";
import { runUpload } from "../../src/upload/run-upload.js";
import { sendHttp, type HttpRequest, type HttpResult } from "../../src/net/http.js";
import { problemText } from "../../src/problem.js";
import { loadAndRender } from "../../src/project/load-and-render.js";
import type { JamfProDouble } from "../jamfpro/server.js";
import { CLIENT_ENV, useUploadWorld } from "../jamfpro/upload-cli.js";

let jamf: JamfProDouble;
let dir: string;
let config: string;
useUploadWorld("jcprofile-upload-interrupt-", (world) => ({ jamf, dir, config } = world));

/** The prod profiles as runUpload takes them, and options that send to the double through `send`. */
function prodRun(send: (request: HttpRequest, signal?: AbortSignal) => Promise<HttpResult> = sendToDouble) {
  const { environments, profiles } = loadAndRender({ cwd: dir, config, envs: ["prod"] });
  const jamfPro = environments.find((environment) => environment.name === "prod")!.jamfPro!;
  const items = profiles.map((profile) => ({ environment: "prod", target: profile.name, name: profile.displayName, profile: profile.dictionary, jamfPro }));
  return { items, env: CLIENT_ENV, dryRun: false, overrides: { takeOver: [], allowRemoval: [] }, send, sleep: sleepUnlessAborted, now: () => Date.now() };
}

function sendToDouble(request: HttpRequest, signal?: AbortSignal): Promise<HttpResult> {
  return sendHttp(request, { fetch: (url, init) => fetch(url, init), viaProxy: false, timeoutSeconds: 10, ...(signal !== undefined && { signal }) });
}

it("an interrupt while upload only reads the stored profile: it says no change was sent, not that Jamf Pro may have made one", async () => {
  expect((await runUpload(prodRun())).map((result) => result.action)).toEqual(["created", "created"]);
  const login = jamf.world.profiles.find((profile) => profile.name === "Jamf Connect Login (prod)")!;
  const read = new RegExp(`/osxconfigurationprofiles/id/${login.id}$`);
  jamf.faults.push({ kind: "hang", method: "GET", path: read, times: 1 });
  const stop = new AbortController();
  const results = await runUpload({
    ...prodRun((request, signal) => {
      // Once the read of the stored login profile is on its way (it hangs at the double): Ctrl-C.
      if (read.test(new URL(request.url).pathname)) setImmediate(() => stop.abort("SIGINT"));
      return sendToDouble(request, signal);
    }),
    signal: stop.signal,
  });
  expect(results.map((result) => [result.action, result.problem === undefined ? "" : problemText(result.problem)])).toEqual([
    ["interrupted", "interrupted (SIGINT) while reading from Jamf Pro — no change was sent for this profile; run upload again to finish"],
    ["interrupted", "not done: interrupted (SIGINT)"],
  ]);
  expect(jamf.writes().filter((request) => request.method === "PUT")).toEqual([]);
});

it("an interrupt during a wait Jamf Pro asked for: the wait ends, nothing more is sent, the token is invalidated", async () => {
  jamf.faults.push({ kind: "status", method: "GET", path: /^\/JSSResource\/osxconfigurationprofiles$/, status: 503, retryAfter: "50", times: 1 });
  const stop = new AbortController();
  const said: string[] = [];
  const reported: string[] = [];
  const results = await runUpload({
    ...prodRun(),
    signal: stop.signal,
    waitBudget: { leftMs: 60_000, words: "--timeout 60 s" },
    onWait: (text) => {
      said.push(text);
      // Once the wait has begun: the signal ends a wait already under way.
      setImmediate(() => stop.abort("SIGINT"));
    },
    onResult: (result) => reported.push(`${result.target} ${result.action}`),
  });
  expect(said).toEqual([`Jamf Pro at ${new URL(jamf.url).host} asks to wait 50 s (HTTP 503) — waiting, then try 2 of 4`]);
  expect(reported).toEqual(["login interrupted", "menubar interrupted"]);
  expect(results.map((result) => result.problem?.message)).toEqual(["not done: interrupted (SIGINT)", "not done: interrupted (SIGINT)"]);
  expect(jamf.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
    "POST /api/v1/oauth/token",
    "GET /JSSResource/osxconfigurationprofiles",
    "POST /api/v1/auth/invalidate-token",
  ]);
  expect([...jamf.world.tokens.values()].every((token) => token.invalidated)).toBe(true);
});
