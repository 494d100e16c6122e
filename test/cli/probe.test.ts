/**
 * Every outcome of `jcprofile probe`, in-process (run(args, io)) against the local Entra emulator.
 * Scenarios that need their own directory (a CA policy, throttling, a failure mode) get their own
 * emulator, so all of them can run concurrently; the rest share one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPort, CONTOSO, contosoWorld, startEntraEmulator, type EntraEmulator, type EntraWorld, type FailureMode } from "../entra/emulator.js";
import { invalidTenantBody, startCannedServer } from "../probe/canned-entra.js";
import { contosoFlags, parseChecks, runProbeCli, type JsonCheck } from "../probe/probe-cli.js";

const { users } = CONTOSO;
const CUSTOM = `api://${CONTOSO.apiAppId}/jamfconnect+openid+email+profile`;
const UNKNOWN_APP = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const NO_CONSENT_APP = "6f5e4d3c-2b1a-4c9d-8e7f-0a1b2c3d4e5f";

interface Scenario {
  outcome: string;
  kind: JsonCheck["kind"];
  exit: number;
  /** Extra flags after the tenant/client/authority flags. */
  args?: string[];
  tenant?: string;
  clientId?: string;
  user?: { upn: string; password: string };
  /** Own emulator with a changed directory or a failure mode. */
  world?: (world: EntraWorld) => void;
  mode?: FailureMode;
  /** Target something other than an emulator. */
  server?: "closed-port" | "invalid-tenant";
  passwordVerified?: boolean | null;
  accepted?: boolean;
}

const SCENARIOS: Scenario[] = [
  { outcome: "ok", kind: "app", exit: 0 },
  { outcome: "success", kind: "password", exit: 0, args: ["--scopes", CUSTOM], user: users.active, passwordVerified: true, accepted: true },
  { outcome: "mfa-required", kind: "password", exit: 0, user: users.active, passwordVerified: true, accepted: true },
  { outcome: "mfa-registration-required", kind: "password", exit: 0, args: ["--scopes", CUSTOM], user: users.mfaRegistration, accepted: true },
  { outcome: "external-mfa-required", kind: "password", exit: 0, args: ["--scopes", CUSTOM], user: users.mfaExternal, accepted: true },
  { outcome: "password-expired", kind: "password", exit: 1, user: users.passwordExpired, passwordVerified: true, accepted: false },
  {
    outcome: "blocked-by-conditional-access", kind: "password", exit: 1, args: ["--scopes", CUSTOM], user: users.active, accepted: false,
    world: (w) => w.tenants[0]!.conditionalAccess!.push({ name: "Block everything", appliesTo: "allCloudApps", grant: "block" }),
  },
  {
    outcome: "device-state-required", kind: "password", exit: 1, args: ["--scopes", CUSTOM], user: users.active, accepted: false,
    world: (w) => w.tenants[0]!.conditionalAccess!.push({ name: "Compliant Macs", appliesTo: "allCloudApps", grant: "compliantDevice" }),
  },
  {
    outcome: "user-not-assigned", kind: "password", exit: 1, args: ["--scopes", CUSTOM], user: users.mfaRequired, passwordVerified: true, accepted: false,
    world: (w) => (w.tenants[0]!.apps[0]!.assignmentRequired = true),
  },
  { outcome: "invalid-credentials", kind: "password", exit: 1, user: { upn: users.active.upn, password: "wrong-Passw0rd" }, passwordVerified: false },
  { outcome: "user-not-found", kind: "password", exit: 1, user: { upn: "nobody@contoso.onmicrosoft.com", password: "x-Passw0rd" }, passwordVerified: null },
  { outcome: "account-locked", kind: "password", exit: 1, user: users.locked },
  { outcome: "account-disabled", kind: "password", exit: 1, user: users.disabled },
  { outcome: "tenant-not-found", kind: "tenant", exit: 1, tenant: "nowhere.example.com" },
  { outcome: "invalid-tenant", kind: "tenant", exit: 1, server: "invalid-tenant" },
  { outcome: "app-not-found", kind: "app", exit: 1, clientId: UNKNOWN_APP },
  { outcome: "app-disabled", kind: "app", exit: 1, clientId: CONTOSO.disabledClientId },
  { outcome: "public-client-flows-disabled", kind: "app", exit: 1, clientId: CONTOSO.confidentialClientId },
  {
    outcome: "consent-required", kind: "password", exit: 1, clientId: NO_CONSENT_APP, user: users.active,
    world: (w) => w.tenants[0]!.apps.push({ clientId: NO_CONSENT_APP, displayName: "No consent", publicClient: true, enabled: true, consented: [] }),
  },
  { outcome: "invalid-scope", kind: "password", exit: 1, args: ["--scopes", `api://${CONTOSO.apiAppId}/jamfconect+openid`], user: users.active },
  { outcome: "resource-not-found", kind: "password", exit: 1, args: ["--scopes", `api://${CONTOSO.foreignApiAppId}/jamfconnect+openid`], user: users.active },
  { outcome: "rate-limited", kind: "app", exit: 3, world: (w) => (w.throttle = { afterRequests: 0 }) },
  { outcome: "network-error", kind: "tenant", exit: 3, server: "closed-port" },
  { outcome: "timeout", kind: "tenant", exit: 3, mode: "hang", args: ["--timeout", "1"] },
  { outcome: "unexpected-response", kind: "tenant", exit: 3, mode: "html502" },
];

const ISSUE_OUTCOMES = [
  "ok", "success", "mfa-required", "mfa-registration-required", "external-mfa-required", "password-expired",
  "blocked-by-conditional-access", "device-state-required", "invalid-credentials", "user-not-found", "account-locked",
  "account-disabled", "tenant-not-found", "invalid-tenant", "app-not-found", "app-disabled", "public-client-flows-disabled",
  "consent-required", "invalid-scope", "resource-not-found", "rate-limited", "network-error", "timeout", "unexpected-response",
  // issue 19
  "user-not-assigned",
];

let shared: EntraEmulator;
const closers: (() => Promise<void>)[] = [];
beforeAll(async () => {
  shared = await startEntraEmulator(contosoWorld());
});
afterAll(async () => {
  await Promise.all([shared.close(), ...closers.map((close) => close())]);
});

/** Where the scenario's requests go. */
async function authorityFor(scenario: Scenario): Promise<string> {
  if (scenario.server === "closed-port") return `https://127.0.0.1:${await closedPort()}`;
  if (scenario.server === "invalid-tenant") {
    const canned = await startCannedServer(400, invalidTenantBody(CONTOSO.domain));
    closers.push(canned.close);
    return canned.url;
  }
  if (!scenario.world && !scenario.mode) return shared.url;
  const world = contosoWorld();
  scenario.world?.(world);
  const own = await startEntraEmulator(world, scenario.mode ? { mode: scenario.mode } : {});
  closers.push(own.close);
  return own.url;
}

describe("jcprofile probe, one scenario per outcome", () => {
  it("covers every outcome the issue names", () => {
    expect(SCENARIOS.map((scenario) => scenario.outcome).sort()).toEqual([...ISSUE_OUTCOMES].sort());
  });

  it.concurrent.each(SCENARIOS.map((scenario) => [scenario.outcome, scenario] as const))("%s", async (_, scenario) => {
    const url = await authorityFor(scenario);
    const args = [
      ...contosoFlags({ url }, { ...(scenario.tenant && { tenant: scenario.tenant }), ...(scenario.clientId && { clientId: scenario.clientId }) }),
      ...(scenario.args ?? []),
      "--json",
      ...(scenario.user ? ["--username", scenario.user.upn, "--password-stdin"] : []),
    ];
    const run = await runProbeCli(args, { ...(scenario.user && { input: `${scenario.user.password}\n` }) });
    const checks = parseChecks(run);
    const check = checks.find((candidate) => candidate.kind === scenario.kind);
    expect(check, run.stdout).toBeDefined();
    expect(check!.outcome, check!.hint).toBe(scenario.outcome);
    expect(run.code, run.stderr).toBe(scenario.exit);
    expect(check!.hint.length).toBeGreaterThan(10);
    if (scenario.passwordVerified !== undefined) expect(check!.passwordVerified).toBe(scenario.passwordVerified);
    if (scenario.accepted !== undefined) expect(check!.accepted).toBe(scenario.accepted);
    // No stack trace, whatever went wrong.
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
