/**
 * What the probe says when Entra cannot be reached properly: gateway pages, silence, refused
 * connections and the corporate proxy path (HTTPS_PROXY / NO_PROXY). Untrusted certificates need a
 * process of their own: test/e2e/built-cli.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPort, CONTOSO, contosoWorld, startEntraEmulator, type EntraEmulator } from "../entra/emulator.js";
import { startConnectProxy, type ConnectProxy } from "../probe/connect-proxy.js";
import { contosoFlags, parseChecks, runProbeCli } from "../probe/probe-cli.js";

let normal: EntraEmulator;
let gateway: EntraEmulator;
let silent: EntraEmulator;
let proxy: ConnectProxy;
let loginProxy: ConnectProxy;
beforeAll(async () => {
  [normal, gateway, silent, proxy, loginProxy] = await Promise.all([
    startEntraEmulator(contosoWorld()),
    startEntraEmulator(contosoWorld(), { mode: "html502" }),
    startEntraEmulator(contosoWorld(), { mode: "hang" }),
    startConnectProxy(),
    startConnectProxy({ login: "corp-user:fake-proxy-secret" }),
  ]);
});
afterAll(() => Promise.all([normal.close(), gateway.close(), silent.close(), proxy.close(), loginProxy.close()]));

const tenantCheck = async (args: string[], env: Record<string, string | undefined> = {}) => {
  const run = await runProbeCli([...args, "--json"], { env });
  return { run, checks: parseChecks(run) };
};

describe.concurrent("jcprofile probe when the network misbehaves", () => {
  it("names a gateway's HTML 502 and stops there", async () => {
    const { run, checks } = await tenantCheck(contosoFlags(gateway));
    expect(run.code).toBe(3);
    expect(checks.map((c) => [c.kind, c.outcome])).toEqual([["tenant", "unexpected-response"], ["app", "skipped"]]);
    expect(checks[0]).toMatchObject({ httpStatus: 502, hint: expect.stringContaining("HTTP 502 text/html") });
    expect(gateway.tokenRequests()).toBe(0);
  });

  it("gives up on a server that never answers after --timeout seconds", async () => {
    const started = Date.now();
    const { run, checks } = await tenantCheck([...contosoFlags(silent), "--timeout", "1"]);
    expect(run.code).toBe(3);
    expect(checks[0]).toMatchObject({ outcome: "timeout", httpStatus: null, hint: expect.stringContaining("no answer within 1 s") });
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it("names a refused connection", async () => {
    const { run, checks } = await tenantCheck(contosoFlags({ url: `https://127.0.0.1:${await closedPort()}` }));
    expect(run.code).toBe(3);
    expect(checks[0]).toMatchObject({ outcome: "network-error", hint: expect.stringContaining("the authority host refused the connection (ECONNREFUSED): check cloud/authorityHost and its port") });
  });

  it("goes through HTTPS_PROXY with a CONNECT tunnel", async () => {
    const { run, checks } = await tenantCheck(contosoFlags(normal), { HTTPS_PROXY: proxy.url });
    expect(run.code, run.stderr).toBe(0);
    expect(checks.map((c) => c.outcome)).toEqual(["ok", "ok"]);
    expect(proxy.tunnels.filter((target) => target === normal.host).length).toBeGreaterThanOrEqual(1);
  });

  it("blames the proxy when HTTPS_PROXY does not answer, and bypasses it for NO_PROXY hosts", async () => {
    const deadProxy = `http://127.0.0.1:${await closedPort()}`;
    const broken = await tenantCheck(contosoFlags(normal), { HTTPS_PROXY: deadProxy });
    expect(broken.run.code).toBe(3);
    expect(broken.checks[0]).toMatchObject({ outcome: "network-error", hint: expect.stringContaining("proxy") });
    const bypassed = await tenantCheck(contosoFlags(normal), { HTTPS_PROXY: deadProxy, NO_PROXY: "127.0.0.1" });
    expect(bypassed.run.code, bypassed.run.stderr).toBe(0);
  });

  it("says a proxy that cannot be reached is down, not that it failed to reach Entra", async () => {
    const deadProxy = `http://127.0.0.1:${await closedPort()}`;
    const { run, checks } = await tenantCheck(contosoFlags(normal), { HTTPS_PROXY: deadProxy });
    expect(run.code).toBe(3);
    expect(checks[0]).toMatchObject({
      outcome: "network-error",
      hint: "the proxy from HTTPS_PROXY cannot be reached (ECONNREFUSED): check the host and port in HTTPS_PROXY, or unset it to connect directly (NO_PROXY for single hosts)",
    });
  });

  it("names a proxy that wants a login (HTTP 407) and how to give it one; with the login in HTTPS_PROXY it goes through, never printed", async () => {
    const refused = await tenantCheck(contosoFlags(normal), { HTTPS_PROXY: loginProxy.url });
    expect(refused.run.code).toBe(3);
    expect(refused.checks[0]).toMatchObject({
      outcome: "network-error",
      hint:
        "the proxy from HTTPS_PROXY asks for a login (HTTP 407 Proxy Authentication Required) before it reaches the authority host: " +
        "put the proxy's user name and password in HTTPS_PROXY (http://user:password@host:port; Basic authentication only), " +
        "or have the proxy let the authority host through without a login",
    });
    expect(refused.run.stderr).not.toMatch(/\n\s+at /);
    const withLogin = loginProxy.url.replace("http://", "http://corp-user:fake-proxy-secret@");
    const passed = await tenantCheck(contosoFlags(normal), { HTTPS_PROXY: withLogin });
    expect(passed.run.code, passed.run.stderr).toBe(0);
    expect(passed.checks.map((c) => c.outcome)).toEqual(["ok", "ok"]);
    expect(passed.run.stdout + passed.run.stderr).not.toContain("fake-proxy-secret");
  });

  it("prints the table (not JSON) by default, with no spinner when not on a terminal", async () => {
    const run = await runProbeCli(contosoFlags(normal));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^TARGET\s+CHECK\s+OUTCOME/);
    expect(run.stdout).toContain(`Tenant ${CONTOSO.domain} is ${CONTOSO.tenantId}`);
    expect(run.stderr).toBe("");
  });
});
