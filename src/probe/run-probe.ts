/**
 * The probe's order of work, with every side effect injected: tenant check per distinct tenant,
 * then an app check per target (a user name that cannot exist, a random password), then — only
 * with a user name — one password check per target.
 *
 * A real person's password is at stake, so the rules are strict: at most one attempt per target,
 * identical requests share one attempt, nothing more is sent after an answer that says "stop"
 * (wrong password, locked, disabled, rate-limited…), and a password is never sent to a tenant or an
 * app that already failed its own check.
 */
import { randomBytes } from "node:crypto";
import { ExitCode, type ExitCodeValue } from "../errors.js";
import { classify } from "./classify.js";
import { GUID_PATTERN } from "../config/schema.js";
import { hasCustomScope, scopeKey } from "./scopes.js";
import type { ProbeTarget, TargetName } from "./targets.js";
import type { EntraAnswer, EntraClient } from "./transport.js";
import type { CheckKind, Classification, Outcome, Proofs, Verdict } from "./types.js";

export interface ProbeProgress {
  kind: CheckKind;
  target: TargetName;
  tenant: string;
}

export interface ProbeOptions {
  targets: readonly ProbeTarget[];
  client: EntraClient;
  /** Adds the password checks. */
  username?: string;
  /** Called once, before any request, when `username` is set. */
  readPassword?: () => Promise<string>;
  /** Milliseconds, for `elapsedMs`. */
  now?: () => number;
  /** Random part of the generated user name. */
  randomId?: () => string;
  onProgress?: (progress: ProbeProgress) => void;
}

export interface CheckResult {
  target: TargetName;
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
  hint: string;
  caNote?: string;
  /** This check reused the request (and answer) of another target's identical check. */
  sameRequestAs?: TargetName;
  elapsedMs: number | null;
}

export interface ProbeReport {
  results: CheckResult[];
  /** Tenants configured by domain, with the GUID to paste. */
  resolvedTenants: { tenant: string; tenantId: string }[];
}

const NOT_REACHED: Proofs = { tenant: "not-reached", app: "not-reached", scope: "not-reached", password: "not-reached" };

interface Sent {
  answer: EntraAnswer;
  first: TargetName;
  /** The user name in the request, if it had one. */
  username: string | null;
  elapsedMs: number;
}

export async function runProbe(options: ProbeOptions): Promise<ProbeReport> {
  const { targets, client, username } = options;
  const now = options.now ?? (() => performance.now());
  const randomId = options.randomId ?? (() => randomBytes(6).toString("hex"));
  if (username !== undefined && options.readPassword === undefined) throw new Error("runProbe: username without readPassword");
  // Read first, so a missing password source fails before anything is sent.
  const password = username !== undefined ? await options.readPassword!() : undefined;

  const results: CheckResult[] = [];
  const sent = new Map<string, Sent>();
  /** Why no further request of any kind goes out (rate limiting). */
  let haltAll: string | undefined;
  /** Why no further password goes out (lockout risk). */
  let haltPasswords: string | undefined;

  async function once(
    key: string, target: ProbeTarget, kind: CheckKind, user: string | null, request: (user: string | null) => Promise<EntraAnswer>,
  ): Promise<Sent> {
    const earlier = sent.get(key);
    if (earlier !== undefined) return earlier;
    options.onProgress?.({ kind, target: target.name, tenant: target.tenant });
    const started = now();
    const answer = await request(user);
    const done: Sent = { answer, first: target.name, username: user, elapsedMs: Math.round(now() - started) };
    sent.set(key, done);
    return done;
  }

  const record = (target: ProbeTarget, kind: CheckKind, done: Sent, classified: Classification): CheckResult => {
    const result = checkResult(target, kind, done, classified);
    results.push(result);
    if (classified.outcome === "rate-limited") {
      haltAll ??= `the ${target.name} ${kind} check was rate-limited by Entra: wait a few minutes before probing again`;
    }
    // A stop from the app check (its user cannot exist) counts only when it is not "user absent".
    const stopsPasswords = kind === "password" ? classified.stopRetrying : classified.stopRetrying && classified.outcome !== "ok";
    if (stopsPasswords) {
      haltPasswords ??= `the ${target.name} ${kind} check got ${classified.outcome}${aadstsText(classified.aadsts)}, ` +
        "and another attempt could count towards a lockout";
    }
    return result;
  };
  const skip = (target: ProbeTarget, kind: CheckKind, user: string | null, hint: string): CheckResult => {
    const result = skippedResult(target, kind, user, hint);
    results.push(result);
    return result;
  };

  const tenantChecks = new Map<ProbeTarget, CheckResult>();
  for (const target of targets) {
    if (haltAll !== undefined) {
      tenantChecks.set(target, skip(target, "tenant", null, `not checked: ${haltAll}`));
      continue;
    }
    const done = await once(`tenant|${target.authorityHost}|${target.tenant.toLowerCase()}`, target, "tenant", null, () =>
      client.discover({ authorityHost: target.authorityHost, tenant: target.tenant }),
    );
    tenantChecks.set(target, record(target, "tenant", done, classify(done.answer.observation, context(target, "tenant"))));
  }

  const appChecks = new Map<ProbeTarget, CheckResult>();
  for (const target of targets) {
    const tenantCheck = tenantChecks.get(target)!;
    const request = requestKey(target);
    if (!passed(tenantCheck)) {
      appChecks.set(target, skip(target, "app", null, `not checked: the tenant check ${notPassedText(tenantCheck)}`));
      continue;
    }
    if (haltAll !== undefined && !sent.has(`app|${request}`)) {
      appChecks.set(target, skip(target, "app", null, `not checked: ${haltAll}`));
      continue;
    }
    const user = `jcprofile-probe-${randomId()}@${generatedDomain(target.tenant)}`;
    const done = await once(`app|${request}`, target, "app", user, () =>
      client.passwordGrant({ ...grantTarget(target), username: user, password: randomBytes(18).toString("base64url") }),
    );
    appChecks.set(target, record(target, "app", done, classify(done.answer.observation, context(target, "app"))));
  }

  if (username !== undefined && password !== undefined) {
    for (const target of targets) {
      const tenantCheck = tenantChecks.get(target)!;
      const appCheck = appChecks.get(target)!;
      const key = `password|${requestKey(target)}|${username.toLowerCase()}`;
      if (!passed(tenantCheck)) {
        skip(target, "password", username, `password not sent: the tenant check ${notPassedText(tenantCheck)}`);
      } else if (!passed(appCheck)) {
        skip(target, "password", username, `password not sent: the app check ${notPassedText(appCheck)}; fix that first`);
      } else if (!sent.has(key) && (haltAll ?? haltPasswords) !== undefined) {
        skip(target, "password", username, `password not sent: ${haltAll ?? haltPasswords}`);
      } else {
        const done = await once(key, target, "password", username, () => client.passwordGrant({ ...grantTarget(target), username, password }));
        record(target, "password", done, classify(done.answer.observation, context(target, "password")));
      }
    }
  }

  // Every row of a target names the GUID its tenant check resolved.
  for (const result of results) result.tenantId ??= [...tenantChecks.values()].find((check) => check.target === result.target)?.tenantId ?? null;
  return { results: orderByTarget(results, targets), resolvedTenants: resolvedTenants(results) };
}

/** 0 all passed or accepted (warn counts as pass); 1 something failed; 3 nothing failed but something was inconclusive. */
export function probeExitCode(results: readonly CheckResult[]): ExitCodeValue {
  if (results.some((result) => result.verdict === "fail")) return ExitCode.failed;
  if (results.some((result) => result.verdict === "inconclusive")) return ExitCode.inconclusive;
  return ExitCode.ok;
}

function context(target: ProbeTarget, kind: CheckKind) {
  return { kind, customScope: hasCustomScope(target.scopes), successCodes: target.successCodes };
}

function requestKey(target: ProbeTarget): string {
  return [target.authorityHost, target.tenant.toLowerCase(), target.clientId.toLowerCase(), scopeKey(target.scopes)].join("|");
}

function grantTarget(target: ProbeTarget) {
  return { authorityHost: target.authorityHost, tenant: target.tenant, clientId: target.clientId, scopes: target.scopes };
}

/**
 * The generated user lives in the tenant's own domain when we know one, so Entra looks for it there
 * and answers "user not found". For a GUID tenant we know no domain; `.invalid` (RFC 2606) can never
 * belong to a real user.
 */
function generatedDomain(tenant: string): string {
  return GUID_PATTERN.test(tenant) ? "jcprofile-probe.invalid" : tenant.toLowerCase();
}

const passed = (result: CheckResult): boolean => result.verdict === "pass" || result.verdict === "warn";

function notPassedText(result: CheckResult): string {
  if (result.verdict === "skipped") return "was not reached";
  return `${result.verdict === "fail" ? "failed" : "was inconclusive"} (${result.outcome}${aadstsText(result.aadsts)})`;
}

const aadstsText = (code: number | null): string => (code === null ? "" : `, AADSTS${code}`);

function checkResult(target: ProbeTarget, kind: CheckKind, done: Sent, classified: Classification): CheckResult {
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
    httpStatus,
    correlationId: done.answer.correlationId,
    traceId: done.answer.traceId,
    hint: classified.hint,
    ...(classified.caNote !== undefined && { caNote: classified.caNote }),
    ...(done.first !== target.name && { sameRequestAs: done.first }),
    elapsedMs: done.first === target.name ? done.elapsedMs : null,
  };
}

function skippedResult(target: ProbeTarget, kind: CheckKind, user: string | null, hint: string): CheckResult {
  return {
    ...describeTarget(target, kind, user),
    tenantId: configuredGuid(target.tenant),
    outcome: "skipped",
    verdict: "skipped",
    accepted: false,
    passwordVerified: null,
    proofs: { ...NOT_REACHED },
    aadsts: null,
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
function orderByTarget(results: CheckResult[], targets: readonly ProbeTarget[]): CheckResult[] {
  const index = (name: TargetName) => targets.findIndex((target) => target.name === name);
  return results.map((result, order) => ({ result, order }))
    .sort((a, b) => index(a.result.target) - index(b.result.target) || a.order - b.order)
    .map(({ result }) => result);
}

function resolvedTenants(results: readonly CheckResult[]): ProbeReport["resolvedTenants"] {
  const found = new Map<string, string>();
  for (const result of results) {
    if (result.kind === "tenant" && result.tenantId !== null && !GUID_PATTERN.test(result.tenant)) {
      found.set(result.tenant.toLowerCase(), result.tenantId);
    }
  }
  return [...found].map(([tenant, tenantId]) => ({ tenant, tenantId }));
}
