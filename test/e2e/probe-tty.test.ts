/**
 * `jcprofile probe --username` at a terminal: the masked prompt and the spinner. util-linux
 * `script` gives the CLI a pseudo-terminal, so stdin and stderr are TTYs as in Terminal.app.
 */
import { spawn } from "node:child_process";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caCertPath, CONTOSO, contosoWorld, startEntraEmulator, type EntraEmulator } from "../entra/emulator.js";
import { contosoFlags, NO_PROXY_ENV, passwordRequests } from "../probe/probe-cli.js";
import { CLI } from "./cli.js";

const SENTINEL = "S3ntinel-Pw-tty-5d2e";
const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;

let emu: EntraEmulator;
beforeAll(async () => {
  const world = contosoWorld();
  world.tenants[0]!.users.find((user) => user.upn === CONTOSO.users.active.upn)!.password = SENTINEL;
  emu = await startEntraEmulator(world);
});
afterAll(() => emu.close());

/** Runs the CLI in a pty; types `answer` + Enter once `prompt` shows. Resolves with the screen and exit code. */
function runAtTerminal(args: string[], prompt: string, answer: string): Promise<{ screen: string; code: number | null }> {
  const command = `stty cols 250 rows 50 2>/dev/null; exec ${quote(process.execPath)} ${quote(CLI)} ${args.map(quote).join(" ")}`;
  const env: Record<string, string | undefined> = { ...process.env, ...NO_PROXY_ENV, TERM: "xterm-256color", NODE_EXTRA_CA_CERTS: caCertPath };
  delete env["CI"];
  delete env["JCPROFILE_PASSWORD"];
  const child = spawn("/usr/bin/script", ["-qfec", command, "/dev/null"], { env, stdio: ["pipe", "pipe", "pipe"] });
  let raw = "";
  let typed = false;
  const onData = (chunk: Buffer) => {
    raw += chunk.toString("utf8");
    if (!typed && stripVTControlCharacters(raw).includes(prompt)) {
      typed = true;
      // A short pause, so the prompt has put the terminal in raw mode before the keys arrive.
      setTimeout(() => child.stdin.write(`${answer}\r`), 150);
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  return new Promise((resolve) => child.on("close", (code) => {
    clearTimeout(timer);
    resolve({ screen: stripVTControlCharacters(raw), code });
  }));
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
