/**
 * What can go wrong after the browser, when signin redeems the pasted code. An authorization code
 * lives about ten minutes (test/entra/authorize.ts, CODE_LIFETIME_MS): an address pasted later is
 * refused by Entra with AADSTS70008, and signin explains it (exit 1). A redemption that gets no
 * answer is not a refusal: exit 3, said in words. The emulator runs on a clock of its own, moved by
 * the test between the browser and the paste, and its failure mode is switched there too.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CODE_LIFETIME_MS } from "../entra/authorize.js";
import { CONTOSO, contosoWorld, startEntraEmulator, type EntraEmulator } from "../entra/emulator.js";
import { useTempDir } from "../folders.js";
import { runSigninCli } from "../signin/signin-cli.js";

// The emulator's clock starts at the wall clock signin itself reads (runSigninCli's io.now), so the
// tokens it issues are dated by the same clock as the run, on any day; only the code's age moves.
const START = new Date();
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

/** Pastes what the browser ended on once the emulator has switched to a failure mode. */
const pasteWhen = (mode: EntraEmulator["mode"]) => (end: { address?: string }) => {
  emu.mode = mode;
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

  it.each([
    ["gives no answer in time", "hang", ["--timeout", "1"], "no answer in time"],
    ["answers with an HTML error page", "html502", [], "unexpected answer"],
  ] as const)("says the sign-in was not finished when Entra %s at redemption (exit 3)", async (_name, mode, flags, cause) => {
    now = START;
    emu.reset();
    writeConfig();
    const run = await runSigninCli([...flags], { cwd: dir, user: CONTOSO.users.active, paste: pasteWhen(mode) });
    expect(run.code, run.stderr).toBe(3);
    expect(run.stdout).toContain(`Sign-in to app ${CONTOSO.oidcClientId} not finished (code redemption): ${cause} — `);
    expect(run.stdout).not.toContain("refused");
  });
});
