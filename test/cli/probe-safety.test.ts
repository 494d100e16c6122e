/**
 * A real person's password is at stake: it never leaves the request body, it is sent at most once
 * per target, never again after a lockout-class answer, and never taken from argv.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { closedPort, CONTOSO, type EntraEmulator } from "../entra/emulator.js";
import { useContosoEmulator } from "../entra/use-emulator.js";
import { contosoFlags, parseChecks, passwordRequests, runProbeCli } from "../probe/probe-cli.js";
import { useTempDir } from "../folders.js";

const { users } = CONTOSO;
const SENTINEL = "S3ntinel-Pw-9c41e7b2";
const CUSTOM = `api://${CONTOSO.apiAppId}/jamfconnect+openid+email+profile`;

let emu: EntraEmulator;
let dir: string;
useContosoEmulator((started) => (emu = started));
useTempDir((made) => (dir = made), { prefix: "jcprofile-probe-safety-" });

/** Every file below a folder whose bytes contain the text. */
function filesContaining(folder: string, text: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) found.push(...filesContaining(path, text));
    else if (readFileSync(path).includes(text)) found.push(path);
  }
  return found;
}

describe("the password", () => {
  it("appears in no output, no --json, no error and no file, whatever the answer", async () => {
    emu.world.tenants[0]!.users.find((user) => user.upn === users.active.upn)!.password = SENTINEL;
    // Anything the CLI might write (caches, logs, temp files) would land in the temp folder.
    const env = { HOME: dir, TMPDIR: dir, XDG_CACHE_HOME: dir, XDG_CONFIG_HOME: dir };
    const user = ["--username", users.active.upn];
    const port = await closedPort();
    const runs = await Promise.all([
      runProbeCli([...contosoFlags(emu), "--scopes", CUSTOM, ...user, "--password-stdin"], { cwd: dir, env, input: `${SENTINEL}\n` }),
      runProbeCli([...contosoFlags(emu), "--scopes", CUSTOM, ...user, "--json"], { cwd: dir, env: { ...env, JCPROFILE_PASSWORD: SENTINEL } }),
      runProbeCli([...contosoFlags(emu), ...user, "--json"], { cwd: dir, env: { ...env, JCPROFILE_PASSWORD: SENTINEL } }),
      runProbeCli([...contosoFlags(emu), ...user, "--password-stdin"], { cwd: dir, env, input: `${SENTINEL}-wrong` }),
      runProbeCli([...contosoFlags(emu), ...user, "--password-stdin"], { cwd: dir, env, input: ` ${SENTINEL} ` }),
      runProbeCli([...contosoFlags({ url: `https://127.0.0.1:${port}` }), ...user, "--json"], { cwd: dir, env: { ...env, JCPROFILE_PASSWORD: SENTINEL } }),
      runProbeCli([...contosoFlags(emu, { clientId: CONTOSO.confidentialClientId }), ...user, "--password-stdin"], { cwd: dir, env, input: SENTINEL }),
    ]);
    // The runs did reach the password level, so the sentinel really was in play.
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 1, 1, 3, 1]);
    expect(parseChecks(runs[1]!).find((check) => check.kind === "password")?.outcome).toBe("success");
    expect(runs[4]!.stderr).toContain("starts or ends with whitespace");
    expect(passwordRequests(emu, users.active.upn)).toBe(5);
    for (const run of runs) {
      expect(run.stdout).not.toContain(SENTINEL);
      expect(run.stderr).not.toContain(SENTINEL);
    }
    expect(filesContaining(dir, SENTINEL)).toEqual([]);
  });

  it("is sent once after a lockout, though a second target would need it", async () => {
    writeFileSync(join(dir, "jcprofile.json"), JSON.stringify({
      organization: "Contoso",
      identifier: "com.contoso.jamfconnect",
      environments: {
        prod: {
          authorityHost: emu.url, tenant: CONTOSO.domain, login: { clientId: CONTOSO.oidcClientId },
          // Different scopes per target, so the two password checks are different requests.
          conditionalAccess: { mode: "custom-scope", apiAppId: CONTOSO.apiAppId, menubarRopgScopes: "openid+profile+email" },
        },
      },
    }));
    const run = await runProbeCli(["--env", "prod", "--json", "--username", users.locked.upn, "--password-stdin"], { cwd: dir, input: users.locked.password });
    expect(run.code).toBe(1);
    const passwords = parseChecks(run).filter((check) => check.kind === "password");
    expect(passwords.map((check) => [check.target, check.outcome])).toEqual([["login", "account-locked"], ["menubar", "skipped"]]);
    expect(passwords[1]!.hint).toContain("got account-locked, AADSTS50053");
    expect(passwordRequests(emu, users.locked.upn)).toBe(1);
    expect(emu.tokenRequests()).toBe(3); // two app checks (generated users) and one password
  });

  it("is refused as a flag, with the ways that work, before anything is sent", async () => {
    for (const args of [["--password", "hunter2-Secret"], ["--password=hunter2-Secret"]]) {
      const run = await runProbeCli([...contosoFlags(emu), "--username", users.active.upn, ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("--password is refused");
      expect(run.stderr).toContain("--password-stdin");
      expect(run.stderr).toContain("JCPROFILE_PASSWORD");
      expect(run.stderr + run.stdout).not.toContain("hunter2-Secret");
    }
    expect(emu.requests).toEqual([]);
  });

  it("without a source and without a terminal is a usage error listing the ways", async () => {
    const run = await runProbeCli([...contosoFlags(emu), "--username", users.active.upn]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no terminal to ask for it .*--password-stdin.*JCPROFILE_PASSWORD.*terminal/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(emu.requests).toEqual([]);
  });

  it("from JCPROFILE_PASSWORD without --username is not used, and the CLI says so", async () => {
    const run = await runProbeCli([...contosoFlags(emu), "--json"], { env: { JCPROFILE_PASSWORD: SENTINEL } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("JCPROFILE_PASSWORD is set but --username is not");
    expect(parseChecks(run).map((check) => check.kind)).toEqual(["tenant", "app"]);
    expect(run.stdout + run.stderr).not.toContain(SENTINEL);
  });

  it("may not be empty", async () => {
    const run = await runProbeCli([...contosoFlags(emu), "--username", users.active.upn, "--password-stdin"], { input: "\n" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("is empty");
    expect(emu.requests).toEqual([]);
  });
});

describe("usage errors exit 2 with a message and send nothing", () => {
  it.each([
    ["mixing config and flags", ["--env", "prod", "--tenant", CONTOSO.domain], "--env and --tenant cannot be mixed"],
    ["neither mode", [], "nothing to probe: probe a config environment (--config FILE --env NAME) or a tenant and app given as flags"],
    ["--tenant without --client-id", ["--tenant", CONTOSO.domain], "--tenant and --client-id go together"],
    ["a tenant that is no GUID or domain", ["--tenant", "common", "--client-id", CONTOSO.oidcClientId], '--tenant "common" is not a tenant ID or domain'],
    ["a client ID that is no GUID", ["--tenant", CONTOSO.domain, "--client-id", "jamf"], '--client-id "jamf" is not a GUID'],
    ["an http authority", ["--tenant", CONTOSO.domain, "--client-id", CONTOSO.oidcClientId, "--authority-host", "http://x"], "is not an https URL"],
    ["a bad timeout", ["--tenant", CONTOSO.domain, "--client-id", CONTOSO.oidcClientId, "--timeout", "soon"], '--timeout "soon" is not a number of seconds'],
    ["--password-stdin alone", ["--tenant", CONTOSO.domain, "--client-id", CONTOSO.oidcClientId, "--password-stdin"], "--password-stdin needs --username"],
    ["a user name that is no UPN", ["--tenant", CONTOSO.domain, "--client-id", CONTOSO.oidcClientId, "--username", "adele"], '--username "adele" is not a user principal name'],
    ["an unknown --target", ["--env", "prod", "--target", "both"], "argument 'both' is invalid"],
    // Entra answers a request without scopes AADSTS900144 (MicrosoftDocs/entra-docs#370), which names no profile value.
    ["--scopes that names no scope", ["--tenant", CONTOSO.domain, "--client-id", CONTOSO.oidcClientId, "--authority-host", "https://127.0.0.1:1", "--scopes", "+ +"],
      '--scopes "+ +" names no scope — give them separated by spaces or "+", e.g. --scopes "openid profile email"'],
  ])("%s", async (_, args, message) => {
    const run = await runProbeCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe("");
  });
});
