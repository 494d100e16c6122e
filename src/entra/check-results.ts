/**
 * One row of a probe report per check and target, built from what was sent and how it was
 * classified, or marked skipped with the reason. Pure.
 */
import { GUID_PATTERN } from "../config/schema.js";
import { NOTHING } from "./aadsts-table.js";
import type { ClientRole, ProbeTarget, TargetName } from "./probe-target.js";
import type { EntraAnswer } from "./transport.js";
import type { CheckKind, Classification, Outcome, Proofs, Verdict } from "./types.js";

export interface CheckResult {
  target: TargetName;
  /** The profile key the client ID comes from. */
  role: ClientRole;
  environment: string | null;
  kind: CheckKind;
  authorityHost: string;
  /** As configured: a GUID or a domain. */
  tenant: string;
  /** The GUID the tenant check resolved, or the configured GUID; null when unknown. */
  tenantId: string | null;
  clientId: string;
  scopes: readonly string[];
  scopeSource: string;
  /** The user name sent: generated for the app check, --username for the password check. */
  username: string | null;
  outcome: Outcome | "skipped";
  verdict: Verdict | "skipped";
  accepted: boolean;
  passwordVerified: boolean | null;
  proofs: Proofs;
  aadsts: number | null;
  httpStatus: number | null;
  correlationId: string | null;
  traceId: string | null;
  /** What Entra answered (see wording.ts); null when the hint says it. */
  cause: string | null;
  hint: string;
  caNote?: string;
  /**
   * This check reused the request (and answer) of another target's identical check: that
   * target's name, or its name and role when both rows belong to the same target.
   */
  sameRequestAs?: string;
  elapsedMs: number | null;
}

export interface ProbeReport {
  results: CheckResult[];
  /** Tenants configured by domain, with the GUID to paste. */
  resolvedTenants: { tenant: string; tenantId: string }[];
}

/** One request that went out, shared by every target whose identical check reuses it. */
export interface Sent {
  answer: EntraAnswer;
  first: ProbeTarget;
  /** The user name in the request, if it had one. */
  username: string | null;
  elapsedMs: number;
}

export function checkResult(target: ProbeTarget, kind: CheckKind, done: Sent, classified: Classification): CheckResult {
  const { observation } = done.answer;
  const httpStatus = observation.type === "network" || observation.type === "timeout" ? null : observation.httpStatus;
  const resolved = observation.type === "openid-configuration" ? observation.tenantId : null;
  return {
    ...describeTarget(target, kind, done.username),
    tenantId: resolved ?? configuredGuid(target.tenant),
    outcome: classified.outcome,
    verdict: classified.verdict,
    accepted: classified.accepted,
    passwordVerified: classified.passwordVerified,
    proofs: classified.proofs,
    aadsts: classified.aadsts,
    cause: classified.cause,
    httpStatus,
    correlationId: done.answer.correlationId,
    traceId: done.answer.traceId,
    hint: classified.hint,
    ...(classified.caNote !== undefined && { caNote: classified.caNote }),
    ...(done.first !== target && { sameRequestAs: sameRequestName(done.first, target) }),
    elapsedMs: done.first === target ? done.elapsedMs : null,
  };
}

function sameRequestName(first: ProbeTarget, target: ProbeTarget): string {
  return first.name !== target.name ? first.name : `${first.name} ${first.role}`;
}

export function skippedResult(target: ProbeTarget, kind: CheckKind, user: string | null, hint: string): CheckResult {
  return {
    ...describeTarget(target, kind, user),
    tenantId: configuredGuid(target.tenant),
    outcome: "skipped",
    verdict: "skipped",
    accepted: false,
    passwordVerified: null,
    proofs: { ...NOTHING },
    aadsts: null,
    cause: null,
    httpStatus: null,
    correlationId: null,
    traceId: null,
    hint,
    elapsedMs: null,
  };
}

function describeTarget(target: ProbeTarget, kind: CheckKind, user: string | null) {
  return {
    target: target.name,
    role: target.role,
    environment: target.environment,
    kind,
    authorityHost: target.authorityHost,
    tenant: target.tenant,
    clientId: target.clientId,
    scopes: target.scopes,
    scopeSource: target.scopeSource,
    username: user,
  };
}

const configuredGuid = (tenant: string): string | null => (GUID_PATTERN.test(tenant) ? tenant.toLowerCase() : null);

/** The table reads per target (tenant, app, password); requests went out level by level. */
export function orderByTarget(results: CheckResult[], targets: readonly ProbeTarget[]): CheckResult[] {
  const index = (name: TargetName) => targets.findIndex((target) => target.name === name);
  return results.map((result, order) => ({ result, order }))
    .sort((a, b) => index(a.result.target) - index(b.result.target) || a.order - b.order)
    .map(({ result }) => result);
}

export function resolvedTenants(results: readonly CheckResult[]): ProbeReport["resolvedTenants"] {
  const found = new Map<string, string>();
  for (const result of results) {
    if (result.kind === "tenant" && result.tenantId !== null && !GUID_PATTERN.test(result.tenant)) {
      found.set(result.tenant.toLowerCase(), result.tenantId);
    }
  }
  return [...found].map(([tenant, tenantId]) => ({ tenant, tenantId }));
}
