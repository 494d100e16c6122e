/**
 * Probe results as text for people and as JSON for programs. Pure: the command prints the strings.
 * Nothing here can hold a password: results never carry one.
 */
import type { CheckResult, ProbeReport } from "../entra/check-results.js";
import type { ExitCodeValue } from "../errors.js";
import { exitCodeFor } from "../problem.js";
import type { ClientRole } from "../entra/probe-target.js";
import type { Proof, Verdict } from "../entra/types.js";
import { explain } from "../entra/wording.js";
import { appendAll, largest } from "../append.js";
import { wrapIndented, wrapWords } from "../text-wrap.js";

/**
 * 0 only when every check passed or Jamf Connect would accept its answer. A password check that
 * is right but not accepted (a Conditional Access block, a device-state grant, an expired
 * password) is a `fail` already (classify.ts): on the Mac that user could not sign in.
 */
export function probeExitCode(results: readonly CheckResult[]): ExitCodeValue {
  return exitCodeFor([], {
    failed: results.some((result) => result.verdict === "fail"),
    inconclusive: results.some((result) => result.verdict === "inconclusive"),
  });
}

/** One object per check, keys in a stable order; absent values are null so every key is always there. */
export function toJsonRecords(report: ProbeReport): Record<string, unknown>[] {
  return report.results.map((result) => ({
    target: result.target,
    role: result.role,
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
    // Jamf Connect judges only the password answer; for a tenant or app check the question is moot.
    accepted: result.kind === "password" ? result.accepted : null,
    passwordVerified: result.passwordVerified,
    proofs: result.proofs,
    aadsts: result.aadsts,
    httpStatus: result.httpStatus,
    correlationId: result.correlationId,
    traceId: result.traceId,
    cause: result.cause,
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

/** Which client ID a row is about: the profile key it comes from (flags mode: `--client-id`). */
const ROLE_LABELS: Readonly<Record<ClientRole, string>> = {
  OIDCROPGID: "login OIDCROPGID",
  OIDCClientID: "login OIDCClientID",
  ROPGID: "menubar ROPGID",
  "--client-id": "--client-id (ROPG)",
};

export interface ReportStyle {
  /** The terminal's width: a hint that would wrap goes on its own indented line. */
  width?: number;
  /** Paints a verdict; plain text when colour is off. */
  paintVerdict?: (verdict: Verdict | "skipped", text: string) => string;
}

const HINT_INDENT = "    ";

/**
 * Columns padded to their widest cell; the hint comes last so a long one does not push others.
 * With a width, a row whose hint would wrap gets the hint on its own indented lines instead.
 */
function table(rows: readonly string[][], verdicts: readonly (Verdict | "skipped" | undefined)[], style: ReportStyle): string[] {
  const widths = rows[0]!.map((_, column) => largest(rows.map((row) => row[column]!.length)));
  const verdictColumn = rows[0]!.indexOf("VERDICT");
  const hintColumn = rows[0]!.length - 1;
  const lines: string[] = [];
  rows.forEach((row, index) => {
    const verdict = verdicts[index];
    const cells = row.slice(0, hintColumn).map((cell, column) => {
      const padded = cell.padEnd(widths[column]!);
      return column === verdictColumn && verdict !== undefined && style.paintVerdict ? padded.replace(cell, style.paintVerdict(verdict, cell)) : padded;
    });
    const start = cells.join("  ");
    const plainStart = row.slice(0, hintColumn).map((cell, column) => cell.padEnd(widths[column]!)).join("  ");
    const hint = row[hintColumn]!;
    if (style.width === undefined || plainStart.length + 2 + hint.length <= style.width || index === 0) {
      lines.push(`${start}  ${hint}`.trimEnd());
    } else {
      lines.push(start.trimEnd(), ...wrapWords(hint, style.width, HINT_INDENT));
    }
  });
  return lines;
}

/** The widest row without its hint, as `table` would pad it. */
function leadWidth(rows: readonly string[][]): number {
  const columns = rows[0]!.length - 1;
  return Array.from({ length: columns }, (_, column) => largest(rows.map((row) => row[column]!.length))).reduce((sum, width) => sum + width + 2, 0);
}

const tooNarrow = (rows: readonly string[][], width: number | undefined): boolean => width !== undefined && leadWidth(rows) > width;

/**
 * For a terminal too narrow for the table (80 columns): a short row — target, check, verdict,
 * accepted, proofs — and below it the outcome and the hint, wrapped at word boundaries.
 */
function compactTable(results: readonly CheckResult[], several: boolean, verdicts: readonly (Verdict | "skipped" | undefined)[], style: ReportStyle): string[] {
  const rows = [
    [...(several ? ["ENV"] : []), "TARGET", "CHECK", "VERDICT", "ACCEPTS", "T A S P", ""],
    ...results.map((result) => [
      ...(several ? [result.environment ?? "-"] : []),
      ROLE_LABELS[result.role], result.kind, result.verdict, acceptedText(result), proofMarks(result), "",
    ]),
  ];
  const lines: string[] = [];
  table(rows, verdicts, {}).forEach((line, index) => {
    const verdict = verdicts[index];
    lines.push(verdict !== undefined && style.paintVerdict ? line.replace(` ${verdict} `, ` ${style.paintVerdict(verdict, verdict)} `) : line);
    const result = results[index - 1];
    if (result !== undefined) appendAll(lines, wrapWords(`${outcomeText(result)}: ${explain(result)}`, style.width!, HINT_INDENT));
  });
  return lines;
}

export function formatReport(report: ProbeReport, style: ReportStyle = {}): string {
  // `probe --all` mixes environments: then each row says which one it belongs to.
  const several = new Set(report.results.map((result) => result.environment)).size > 1;
  const environmentCell = (result: CheckResult) => (several ? [result.environment ?? "-"] : []);
  const rows = [
    [...(several ? ["ENV"] : []), "TARGET", "CHECK", "OUTCOME", "VERDICT", "JAMF ACCEPTS", "T A S P", "HINT"],
    ...report.results.map((result) => [
      ...environmentCell(result),
      ROLE_LABELS[result.role], result.kind, outcomeText(result), result.verdict, acceptedText(result), proofMarks(result), explain(result),
    ]),
  ];
  const verdicts = [undefined, ...report.results.map((result) => result.verdict)];
  const lines = tooNarrow(rows, style.width) ? compactTable(report.results, several, verdicts, style) : table(rows, verdicts, style);
  lines.push("", "T A S P: tenant, app, scope, password — ✓ proven, ✗ failed, · not reached.");

  // Notes are sentences: at a terminal they wrap at word boundaries, not mid-word.
  const fit = (line: string): string[] => (style.width !== undefined ? wrapIndented(line, style.width) : [line]);
  const notes = caNotes(report.results, several);
  if (notes.length > 0) {
    lines.push("", "Conditional Access:");
    for (const [note, targets] of notes) appendAll(lines, fit(`  ${targets.join(", ")}: ${note}`));
  }
  for (const { tenant, tenantId } of report.resolvedTenants) {
    lines.push("", ...fit(`Tenant ${tenant} is ${tenantId}: paste this Directory (tenant) ID as "tenant" (or --tenant) to skip the domain lookup.`));
  }
  lines.push("", summary(report.results));
  return lines.join("\n");
}

function caNotes(results: readonly CheckResult[], withEnvironment: boolean): [string, string[]][] {
  const byNote = new Map<string, string[]>();
  for (const result of results) {
    if (result.caNote === undefined) continue;
    const targets = byNote.get(result.caNote) ?? [];
    const target = result.target === "flags" ? ROLE_LABELS[result.role] : result.target;
    const label = withEnvironment ? `${result.environment} ${target}` : target;
    if (!targets.includes(label)) targets.push(label);
    byNote.set(result.caNote, targets);
  }
  return [...byNote];
}

/** Counts requests, not rows: a row that shares another's request (and answer) is not counted again. */
export function summary(all: readonly CheckResult[]): string {
  const results = all.filter((result) => result.sameRequestAs === undefined);
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
