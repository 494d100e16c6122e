/**
 * Probe results as text for people and as JSON for programs. Pure: the command prints the strings.
 * Nothing here can hold a password: results never carry one.
 */
import type { CheckResult, ProbeReport } from "./check-results.js";
import type { Proof } from "./types.js";

/** One object per check, keys in a stable order; absent values are null so every key is always there. */
export function toJsonRecords(report: ProbeReport): Record<string, unknown>[] {
  return report.results.map((result) => ({
    target: result.target,
    environment: result.environment,
    kind: result.kind,
    authorityHost: result.authorityHost,
    tenant: result.tenant,
    tenantId: result.tenantId,
    clientId: result.clientId,
    scopes: result.scopes,
    scopeSource: result.scopeSource,
    username: result.username,
    outcome: result.outcome,
    verdict: result.verdict,
    accepted: result.accepted,
    passwordVerified: result.passwordVerified,
    proofs: result.proofs,
    aadsts: result.aadsts,
    httpStatus: result.httpStatus,
    correlationId: result.correlationId,
    traceId: result.traceId,
    hint: result.hint,
    caNote: result.caNote ?? null,
    sameRequestAs: result.sameRequestAs ?? null,
    elapsedMs: result.elapsedMs,
  }));
}

const MARK: Record<Proof, string> = { proven: "✓", failed: "✗", "not-reached": "·" };

function proofMarks(result: CheckResult): string {
  const { tenant, app, scope, password } = result.proofs;
  return [tenant, app, scope, password].map((proof) => MARK[proof]).join(" ");
}

function acceptedText(result: CheckResult): string {
  if (result.kind !== "password" || result.verdict === "skipped") return "-";
  return result.accepted ? "yes" : "no";
}

function outcomeText(result: CheckResult): string {
  return result.sameRequestAs !== undefined ? `${result.outcome} (same request as ${result.sameRequestAs})` : result.outcome;
}

/** Columns padded to their widest cell; the hint comes last so a long one does not push others. */
function table(rows: readonly string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join("  ").trimEnd(),
  );
}

export function formatReport(report: ProbeReport): string {
  const rows = [
    ["TARGET", "CHECK", "OUTCOME", "VERDICT", "JAMF ACCEPTS", "T A S P", "HINT"],
    ...report.results.map((result) => [
      result.target, result.kind, outcomeText(result), result.verdict, acceptedText(result), proofMarks(result), result.hint,
    ]),
  ];
  const lines = table(rows);
  lines.push("", "T A S P: tenant, app, scope, password — ✓ proven, ✗ failed, · not reached.");

  const notes = caNotes(report.results);
  if (notes.length > 0) {
    lines.push("", "Conditional Access:");
    for (const [note, targets] of notes) lines.push(`  ${targets.join(", ")}: ${note}`);
  }
  for (const { tenant, tenantId } of report.resolvedTenants) {
    lines.push("", `Tenant ${tenant} is ${tenantId}: paste this Directory (tenant) ID as "tenant" (or --tenant) to skip the domain lookup.`);
  }
  lines.push("", summary(report.results));
  return lines.join("\n");
}

function caNotes(results: readonly CheckResult[]): [string, string[]][] {
  const byNote = new Map<string, string[]>();
  for (const result of results) {
    if (result.caNote === undefined) continue;
    const targets = byNote.get(result.caNote) ?? [];
    if (!targets.includes(result.target)) targets.push(result.target);
    byNote.set(result.caNote, targets);
  }
  return [...byNote];
}

export function summary(results: readonly CheckResult[]): string {
  const count = (verdict: CheckResult["verdict"]) => results.filter((result) => result.verdict === verdict).length;
  const parts = [
    `${count("pass")} passed`,
    `${count("warn")} with warnings`,
    `${count("fail")} failed`,
    `${count("inconclusive")} inconclusive`,
  ];
  const skipped = count("skipped");
  if (skipped > 0) parts.push(`${skipped} not checked`);
  return `Checks: ${parts.join(", ")}.`;
}
