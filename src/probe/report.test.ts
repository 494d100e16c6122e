import { describe, expect, it } from "vitest";
import { formatReport, probeExitCode, summary, toJsonRecords } from "./report.js";
import type { CheckResult, ProbeReport } from "../entra/check-results.js";

const TENANT_ID = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";

function result(extra: Partial<CheckResult>): CheckResult {
  return {
    target: "login", role: "OIDCROPGID", environment: "prod", kind: "tenant", authorityHost: "https://login.microsoftonline.com", tenant: "contoso.onmicrosoft.com",
    tenantId: TENANT_ID, clientId: "4f8e2a1b-7c3d-4e5f-a6b7-c8d9e0f1a2b3", scopes: ["openid", "profile", "email"], scopeSource: "default",
    username: null, outcome: "ok", verdict: "pass", accepted: false, passwordVerified: null,
    proofs: { tenant: "proven", app: "not-reached", scope: "not-reached", password: "not-reached" },
    aadsts: null, cause: null, httpStatus: 200, correlationId: null, traceId: "t", hint: "tenant resolves", elapsedMs: 12, ...extra,
  };
}

const MFA_NOTE = "a per-user MFA or an \"All cloud apps\" policy applies";
const report: ProbeReport = {
  results: [
    result({}),
    result({
      kind: "password", username: "adele@contoso.com", outcome: "mfa-required", verdict: "warn", accepted: true, passwordVerified: true,
      proofs: { tenant: "proven", app: "proven", scope: "proven", password: "proven" }, aadsts: 50076, httpStatus: 400, hint: "password right", caNote: MFA_NOTE,
    }),
    result({ target: "menubar", role: "ROPGID", kind: "password", outcome: "mfa-required", verdict: "warn", accepted: true, caNote: MFA_NOTE, sameRequestAs: "login", hint: "password right" }),
    result({
      target: "menubar", role: "ROPGID", kind: "app", outcome: "skipped", verdict: "skipped", httpStatus: null, hint: "not checked",
      proofs: { tenant: "not-reached", app: "not-reached", scope: "not-reached", password: "not-reached" },
    }),
  ],
  resolvedTenants: [{ tenant: "contoso.onmicrosoft.com", tenantId: TENANT_ID }],
};

describe("formatReport", () => {
  const text = formatReport(report);
  const lines = text.split("\n");

  it("lines up a table with proofs and Jamf's verdict, hint last", () => {
    expect(lines[0]).toMatch(/^TARGET\s+CHECK\s+OUTCOME\s+VERDICT\s+JAMF ACCEPTS\s+T A S P\s+HINT$/);
    expect(lines[1]).toMatch(/^login OIDCROPGID\s+tenant\s+ok\s+pass\s+-\s+✓ · · ·\s+tenant resolves$/);
    expect(lines[2]).toMatch(/^login OIDCROPGID\s+password\s+mfa-required\s+warn\s+yes\s+✓ ✓ ✓ ✓\s+password right$/);
    expect(lines[3]).toContain("mfa-required (same request as login)");
    expect(lines[4]).toMatch(/^menubar ROPGID\s+app\s+skipped\s+skipped\s+-\s+· · · ·\s+not checked$/);
    const hintColumn = lines[0]!.indexOf("HINT");
    expect(lines.slice(1, 5).map((line) => line.slice(hintColumn))).toEqual(["tenant resolves", "password right", "password right", "not checked"]);
  });

  it("lists each Conditional Access note once with its targets, then the GUID to paste and a summary", () => {
    expect(text).toContain(`Conditional Access:\n  login, menubar: ${MFA_NOTE}`);
    expect(text).toContain(`Tenant contoso.onmicrosoft.com is ${TENANT_ID}: paste this Directory (tenant) ID`);
    // The menu bar's password row shares the login window's request: one request, counted once.
    expect(lines.at(-1)).toBe("Checks: 1 passed, 1 with warnings, 0 failed, 0 inconclusive, 1 not checked.");
  });
});

describe("formatReport at 80 columns (issue 19)", () => {
  const long: ProbeReport = {
    results: [
      ...report.results,
      result({
        target: "login", role: "OIDCClientID", kind: "password", outcome: "blocked-by-conditional-access", verdict: "inconclusive", sameRequestAs: "login",
        cause: "blocked by Conditional Access (AADSTS53003)", hint: "a Conditional Access policy blocks the token, and Jamf Connect rejects that; see the Conditional Access note",
      }),
    ],
    resolvedTenants: report.resolvedTenants,
  };

  it.each([[false], [true]])("fits every line in 80 columns, breaking hints at spaces (several environments: %s)", (several) => {
    const input = several ? { ...long, results: long.results.map((row, index) => ({ ...row, environment: index % 2 === 0 ? "prod" : "staging" })) } : long;
    const lines = formatReport(input, { width: 80 }).split("\n");
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(several ? /^ENV\s+TARGET\s+CHECK\s+VERDICT\s+ACCEPTS\s+T A S P$/ : /^TARGET\s+CHECK\s+VERDICT\s+ACCEPTS\s+T A S P$/);
    const text = lines.join("\n");
    expect(text).toContain("    blocked-by-conditional-access (same request as login): blocked by\n    Conditional Access (AADSTS53003)");
    // Broken at a space: no line ends inside a word of the hint.
    expect(text).not.toMatch(/Conditio\n/);
  });

  it("keeps the one-line table when it fits", () => {
    expect(formatReport(report, { width: 200 }).split("\n")[0]).toMatch(/^TARGET\s+CHECK\s+OUTCOME\s+VERDICT\s+JAMF ACCEPTS/);
  });
});

describe("toJsonRecords", () => {
  it("gives every record the same keys, with null for absent values", () => {
    const records = toJsonRecords(report);
    const keys = Object.keys(records[0]!);
    for (const record of records) expect(Object.keys(record)).toEqual(keys);
    expect(keys).toEqual(expect.arrayContaining([
      "target", "kind", "tenantId", "clientId", "scopes", "outcome", "verdict", "passwordVerified", "accepted",
      "aadsts", "httpStatus", "correlationId", "traceId", "hint", "proofs", "caNote",
    ]));
    expect(records[0]).toMatchObject({ caNote: null, sameRequestAs: null });
  });
});

describe("summary", () => {
  it("leaves out 'not checked' when everything ran", () => {
    expect(summary([result({})])).toBe("Checks: 1 passed, 0 with warnings, 0 failed, 0 inconclusive.");
  });
});

describe("a readable table (issue 9.9, 9.4)", () => {
  const failed = result({
    kind: "app", outcome: "app-not-found", verdict: "fail", aadsts: 700016, cause: "app not found in this tenant (AADSTS700016)",
    proofs: { tenant: "proven", app: "failed", scope: "not-reached", password: "not-reached" },
    hint: "copy the Application (client) ID from the app registration's Overview page in this same tenant",
  });
  const flags = result({ target: "flags", role: "--client-id", environment: null });

  it("says what Entra answered, then the fix", () => {
    expect(formatReport({ results: [failed], resolvedTenants: [] })).toContain(
      "app not found in this tenant (AADSTS700016) — copy the Application (client) ID",
    );
  });

  it("puts a hint that would wrap on its own indented lines, within the width", () => {
    const lines = formatReport({ results: [result({}), failed], resolvedTenants: [] }, { width: 100 }).split("\n");
    const table = lines.slice(0, lines.indexOf(""));
    for (const line of table) expect(line.length).toBeLessThanOrEqual(100);
    expect(table[1]).toMatch(/tenant resolves$/); // short: stays in its column
    expect(table[2]).toMatch(/^login OIDCROPGID\s+app\s+app-not-found\s+fail\s+-\s+✓ ✗ · ·$/);
    expect(table[3]).toMatch(/^ {4}app not found in this tenant \(AADSTS700016\) — copy/);
    expect(table.slice(3).map((line) => line.trim()).join(" ")).toBe(
      "app not found in this tenant (AADSTS700016) — copy the Application (client) ID from the app registration's Overview page in this same tenant",
    );
  });

  it("colours verdicts only when asked to, keeping the columns aligned", () => {
    const paintVerdict = (verdict: string, text: string) => `<${verdict}>${text}</>`;
    const lines = formatReport({ results: [result({}), failed], resolvedTenants: [] }, { paintVerdict }).split("\n");
    expect(lines[1]).toContain("<pass>pass</>");
    expect(lines[2]).toContain("<fail>fail</>");
    expect(formatReport({ results: [failed], resolvedTenants: [] })).not.toContain("<");
  });

  it("names the client ID's role in the target column, also for --client-id", () => {
    expect(formatReport({ results: [flags], resolvedTenants: [] }).split("\n")[1]).toMatch(/^--client-id \(ROPG\)\s+tenant/);
  });

  it("gives tenant and app checks accepted: null in JSON, and the cause", () => {
    const records = toJsonRecords({ results: [result({}), failed, report.results[1]!], resolvedTenants: [] });
    expect(records.map((record) => record["accepted"])).toEqual([null, null, true]);
    expect(records[1]).toMatchObject({ role: "OIDCROPGID", cause: "app not found in this tenant (AADSTS700016)" });
  });
});

describe("probeExitCode", () => {
  const result = (verdict: CheckResult["verdict"]) => ({ verdict }) as CheckResult;
  it.each([
    [["pass", "warn", "skipped"], 0],
    [["pass", "fail", "inconclusive"], 1],
    [["pass", "inconclusive", "skipped"], 3],
    [[], 0],
  ] as const)("%j → %i", (verdicts, code) => {
    expect(probeExitCode(verdicts.map(result))).toBe(code);
  });
});
