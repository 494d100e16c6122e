/**
 * `jcprofile probe --username` at a terminal: the masked prompt and the spinner. util-linux
 * `script` gives the CLI a pseudo-terminal, so stdin and stderr are TTYs as in Terminal.app.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caCertPath, CONTOSO, contosoWorld, startEntraEmulator, type EntraEmulator } from "../entra/emulator.js";
import { contosoFlags, NO_PROXY_ENV, passwordRequests } from "../probe/probe-cli.js";
import { REPO_ROOT } from "./cli.js";
import { KEYS, runInPty } from "./init-pty.js";

const SENTINEL = "S3ntinel-Pw-tty-5d2e";

let emu: EntraEmulator;
beforeAll(async () => {
  const world = contosoWorld();
  world.tenants[0]!.users.find((user) => user.upn === CONTOSO.users.active.upn)!.password = SENTINEL;
  emu = await startEntraEmulator(world);
});
afterAll(() => emu.close());

/** Runs the CLI in a pty; types `answer` + Enter once `prompt` shows. Resolves with the screen and exit code. */
async function runAtTerminal(args: string[], prompt: string, answer: string): Promise<{ screen: string; code: number | null }> {
  const pty = runInPty(args, { cwd: REPO_ROOT, env: { ...NO_PROXY_ENV, NODE_EXTRA_CA_CERTS: caCertPath, JCPROFILE_PASSWORD: undefined } });
  const timer = setTimeout(() => pty.kill(), 20_000);
  try {
    await pty.waitFor(prompt);
    await pty.type(answer, "enter");
    const code = await pty.exited;
    return { screen: pty.screen(), code };
  } finally {
    clearTimeout(timer);
    pty.kill();
  }
}

describe("jcprofile probe at a terminal", () => {
  it("asks for the password masked, shows a spinner while waiting, and never shows the password", async () => {
    const { screen, code } = await runAtTerminal(
      ["probe", ...contosoFlags(emu), "--scopes", `api://${CONTOSO.apiAppId}/jamfconnect+openid`, "--username", CONTOSO.users.active.upn],
      `Password for ${CONTOSO.users.active.upn}`,
      SENTINEL,
    );
    expect(code, screen).toBe(0);
    expect(screen).toContain("*".repeat(SENTINEL.length));
    expect(screen).not.toContain(SENTINEL);
    expect(screen).toMatch(/looking up tenant|checking the (app|password)/);
    expect(screen).toMatch(/password\s+success\s+pass\s+yes/);
    expect(passwordRequests(emu, CONTOSO.users.active.upn)).toBe(1);
  });
});

describe("jcprofile probe's password prompt", () => {
  const args = () => ["probe", ...contosoFlags(emu), "--username", CONTOSO.users.active.upn];

  it("has no show-password toggle: Ctrl-T leaves the password masked", async () => {
    const pty = runInPty(args(), { cwd: REPO_ROOT, env: { ...NO_PROXY_ENV, NODE_EXTRA_CA_CERTS: caCertPath, JCPROFILE_PASSWORD: undefined } });
    const timer = setTimeout(() => pty.kill(), 20_000);
    try {
      await pty.waitFor(`Password for ${CONTOSO.users.active.upn}`);
      await pty.type(SENTINEL);
      await pty.type("\x14");
      await pty.type("", "enter");
      await pty.exited;
      expect(pty.screen()).not.toContain(SENTINEL);
    } finally {
      clearTimeout(timer);
      pty.kill();
    }
  });

  it.each([
    ["Ctrl-C", KEYS.ctrlC],
    ["Ctrl-D", KEYS.ctrlD],
  ])("%s at the prompt exits 130 with one line and sends no password", async (_name, key) => {
    emu.reset();
    const pty = runInPty(args(), { cwd: REPO_ROOT, env: { ...NO_PROXY_ENV, NODE_EXTRA_CA_CERTS: caCertPath, JCPROFILE_PASSWORD: undefined } });
    const timer = setTimeout(() => pty.kill(), 20_000);
    try {
      await pty.waitFor(`Password for ${CONTOSO.users.active.upn}`);
      await pty.type(key);
      const code = await pty.exited;
      expect(code, pty.screen()).toBe(130);
      expect(pty.screen()).toContain("probe cancelled — no password was sent");
      expect(passwordRequests(emu, CONTOSO.users.active.upn)).toBe(0);
    } finally {
      clearTimeout(timer);
      pty.kill();
    }
  });
});
