/**
 * The order of work of the ROPG checks that `probe` and init's live checks share, with every side
 * effect injected: tenant check per distinct tenant, then an app check per target (a user name
 * that cannot exist, a random password), then — only with a user name — one password check per
 * target.
 *
 * A real person's password is at stake, so the rules are strict: at most one attempt per target,
 * identical requests share one attempt, nothing more is sent after an answer that says "stop"
 * (wrong password, locked, disabled, rate-limited…), and a password is never sent to a tenant or an
 * app that already failed its own check.
 */
import { randomBytes } from "node:crypto";
import { GUID_PATTERN } from "../config/schema.js";
import { checkResult, orderByTarget, resolvedTenants, skippedResult, type CheckResult, type ProbeReport, type Sent } from "./check-results.js";
import { classify } from "./classify.js";
import { hasCustomScope, scopeKey } from "./scopes.js";
import type { ProbeTarget, TargetName } from "./probe-target.js";
import type { EntraAnswer, EntraClient } from "./transport.js";
import type { CheckKind, Classification, ClassifyContext } from "./types.js";

export interface ProbeProgress {
  kind: CheckKind;
  target: TargetName;
  tenant: string;
}

export interface RunChecksOptions {
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

export async function runChecks(options: RunChecksOptions): Promise<ProbeReport> {
  const { targets, client, username } = options;
  const now = options.now ?? (() => performance.now());
  const randomId = options.randomId ?? (() => randomBytes(6).toString("hex"));
  if (username !== undefined && options.readPassword === undefined) throw new Error("runChecks: username without readPassword");
  // Read first, so a missing password source fails before anything is sent.
  const password = username !== undefined ? await options.readPassword!() : undefined;

  const results: CheckResult[] = [];
  const sent = new Map<string, Sent>();
  /** Why no further request of any kind goes out (rate limiting). */
  let haltAll: string | undefined;
  /** Why no further password goes out (lockout risk). */
  let haltPasswords: string | undefined;

  /** Sends a request unless an identical one already went out; then its answer is shared. */
  async function once(key: string, target: ProbeTarget, kind: CheckKind, user: string | null, request: () => Promise<EntraAnswer>): Promise<Sent> {
    const earlier = sent.get(key);
    if (earlier !== undefined) return earlier;
    options.onProgress?.({ kind, target: target.name, tenant: target.tenant });
    const started = now();
    const answer = await request();
    const done: Sent = { answer, first: target, username: user, elapsedMs: Math.round(now() - started) };
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
    for (const target of targets.filter((candidate) => candidate.checksPassword)) {
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

function context(target: ProbeTarget, kind: CheckKind): ClassifyContext {
  const { successCodes, expectedCloudInstance } = target;
  return {
    kind, customScope: hasCustomScope(target.scopes), successCodes,
    ...(expectedCloudInstance !== undefined && { expectedCloudInstance }),
    ...(!target.checksPassword && { interactiveOnly: true }),
  };
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

