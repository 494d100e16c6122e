/**
 * Secrets in mistyped options, proxies written as corporate Macs have them, and authority hosts
 * that carry more than a host: in-process through run(args, io).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTOSO, contosoWorld, startEntraEmulator, type EntraEmulator } from "../entra/emulator.js";
import { startConnectProxy, type ConnectProxy } from "../probe/connect-proxy.js";
import { contosoFlags, parseChecks, runProbeCli } from "../probe/probe-cli.js";
import { runCli, type CliRun } from "../run-cli.js";
import { tempDir } from "../folders.js";

const SECRET = "S3cret-d0-not-print";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Exit 2, one message that mentions each of `words`, no stack, no secret. */
function expectUsageError(run: CliRun, ...words: string[]): void {
  expect(run.code, run.stderr).toBe(2);
  for (const word of words) expect(run.stderr).toContain(word);
  expect(run.stderr).not.toContain(SECRET);
  expect(run.stdout).not.toContain(SECRET);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe("a mistyped option written as --name=value", () => {
  it.each([
    [["probe", `--password-stdin=${SECRET}`], "--password-stdin=…"],
    [["probe", "--username", "adele@contoso.com", `--pasword=${SECRET}`], "--pasword=…"],
    [["build", `--chek=${SECRET}`], "--chek=…"],
    [["init", `--json=${SECRET}`], "--json=…"],
  ])("%s (case %#) is reported without its value", async (args, shown) => {
    expectUsageError(await runCli(args, { cwd: dir }), `unknown option '${shown}'`);
  });
});

describe("HTTPS_PROXY", () => {
  let emu: EntraEmulator;
  let proxy: ConnectProxy;
  beforeAll(async () => ([emu, proxy] = await Promise.all([startEntraEmulator(contosoWorld()), startConnectProxy()])));
  afterAll(() => Promise.all([emu.close(), proxy.close()]));

  it.each(["127.0.0.1", "localhost"])("without a scheme (%s:port) is read as http://host:port, as curl does", async (host) => {
    const before = proxy.tunnels.length;
    const port = new URL(proxy.url).port;
    const run = await runProbeCli([...contosoFlags(emu), "--json"], { env: { HTTPS_PROXY: `${host}:${port}` } });
    expect(run.code, run.stderr).toBe(0);
    expect(parseChecks(run).map((check) => check.outcome)).toEqual(["ok", "ok"]);
    expect(proxy.tunnels.slice(before)).toContain(emu.host);
  });

  it.each([
    ["HTTPS_PROXY", `http://proxyuser:${SECRET}@[broken`],
    ["https_proxy", "http://[::1"],
    ["HTTPS_PROXY", "socks5://127.0.0.1:1080"],
  ])("%s that cannot be used (case %#) is exit 2 naming the variable", async (name, value) => {
    const before = emu.requests.length;
    const run = await runProbeCli(contosoFlags(emu), { env: { [name]: value } });
    expectUsageError(run, name, "http://host:port");
    expect(emu.requests).toHaveLength(before);
  });
});

describe("an authority host with more than https://host", () => {
  const cases = [
    [`https://admin:${SECRET}@login.microsoftonline.us`, "user name or password"],
    ["https://login.microsoftonline.us/common", "has a path"],
    ["https://login.microsoftonline.us?tenant=x", "has a query"],
    ["https://login.microsoftonline.us#frag", "has a fragment"],
  ] as const;

  it.each(cases)("probe --authority-host %s: exit 2 (%s)", async (value, why) => {
    const run = await runCli(["probe", "--tenant", CONTOSO.domain, "--client-id", CONTOSO.oidcClientId, "--authority-host", value], { cwd: dir });
    expectUsageError(run, "--authority-host", why);
  });

  it.each(cases)("init --authority-host %s: exit 2 (%s)", async (value, why) => {
    const run = await runCli(["init", "--no-probe", "--yes", "--authority-host", value], { cwd: dir });
    expectUsageError(run, "--authority-host", why);
  });

  it.each(cases)('"authorityHost": %s in the config: exit 2 (%s)', async (value, why) => {
    const environment = { tenant: CONTOSO.domain, authorityHost: value, login: { clientId: CONTOSO.oidcClientId } };
    const config = { organization: "Contoso Ltd", identifier: "com.contoso.jamfconnect", environments: { prod: environment } };
    writeFileSync(join(dir, "jcprofile.json"), JSON.stringify(config));
    const run = await runCli(["build"], { cwd: dir });
    expectUsageError(run, "environments.prod.authorityHost", why);
  });
});
