import { describe, expect, it } from "vitest";
import type { CheckResult } from "./check-results.js";
import { runChecks } from "./run-checks.js";
import type { ProbeTarget } from "./probe-target.js";
import type { DiscoveryRequest, EntraAnswer, EntraClient, PasswordGrantRequest } from "./transport.js";
import type { Observation } from "./types.js";

const TENANT_ID = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const DOMAIN = "contoso.onmicrosoft.com";
const CLIENT = "4f8e2a1b-7c3d-4e5f-a6b7-c8d9e0f1a2b3";
const USER = "adele.vance@contoso.onmicrosoft.com";
const PASSWORD = "S3ntinel-Pw-run-probe";

function target(name: ProbeTarget["name"], extra: Partial<ProbeTarget> = {}): ProbeTarget {
  return {
    name, role: name === "menubar" ? "ROPGID" : name === "flags" ? "--client-id" : "OIDCROPGID", checksPassword: true, environment: "prod", authorityHost: "https://login.example", tenant: DOMAIN, clientId: CLIENT,
    scopes: ["openid", "profile", "email"], scopeSource: "default", successCodes: [], notes: [], ...extra,
  };
}

const entra = (code: number): Observation => ({ type: "error-body", httpStatus: 400, body: { error: "invalid_grant", error_codes: [code] } });
const OPENID: Observation = { type: "openid-configuration", httpStatus: 200, tenantId: TENANT_ID };
const USER_NOT_FOUND = entra(50034);

type Call = { kind: "discover"; request: DiscoveryRequest } | { kind: "grant"; request: PasswordGrantRequest };

/** Answers from small functions; records every request, in order. */
function fakeClient(answers: {
  discover?: (request: DiscoveryRequest) => Observation;
  app?: (request: PasswordGrantRequest) => Observation;
  password?: (request: PasswordGrantRequest) => Observation;
} = {}): EntraClient & { calls: Call[] } {
  const calls: Call[] = [];
  const wrap = (observation: Observation): EntraAnswer => ({ observation, correlationId: `c${calls.length - 1}`, traceId: `t${calls.length - 1}` });
  return {
    calls,
    async discover(request) {
      calls.push({ kind: "discover", request });
      return wrap(answers.discover?.(request) ?? OPENID);
    },
    async passwordGrant(request) {
      calls.push({ kind: "grant", request });
      const isProbeUser = request.username.startsWith("jcprofile-probe-");
      return wrap(isProbeUser ? (answers.app?.(request) ?? USER_NOT_FOUND) : (answers.password?.(request) ?? { type: "tokens", httpStatus: 200 }));
    },
  };
}

const withPassword = { username: USER, readPassword: async () => PASSWORD };
const rows = (results: CheckResult[]) => results.map((r) => `${r.target} ${r.kind} ${r.outcome}`);
const passwordCalls = (client: ReturnType<typeof fakeClient>) =>
  client.calls.filter((call) => call.kind === "grant" && call.request.username === USER).length;

describe("runChecks", () => {
  it("checks tenant, then app with a generated user, then the password, and reports per target", async () => {
    const client = fakeClient();
    const report = await runChecks({ targets: [target("login")], client, ...withPassword, randomId: () => "abc123" });
    expect(client.calls.map((call) => call.kind)).toEqual(["discover", "grant", "grant"]);
    const app = client.calls[1]!.request as PasswordGrantRequest;
    expect(app.username).toBe(`jcprofile-probe-abc123@${DOMAIN}`);
    expect(app.password).not.toBe(PASSWORD);
    expect((client.calls[2]!.request as PasswordGrantRequest).password).toBe(PASSWORD);
    expect(rows(report.results)).toEqual(["login tenant ok", "login app ok", "login password success"]);
    expect(report.results.map((r) => r.tenantId)).toEqual([TENANT_ID, TENANT_ID, TENANT_ID]);
    expect(report.results[2]).toMatchObject({ username: USER, accepted: true, passwordVerified: true, correlationId: "c2", traceId: "t2" });
    expect(report.resolvedTenants).toEqual([{ tenant: DOMAIN, tenantId: TENANT_ID }]);
    expect(JSON.stringify(report)).not.toContain(PASSWORD);
  });

  it("uses a .invalid domain for the generated user when the tenant is a GUID", async () => {
    const client = fakeClient();
    await runChecks({ targets: [target("flags", { tenant: TENANT_ID })], client, randomId: () => "x" });
    expect((client.calls[1]!.request as PasswordGrantRequest).username).toBe("jcprofile-probe-x@jcprofile-probe.invalid");
  });

  it("without a user name sends no password and never asks for one", async () => {
    const client = fakeClient();
    let asked = 0;
    const report = await runChecks({ targets: [target("login")], client, readPassword: async () => (asked++, PASSWORD) });
    expect(asked).toBe(0);
    expect(rows(report.results)).toEqual(["login tenant ok", "login app ok"]);
  });

  it("reads the password once, before the first request", async () => {
    const client = fakeClient();
    const seen: number[] = [];
    await runChecks({ targets: [target("login"), target("menubar", { scopes: ["api://x/jamfconnect"] })], client, username: USER,
      readPassword: async () => (seen.push(client.calls.length), PASSWORD) });
    expect(seen).toEqual([0]);
  });

  it("sends identical requests once and classifies the shared answer with each target's success codes", async () => {
    const client = fakeClient({ password: () => entra(53003) });
    const report = await runChecks({ targets: [target("login"), target("menubar", { successCodes: ["53003"] })], client, ...withPassword });
    expect(client.calls.map((call) => call.kind)).toEqual(["discover", "grant", "grant"]);
    const [loginPassword, menubarPassword] = report.results.filter((r) => r.kind === "password");
    expect(loginPassword).toMatchObject({ outcome: "blocked-by-conditional-access", accepted: false });
    expect(menubarPassword).toMatchObject({ outcome: "blocked-by-conditional-access", accepted: true, sameRequestAs: "login", correlationId: "c2" });
    expect(rows(report.results)).toEqual([
      "login tenant ok", "login app ok", "login password blocked-by-conditional-access",
      "menubar tenant ok", "menubar app ok", "menubar password blocked-by-conditional-access",
    ]);
  });

  it.each([
    [50126, "got invalid-credentials, AADSTS50126, and another attempt could count towards a lockout"],
    [50053, "got account-locked, AADSTS50053, and another attempt could count towards a lockout"],
    [50057, "got account-disabled, AADSTS50057, and another attempt could count towards a lockout"],
    [50196, "was rate-limited by Entra: wait a few minutes"],
  ])("after AADSTS%s sends no second password and says why", async (code, why) => {
    const client = fakeClient({ password: () => entra(code) });
    const targets = [target("login"), target("menubar", { scopes: ["api://x/jamfconnect", "openid"] })];
    const report = await runChecks({ targets, client, ...withPassword });
    expect(passwordCalls(client)).toBe(1);
    const skipped = report.results.find((r) => r.target === "menubar" && r.kind === "password")!;
    expect(skipped).toMatchObject({ outcome: "skipped", verdict: "skipped", passwordVerified: null, httpStatus: null });
    expect(skipped.hint).toContain(`password not sent: the login password check ${why}`);
  });

  it("sends a password after an answer that does not forbid another attempt", async () => {
    const client = fakeClient({ password: () => entra(50076) });
    await runChecks({ targets: [target("login"), target("menubar", { scopes: ["api://x/jamfconnect"] })], client, ...withPassword });
    expect(passwordCalls(client)).toBe(2);
  });

  it("skips app and password checks of a tenant that failed, and only those", async () => {
    const client = fakeClient({ discover: (request) => (request.tenant === "wrong.example.com" ? entra(90002) : OPENID) });
    const report = await runChecks({ targets: [target("login", { tenant: "wrong.example.com" }), target("menubar")], client, ...withPassword });
    expect(rows(report.results)).toEqual([
      "login tenant tenant-not-found", "login app skipped", "login password skipped",
      "menubar tenant ok", "menubar app ok", "menubar password success",
    ]);
    expect(report.results[1]!.hint).toBe("not checked: the tenant check failed (tenant-not-found, AADSTS90002)");
    expect(client.calls.filter((call) => call.kind === "grant" && call.request.tenant === "wrong.example.com")).toEqual([]);
  });

  it("fails a tenant found in another cloud than the target's, and goes no further", async () => {
    const client = fakeClient({ discover: () => ({ ...OPENID, cloudInstance: "microsoftonline.us" }) as Observation });
    const report = await runChecks({ targets: [target("login", { expectedCloudInstance: "microsoftonline.com" })], client, ...withPassword });
    expect(rows(report.results)).toEqual(["login tenant tenant-not-found", "login app skipped", "login password skipped"]);
    expect(report.results[0]!.hint).toContain("belongs to the microsoftonline.us cloud");
    expect(client.calls.map((call) => call.kind)).toEqual(["discover"]);
  });

  it("does not send the password to an app that failed its check", async () => {
    const client = fakeClient({ app: () => entra(7000218) });
    const report = await runChecks({ targets: [target("login")], client, ...withPassword });
    expect(passwordCalls(client)).toBe(0);
    expect(rows(report.results)).toEqual(["login tenant ok", "login app public-client-flows-disabled", "login password skipped"]);
    expect(report.results[2]!.hint).toContain("app check failed (public-client-flows-disabled, AADSTS7000218)");
  });

  it("stops every request once Entra rate-limits", async () => {
    const client = fakeClient({ app: () => entra(50196) });
    const report = await runChecks({ targets: [target("login"), target("menubar", { clientId: "2a6b8c0d-3e4f-4a5b-9c6d-7e8f9a0b1c2d" })], client, ...withPassword });
    expect(client.calls.map((call) => call.kind)).toEqual(["discover", "grant"]);
    expect(rows(report.results)).toEqual([
      "login tenant ok", "login app rate-limited", "login password skipped",
      "menubar tenant ok", "menubar app skipped", "menubar password skipped",
    ]);
  });

  it("reports progress for each request sent, not for reused ones", async () => {
    const seen: string[] = [];
    await runChecks({ targets: [target("login"), target("menubar")], client: fakeClient(), ...withPassword,
      onProgress: (p) => seen.push(`${p.kind} ${p.target}`) });
    expect(seen).toEqual(["tenant login", "app login", "password login"]);
  });

  it("measures each request with the injected clock", async () => {
    let t = 0;
    const report = await runChecks({ targets: [target("login")], client: fakeClient(), now: () => (t += 5) });
    expect(report.results.map((r) => r.elapsedMs)).toEqual([5, 5]);
  });
});
