/**
 * upload as a hostile config and a misbehaving server would try it: a Jamf Pro URL carrying
 * credentials, a query or a fragment, http://, and servers that answer what Jamf Pro never would.
 * Every case: a clear message, the right exit code, and the sentinel secret in no output.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { caCertPath } from "../entra/emulator.js";
import { closeServer, listenOnLoopback } from "../entra/local-server.js";
import { tempDir } from "../folders.js";
import { writeUploadConfig } from "../jamfpro/upload-cli.js";
import { runCli, type CliRun } from "../run-cli.js";

const SECRET = "Sentinel-Hostile-Upload-4d1e";

let dir: string;
let cleanup: () => void;
let server: Server | undefined;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(async () => {
  cleanup();
  if (server) await closeServer(server);
  server = undefined;
});

/** An HTTPS server on 127.0.0.1 (the test certificate, trusted through NODE_EXTRA_CA_CERTS) that answers every request with `answer`. */
async function startServer(answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  const key = readFileSync(new URL("../entra/certs/key.pem", import.meta.url));
  server = createServer({ key, cert: readFileSync(caCertPath) }, (request, response) => {
    request.resume();
    request.on("end", () => answer(request, response));
  });
  return `https://127.0.0.1:${await listenOnLoopback(server)}`;
}

const upload = (url: string, args: string[] = []) =>
  runCli(["upload", "--config", writeUploadConfig(dir, { url }), "--env", "prod", "--timeout", "10", ...args], { cwd: dir, env });

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

describe("a server that answers what Jamf Pro never would", () => {
  it("streaming a body of 40 MB: cut off at 32 MB, exit 3 naming the server", async () => {
    const url = await startServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      let sent = 0;
      const more = (): void => {
        while (sent < 40) {
          sent++;
          if (!response.write(chunk)) return void response.once("drain", more);
        }
        response.end();
      };
      more();
    });
    const run = await upload(url, ["--json"]);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain("127.0.0.1");
    expect(run.stderr).toContain("larger than 32 MB");
    expect(JSON.parse(run.stdout).map((result: { action: string }) => result.action)).toEqual(["failed", "failed"]);
    expectNoSecret(run);
  });

  it("redirecting to another host: exit 3 naming where, nothing sent there, the secret never shown", async () => {
    const url = await startServer((_request, response) => {
      response.writeHead(302, { location: `https://user:${SECRET}@login.elsewhere.example/steal?token=${SECRET}` });
      response.end();
    });
    const run = await upload(url);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain("redirects to https://login.elsewhere.example (HTTP 302)");
    expect(run.stderr).toContain("set jamfPro.url");
    expectNoSecret(run);
  });

  it("handing out a token with a line break in it: exit 3, the token never shown", async () => {
    const url = await startServer((request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(request.url?.endsWith("/token") ? JSON.stringify({ access_token: `${SECRET}\nX`, expires_in: 1200 }) : "");
    });
    const run = await upload(url);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain("carries a token with spaces or control characters");
    expectNoSecret(run);
  });
});
