/**
 * The checks run while the admin answers: the tenant right after it is typed, the app after the
 * client IDs, then, if wanted, one real sign-in of a test user. A spinner runs while Entra is
 * asked and is gone before the next prompt. After a failure the admin re-enters the value,
 * continues anyway, or quits; without a terminal a failure ends the run (exit 1).
 */
import { ExitCode, UserError } from "../errors.js";
import { GUID_PATTERN } from "../config/schema.js";
import { DEFAULT_ROPG_SCOPES } from "../entra/scopes.js";
import { askQuestion, note, type Asking } from "./ask-question.js";
import { explain } from "../entra/wording.js";
import type { CheckOutcome, CheckRecord, WizardChecks } from "./checks.js";
import { interrupted } from "../prompt/prompter.js";
import type { AnswerName } from "./question-types.js";
import { questionNamed } from "./questions.js";
import type { Spinner } from "../output.js";

export interface Live {
  asking: Asking;
  checks: WizardChecks;
  authorityHost: string;
  /** --keep-domain: store the tenant as typed, not its GUID. */
  keepDomain: boolean;
  /** --test-user: check this user's password (needs a terminal for the masked prompt). */
  testUser?: string;
  signal?: AbortSignal;
  /** How every check of this run ended, for the review and the summary. */
  log: CheckRecord[];
  /** Password attempts sent in this run (at most MAX_PASSWORD_ATTEMPTS). */
  attempts: { used: number };
}


const QUIT_MESSAGE = "init stopped — nothing was written";

/** Waits for a check, or for Ctrl-C (SIGINT) while no prompt owns the keyboard. */
export async function untilDone<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  if (signal.aborted) throw interrupted();
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(interrupted());
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

/** The probe's line: what Entra answered, then the fix. */
const lineOf = (outcome: CheckOutcome): string => explain({ verdict: outcome.verdict, cause: outcome.cause ?? null, hint: outcome.hint });

export function finish(live: Live, spinner: Pick<Spinner, "stop">, label: string, outcome: CheckOutcome): void {
  spinner.stop(outcome.verdict, `${label}: ${lineOf(outcome)}`);
  if (outcome.caNote !== undefined) live.asking.ui.info(live.asking.ui.paint("yellow", `  ${outcome.caNote}`));
}

async function check(live: Live, label: string, run: () => Promise<CheckOutcome>): Promise<CheckOutcome> {
  const spinner = await live.asking.ui.startSpinner(`${label}…`);
  let outcome: CheckOutcome;
  try {
    outcome = await untilDone(run(), live.signal);
  } catch (error) {
    spinner.stop("inconclusive", `${label}: not finished`);
    throw error;
  }
  finish(live, spinner, label, outcome);
  return outcome;
}

export const passed = (outcome: CheckOutcome) => outcome.verdict === "pass" || outcome.verdict === "warn";

export type Next = "reenter" | "retype" | "another" | "continue" | "quit";

export const record = (live: Live, label: string, outcome: CheckOutcome, continued: boolean): void =>
  void live.log.push({ label, verdict: outcome.verdict, line: lineOf(outcome), continued });

interface FailureChoices {
  /** The value can be typed again (not for a password). */
  reenter?: boolean;
  /** "Retype the password", with the attempt it would be. */
  retype?: string;
  /** "Try another test user": the failure was this user's, not the config's. */
  another?: string;
}

/** What now, after a check that did not pass. "Continue anyway" is remembered for the review and the exit code. */
export async function afterFailure(live: Live, label: string, what: string, outcome: CheckOutcome, flags: readonly string[], offer: FailureChoices): Promise<Next> {
  const { asking } = live;
  if (!asking.interactive || asking.prompter === undefined) {
    if (outcome.verdict === "inconclusive") {
      asking.ui.warn(`the ${what} could not be checked — continuing; run "jcprofile probe" once Entra can be reached`);
      record(live, label, outcome, true);
      return "continue";
    }
    throw new UserError(`the ${what} check failed: ${lineOf(outcome)} — fix ${flags.join(" / ")}, or pass --no-probe to skip the live checks`, {
      exitCode: ExitCode.failed,
    });
  }
  const choices = [
    ...(offer.reenter === true ? [{ value: "reenter" as const, name: outcome.verdict === "inconclusive" ? "Re-enter the value (and check again)" : "Re-enter the value" }] : []),
    ...(offer.retype !== undefined ? [{ value: "retype" as const, name: offer.retype }] : []),
    ...(offer.another !== undefined ? [{ value: "another" as const, name: offer.another }] : []),
    { value: "continue" as const, name: "Continue anyway (keep the value; init will exit 1)" },
    { value: "quit" as const, name: "Quit (nothing is written)" },
  ];
  const next = await asking.prompter.select<Next>({ message: `The ${what} check did not pass. What now?`, choices, default: choices[0]!.value });
  if (next === "quit") throw new UserError(QUIT_MESSAGE, { exitCode: ExitCode.failed });
  if (next === "continue") record(live, label, outcome, true);
  return next;
}

async function reask(live: Live, names: readonly AnswerName[]): Promise<void> {
  for (const name of names) await askQuestion(questionNamed(name), live.asking, { reenter: true });
}

export async function checkTenant(live: Live): Promise<void> {
  const { answers, context } = live.asking;
  for (;;) {
    const tenant = answers.tenant!;
    const label = `tenant ${tenant}`;
    const outcome = await check(live, label, () => live.checks.discoverTenant({ authorityHost: live.authorityHost, tenant }));
    if (passed(outcome)) {
      record(live, label, outcome, false);
      if (!GUID_PATTERN.test(tenant) && outcome.tenantId !== undefined) await offerGuid(live, tenant, outcome.tenantId);
      return;
    }
    if ((await afterFailure(live, label, "tenant", outcome, ["--tenant", "--cloud"], { reenter: true })) === "continue") return;
    context.tenantDomain = undefined;
    // "Tenant not found" is also what a tenant of another cloud gets: the cloud is asked again first.
    // With --authority-host the host is given, so only the tenant is asked again.
    await reask(live, live.asking.context.authorityHost !== undefined ? ["tenant"] : ["cloud", "tenant"]);
  }
}

/** A domain can be renamed or removed; the tenant ID never changes, and it is what Jamf's guide writes. */
async function offerGuid(live: Live, domain: string, tenantId: string): Promise<void> {
  const { asking } = live;
  let store = !live.keepDomain;
  if (!live.keepDomain && !asking.yes && asking.interactive && asking.prompter !== undefined) {
    note(asking, "  The tenant ID never changes; a domain can be renamed or removed.");
    store = await asking.prompter.confirm({ message: `Store the tenant ID ${tenantId} instead of ${domain}?`, default: true });
  }
  if (!store) return;
  asking.answers.tenant = tenantId;
  asking.context.tenantDomain = domain;
}

/**
 * Every distinct client ID the profiles will carry, with the keys it goes into: the login
 * window's password check (OIDCROPGID) and sign-in (OIDCClientID), and the menu bar's password
 * check (ROPGID, kept from the existing environment; it follows OIDCROPGID otherwise).
 */
function clientIds(live: Live): { clientId: string; roles: string[]; interactiveOnly: boolean }[] {
  const { answers, context } = live.asking;
  const byId = new Map<string, { clientId: string; roles: string[]; interactiveOnly: boolean }>();
  const add = (clientId: string | undefined, role: string, interactive: boolean) => {
    if (clientId === undefined) return;
    const entry = byId.get(clientId.toLowerCase()) ?? { clientId, roles: [], interactiveOnly: true };
    entry.roles.push(role);
    entry.interactiveOnly &&= interactive;
    byId.set(clientId.toLowerCase(), entry);
  };
  add(answers.ropgClientId, "OIDCROPGID", false);
  add(answers.clientId, "OIDCClientID", true);
  add(context.current.menubar?.ropgClientId ?? answers.ropgClientId, "ROPGID", false);
  return [...byId.values()];
}

/** The app check for each distinct client ID; after a failure the client IDs are asked again and all are checked again. */
export async function checkApp(live: Live): Promise<void> {
  const { answers } = live.asking;
  apps: for (;;) {
    for (const { clientId, roles, interactiveOnly } of clientIds(live)) {
      const request = { authorityHost: live.authorityHost, tenant: answers.tenant!, clientId, scopes: DEFAULT_ROPG_SCOPES, ...(interactiveOnly && { interactiveOnly }) };
      const label = `app ${clientId} (${roles.join(", ")})`;
      const outcome = await check(live, label, () => live.checks.checkApp(request));
      if (passed(outcome)) {
        record(live, label, outcome, false);
        continue;
      }
      if ((await afterFailure(live, label, "app", outcome, ["--client-id", "--ropg-client-id"], { reenter: true })) === "continue") continue;
      // A ROPG client that was the login client follows it again once the login client is fixed.
      if (answers.ropgClientId === answers.clientId) delete answers.ropgClientId;
      await reask(live, ["clientId", "ropgClientId"]);
      continue apps;
    }
    return;
  }
}
