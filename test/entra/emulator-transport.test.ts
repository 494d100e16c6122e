/**
 * The failure modes a probe must survive (gateway HTML, silence, junk, nobody listening) and the
 * certificate story for child processes (NODE_EXTRA_CA_CERTS).
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { caCertPath, closedPort, CONTOSO, contosoWorld, startEntraEmulator } from "./emulator.js";
import type { EntraEmulator } from "./emulator.js";
import { useContosoEmulator } from "./use-emulator.js";
import { httpsRequest } from "./https-client.js";

const run = promisify(execFile);

let emu: EntraEmulator;
useContosoEmulator((started) => (emu = started));

const tokenUrl = () => `${emu.url}/${CONTOSO.tenantId}/oauth2/v2.0/token`;
const post = (signal?: AbortSignal) =>
  httpsRequest(tokenUrl(), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=password",
    ...(signal ? { signal } : {}),
  });

describe("failure modes", () => {
  it("html502 answers every request with a gateway's text/html 502", async () => {
    emu.mode = "html502";
    const res = await post();
    expect(res.status).toBe(502);
    expect(res.headers["content-type"]).toBe("text/html");
    expect(res.text).toContain("<title>502 Bad Gateway</title>");
    expect(() => JSON.parse(res.text) as unknown).toThrow(SyntaxError);
    expect(emu.tokenRequests()).toBe(1);
  });

  it("garbage answers 200 with a JSON content type and a body that is not JSON", async () => {
    emu.mode = "garbage";
    const res = await post();
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(() => JSON.parse(res.text) as unknown).toThrow(SyntaxError);
  });

  it("hang accepts the request and never answers, until the client gives up", async () => {
    emu.mode = "hang";
    const started = Date.now();
    await expect(post(AbortSignal.timeout(300))).rejects.toMatchObject({ name: expect.stringMatching(/AbortError|TimeoutError/) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    const seen = emu.requests.at(-1);
    expect(seen?.method).toBe("POST");
    expect(seen?.status).toBeUndefined();
  });

  it("close() does not wait for hanging requests", async () => {
    const hanging = await startEntraEmulator(contosoWorld(), { mode: "hang" });
    const pending = httpsRequest(`${hanging.url}/${CONTOSO.tenantId}/v2.0/.well-known/openid-configuration`).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await hanging.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });

  it("mode can go back to normal between requests", async () => {
    emu.mode = "html502";
    expect((await post()).status).toBe(502);
    emu.mode = "normal";
    expect((await post()).status).toBe(400);
  });

  it("closedPort() gives a port where connections are refused", async () => {
    const port = await closedPort();
    await expect(httpsRequest(`https://127.0.0.1:${port}/x`)).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});

describe("child processes trust the emulator through NODE_EXTRA_CA_CERTS", () => {
  const fetchIssuer = (tenant: string) =>
    `fetch('${emu.url}/${tenant}/v2.0/.well-known/openid-configuration').then(r=>r.json()).then(j=>console.log(j.issuer))`;

  it("a plain fetch of the openid-configuration works and prints the GUID issuer", async () => {
    const { stdout } = await run(process.execPath, ["-e", fetchIssuer(CONTOSO.domain)], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: caCertPath },
      timeout: 15_000,
    });
    expect(stdout.trim()).toBe(`https://${emu.host}/${CONTOSO.tenantId}/v2.0`);
  });

  it("without the variable the same fetch fails on the certificate", async () => {
    const env = { ...process.env };
    delete env["NODE_EXTRA_CA_CERTS"];
    delete env["NODE_TLS_REJECT_UNAUTHORIZED"];
    const script = `${fetchIssuer(CONTOSO.tenantId)}.catch(e=>{console.log(e.cause?.code ?? e.message);process.exitCode=1})`;
    const failed = await run(process.execPath, ["-e", script], { env, timeout: 15_000 }).catch((e: { stdout: string }) => e);
    expect(failed.stdout).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO/);
  });
});
