/**
 * `jcprofile probe --all`: a nightly job's view of every environment — tenant and app checks only,
 * one JSON array, the exit code of the worst check. In-process against the Entra emulator.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTOSO, type EntraEmulator } from "../entra/emulator.js";
import { useContosoEmulator } from "../entra/use-emulator.js";
import { parseChecks, runProbeCli } from "../probe/probe-cli.js";
import { useTempDir } from "../folders.js";

const DELETED_APP = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

let emu: EntraEmulator;
let dir: string;
useContosoEmulator((started) => (emu = started));
useTempDir((made) => (dir = made), { prefix: "jcprofile-probe-all-" });

function writeConfig(environments: Record<string, unknown>): void {
  const config = {
    organization: "Contoso",
    identifier: "com.contoso.jamfconnect",
    defaults: { authorityHost: emu.url, tenant: CONTOSO.domain, login: { clientId: CONTOSO.oidcClientId } },
    environments,
  };
  writeFileSync(join(dir, "jcprofile.json"), JSON.stringify(config, null, 2));
}

/** What a nightly job is there to catch, one environment each. */
const BROKEN = {
  prod: {},
  staging: { login: { clientId: DELETED_APP } },
  dev: { tenant: "contoso-typo.onmicrosoft.com" },
  qa: { login: { clientId: CONTOSO.confidentialClientId } },
};

describe("jcprofile probe --all", () => {
  it("checks tenant and apps of every environment, never a password, and prints one JSON array", async () => {
    writeConfig(BROKEN);
    const run = await runProbeCli(["--all", "--json"], { cwd: dir, env: { JCPROFILE_PASSWORD: "fake-Passw0rd-never-sent" } });
    expect(run.code, run.stderr).toBe(1);
    const checks = parseChecks(run);
    expect(Array.isArray(checks)).toBe(true);
    expect([...new Set(checks.map((c) => c.environment))]).toEqual(["prod", "staging", "dev", "qa"]);
    expect(checks.every((c) => c.kind !== "password")).toBe(true);
    const worst = (env: string) => checks.filter((c) => c.environment === env && c.verdict === "fail").map((c) => c.outcome);
    expect(worst("prod")).toEqual([]);
    expect(worst("staging")).toContain("app-not-found");
    expect(worst("dev")).toContain("tenant-not-found");
    expect(worst("qa")).toContain("public-client-flows-disabled");
    // Only generated user names ever reached the token endpoint, and no password of a real user.
    const tokenUsers = emu.requests.filter((r) => r.method === "POST").map((r) => r.username ?? "");
    expect(tokenUsers.length).toBeGreaterThan(0);
    expect(tokenUsers.every((name) => name.startsWith("jcprofile-probe-"))).toBe(true);
    expect(run.stdout + run.stderr).not.toContain("fake-Passw0rd-never-sent");
  });

  it("exits 0 when every environment passes, with an ENV column in the table", async () => {
    writeConfig({ prod: {}, test: { login: { clientId: CONTOSO.oidcClientId } } });
    const run = await runProbeCli(["--all"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ENV\s+TARGET\s+CHECK/m);
    expect(run.stdout).toMatch(/^prod\s+login OIDCROPGID\s+tenant\s+ok\s+pass/m);
    expect(run.stdout).toMatch(/^test\s+menubar ROPGID\s+app\s+ok \(same request as login\)\s+pass/m);
    expect(run.stdout).toContain("Checks: 4 passed, 0 with warnings, 0 failed, 0 inconclusive.");
  });

  it("exits 3 when a tenant cannot be reached and nothing failed", async () => {
    writeConfig({ prod: {}, test: {} });
    emu.mode = "html502";
    const run = await runProbeCli(["--all", "--json"], { cwd: dir });
    expect(run.code).toBe(3);
    expect(parseChecks(run).filter((c) => c.kind === "tenant").map((c) => c.outcome)).toEqual(["unexpected-response", "unexpected-response", "unexpected-response", "unexpected-response"]);
  });

  it.each([
    [["--env", "prod"], "--env"],
    [["--username", CONTOSO.users.active.upn], "--username"],
    [["--tenant", CONTOSO.domain, "--client-id", CONTOSO.oidcClientId], "--tenant, --client-id"],
  ])("refuses --all with %j before any request", async (extra, named) => {
    writeConfig({ prod: {} });
    const run = await runProbeCli(["--all", ...extra], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--all cannot go with ${named}`);
    expect(run.stderr).toContain("never a password");
    expect(emu.requests).toEqual([]);
  });

  it("points at --all when a config has several environments and no --env", async () => {
    writeConfig({ prod: {}, test: {} });
    const run = await runProbeCli([], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("choose one with --env NAME, or check the tenant and apps of every one with --all");
  });
});
