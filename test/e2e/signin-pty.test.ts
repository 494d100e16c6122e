/**
 * `jcprofile signin` at a terminal, as the built CLI in a pseudo-terminal: the prompt that takes the
 * pasted address without echoing it (the address holds the code), then the result. --no-open keeps
 * the test from starting a browser.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caCertPath, CONTOSO, contosoWorld, startEntraEmulator, type EntraEmulator } from "../entra/emulator.js";
import { signInInBrowser } from "../entra/browser.js";
import { NO_PROXY_ENV } from "../probe/probe-cli.js";
import { runInPty } from "./init-pty.js";

let emu: EntraEmulator;
let dir: string;
beforeAll(async () => {
  emu = await startEntraEmulator(contosoWorld());
  dir = mkdtempSync(join(tmpdir(), "jcprofile-signin-pty-"));
  const config = {
    organization: "Contoso",
    identifier: "com.contoso.jamfconnect",
    defaults: { authorityHost: emu.url, tenant: CONTOSO.domain, login: { clientId: CONTOSO.oidcClientId, adminRoles: ["Admin"] } },
    environments: { prod: {} },
  };
  writeFileSync(join(dir, "jcprofile.json"), JSON.stringify(config));
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("jcprofile signin at a terminal", () => {
  it("takes the pasted address without echoing it and shows the admin verdict", async () => {
    const pty = runInPty(["signin", "--no-open", "--username", CONTOSO.users.active.upn], {
      cwd: dir,
      env: { ...NO_PROXY_ENV, NODE_EXTRA_CA_CERTS: caCertPath },
    });
    const timer = setTimeout(() => pty.kill(), 25_000);
    try {
      await pty.waitFor("Paste the address the browser ended on");
      const url = /https:\/\/127\.0\.0\.1:\d+\/[^\s]+\/oauth2\/v2\.0\/authorize\?[^\s]+/.exec(pty.screen())?.[0];
      expect(url, pty.screen()).toBeDefined();
      const end = await signInInBrowser(url!, CONTOSO.users.active);
      expect("address" in end).toBe(true);
      const address = (end as { address: string }).address;
      await pty.type(address, "enter");
      const code = await pty.exited;
      const screen = pty.screen();
      expect(code, screen).toBe(0);
      expect(screen).toMatch(/admin on the Mac\s+yes — roles holds Admin/);
      expect(screen).not.toContain(new URL(address).searchParams.get("code")!);
    } finally {
      clearTimeout(timer);
      pty.kill();
    }
  });
});
