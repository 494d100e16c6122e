/**
 * An authorization code lives about ten minutes (test/entra/authorize.ts, CODE_LIFETIME_MS): an
 * address pasted later is refused by Entra with AADSTS70008, and signin explains it (exit 1). The
 * emulator runs on a clock of its own, moved by the test between the browser and the paste.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CODE_LIFETIME_MS } from "../entra/authorize.js";
import { CONTOSO, contosoWorld, startEntraEmulator, type EntraEmulator } from "../entra/emulator.js";
import { useTempDir } from "../folders.js";
import { runSigninCli } from "../signin/signin-cli.js";

const START = new Date("2031-03-09T08:00:00Z");
let now = START;
let emu: EntraEmulator;
let dir: string;
beforeAll(async () => {
  emu = await startEntraEmulator(contosoWorld(), { now: () => now });
});
afterAll(() => emu.close());
useTempDir((made) => (dir = made), { prefix: "jcprofile-signin-expired-" });

function writeConfig(): void {
  const config = {
    organization: "Contoso",
    identifier: "com.contoso.jamfconnect",
    defaults: { authorityHost: emu.url, tenant: CONTOSO.domain, login: { clientId: CONTOSO.oidcClientId, adminRoles: ["Admin"] } },
    environments: { prod: {} },
  };
  writeFileSync(join(dir, "jcprofile.json"), JSON.stringify(config, null, 2));
}

/** Pastes what the browser ended on, `delay` after the code was issued. */
const pasteAfter = (delay: number) => (end: { address?: string }) => {
  now = new Date(START.getTime() + delay);
  return end.address;
};

describe("jcprofile signin with an address pasted late", () => {
  it("explains an expired code (AADSTS70008) with exit 1", async () => {
    now = START;
    emu.reset();
    writeConfig();
    const run = await runSigninCli(["--json"], { cwd: dir, user: CONTOSO.users.active, paste: pasteAfter(CODE_LIFETIME_MS + 60_000) });
    expect(run.code, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ signedIn: false, aadsts: 70008, refusedAt: "code redemption" });
    expect(run.stdout).toContain("paste the new address promptly");
  });

  it("redeems the same code pasted within its lifetime", async () => {
    now = START;
    emu.reset();
    writeConfig();
    const run = await runSigninCli(["--json"], { cwd: dir, user: CONTOSO.users.active, paste: pasteAfter(CODE_LIFETIME_MS - 60_000) });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ signedIn: true });
  });
});
