/**
 * WizardChecks on the Entra layer that `jcprofile probe` runs too: its client (plain HTTPS), its
 * run order (a password is never sent to a tenant or app that failed its own check) and its
 * classification.
 * Loaded only when the wizard probes, so `init --no-probe` never loads the network code.
 */
import { classify } from "../entra/classify.js";
import { fetchForEnvironment, type FetchLike } from "../net/http.js";
import { createEntraClient } from "../entra/entra-client.js";
import type { CheckResult } from "../entra/check-results.js";
import { runChecks } from "../entra/run-checks.js";
import { flagsTarget, type ProbeTarget } from "../entra/probe-target.js";
import type { CheckKind, Outcome } from "../entra/types.js";
import type { AppRequest, CheckOutcome, WizardChecks } from "./checks.js";

export interface ProbeChecksOptions {
  /** HTTPS_PROXY / NO_PROXY are read from here, as `jcprofile probe` does. */
  env: NodeJS.ProcessEnv;
  /** Tests pass a fetch that trusts the local emulator. */
  fetch?: FetchLike;
  /** Per request, as probe's default. */
  timeoutSeconds?: number;
}

export async function createProbeChecks(options: ProbeChecksOptions): Promise<WizardChecks> {
  const { fetch, viaProxy } = options.fetch !== undefined ? { fetch: options.fetch, viaProxy: false } : await fetchForEnvironment(options.env);
  const client = createEntraClient({ fetch, viaProxy, timeoutSeconds: options.timeoutSeconds ?? 15 });
  const target = (request: AppRequest): ProbeTarget => {
    const flags = flagsTarget({ ...request, scopes: request.scopes.join(" ") });
    // The login window's sign-in app: only tenant and app are checked, and public client flows may be off.
    return request.interactiveOnly === true ? { ...flags, role: "OIDCClientID", checksPassword: false } : flags;
  };

  return {
    async discoverTenant(request) {
      const answer = await client.discover(request);
      const classified = classify(answer.observation, { kind: "tenant", customScope: false, successCodes: [] });
      return {
        verdict: classified.verdict,
        cause: classified.cause,
        hint: classified.hint,
        outcome: classified.outcome,
        aadsts: classified.aadsts,
        ...(answer.observation.type === "openid-configuration" && { tenantId: answer.observation.tenantId }),
      };
    },
    async checkApp(request) {
      const report = await runChecks({ targets: [target(request)], client });
      return outcomeOf(report.results, "app");
    },
    async checkPassword(request, readPassword) {
      const report = await runChecks({ targets: [target(request)], client, username: request.username, readPassword });
      return outcomeOf(report.results, "password");
    },
  };
}

/**
 * The check the admin asked about; when the probe stopped before it (the tenant or app failed
 * first), the check that stopped it, whose hint says why.
 */
function outcomeOf(results: readonly CheckResult[], kind: CheckKind): CheckOutcome {
  const wanted = results.find((result) => result.kind === kind);
  const blocking = results.find((result) => result.kind !== kind && (result.verdict === "fail" || result.verdict === "inconclusive"));
  const chosen = wanted !== undefined && wanted.verdict !== "skipped" ? wanted : (blocking ?? wanted);
  if (chosen === undefined || chosen.verdict === "skipped") {
    return { verdict: "inconclusive", hint: chosen?.hint ?? `the ${kind} check did not run` };
  }
  return {
    verdict: chosen.verdict,
    cause: chosen.kind === kind ? chosen.cause : `${chosen.kind} check: ${chosen.cause ?? chosen.outcome}`,
    hint: chosen.hint,
    outcome: chosen.outcome as Outcome,
    aadsts: chosen.aadsts,
    ...(chosen.caNote !== undefined && { caNote: chosen.caNote }),
    ...(chosen.tenantId !== null && { tenantId: chosen.tenantId }),
  };
}
