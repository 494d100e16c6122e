/**
 * The checks run while the admin answers: the tenant right after it is typed, the app after the
 * client IDs, then, if wanted, one real sign-in of a test user. A spinner runs while Entra is
 * asked and is gone before the next prompt. After a failure the admin re-enters the value,
 * continues anyway, or quits; without a terminal a failure ends the run (exit 1).
 */
import { ExitCode, UserError } from "../errors.js";
import { GUID_PATTERN } from "../config/schema.js";
import { customScopeString, DEFAULT_SCOPE_NAME } from "../config/resolve.js";
import { DEFAULT_ROPG_SCOPES, splitScopes } from "../probe/scopes.js";
import { isUserPrincipalName, NOT_A_UPN } from "../probe/username.js";
import { askQuestion, type Asking } from "./ask-question.js";
import type { CheckOutcome, WizardChecks } from "./checks.js";
import { interrupted } from "./prompter.js";
import { questionNamed, type AnswerName } from "./questions.js";
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
}

const QUIT_MESSAGE = "init stopped — nothing was written";

/** Waits for a check, or for Ctrl-C (SIGINT) while no prompt owns the keyboard. */
async function untilDone<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
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

function finish(live: Live, spinner: Pick<Spinner, "stop">, label: string, outcome: CheckOutcome): void {
  spinner.stop(outcome.verdict, `${label}: ${outcome.hint}`);
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

const passed = (outcome: CheckOutcome) => outcome.verdict === "pass" || outcome.verdict === "warn";

type Next = "reenter" | "continue" | "quit";

/** What now, after a check that did not pass. */
async function afterFailure(live: Live, what: string, outcome: CheckOutcome, flags: readonly string[], canReenter: boolean): Promise<Next> {
  const { asking } = live;
  if (!asking.interactive || asking.prompter === undefined) {
    if (outcome.verdict === "inconclusive") {
      asking.ui.warn(`the ${what} could not be checked — continuing; run "jcprofile probe" once Entra can be reached`);
      return "continue";
    }
    throw new UserError(`the ${what} check failed: ${outcome.hint} — fix ${flags.join(" / ")}, or pass --no-probe to skip the live checks`, {
      exitCode: ExitCode.failed,
    });
  }
  const choices = [
    ...(canReenter ? [{ value: "reenter" as const, name: outcome.verdict === "inconclusive" ? "Re-enter the value (and check again)" : "Re-enter the value" }] : []),
    { value: "continue" as const, name: "Continue anyway (keep the value)" },
    { value: "quit" as const, name: "Quit (nothing is written)" },
  ];
  const next = await asking.prompter.select<Next>({ message: `The ${what} check did not pass. What now?`, choices, default: choices[0]!.value });
  if (next === "quit") throw new UserError(QUIT_MESSAGE, { exitCode: ExitCode.failed });
  return next;
}

async function reask(live: Live, names: readonly AnswerName[]): Promise<void> {
  for (const name of names) await askQuestion(questionNamed(name), live.asking, { reenter: true });
}

export async function checkTenant(live: Live): Promise<void> {
  const { answers, context } = live.asking;
  for (;;) {
    const tenant = answers.tenant!;
    const outcome = await check(live, `tenant ${tenant}`, () => live.checks.discoverTenant({ authorityHost: live.authorityHost, tenant }));
    if (passed(outcome)) {
      if (!GUID_PATTERN.test(tenant) && outcome.tenantId !== undefined) await offerGuid(live, tenant, outcome.tenantId);
      return;
    }
    if ((await afterFailure(live, "tenant", outcome, ["--tenant"], true)) === "continue") return;
    context.tenantDomain = undefined;
    await reask(live, ["tenant"]);
  }
}

/** A domain can be renamed or removed; the tenant ID never changes, and it is what Jamf's guide writes. */
async function offerGuid(live: Live, domain: string, tenantId: string): Promise<void> {
  const { asking } = live;
  let store = !live.keepDomain;
  if (!live.keepDomain && !asking.yes && asking.interactive && asking.prompter !== undefined) {
    asking.ui.info(asking.ui.paint("dim", "  The tenant ID never changes; a domain can be renamed or removed."));
    store = await asking.prompter.confirm({ message: `Store the tenant ID ${tenantId} instead of ${domain}?`, default: true });
  }
  if (!store) return;
  asking.answers.tenant = tenantId;
  asking.context.tenantDomain = domain;
}

export async function checkApp(live: Live): Promise<void> {
  const { answers } = live.asking;
  for (;;) {
    const request = { authorityHost: live.authorityHost, tenant: answers.tenant!, clientId: answers.ropgClientId!, scopes: DEFAULT_ROPG_SCOPES };
    const outcome = await check(live, `app ${request.clientId}`, () => live.checks.checkApp(request));
    if (passed(outcome)) return;
    if ((await afterFailure(live, "app", outcome, ["--client-id", "--ropg-client-id"], true)) === "continue") return;
    // A ROPG client that was the login client follows it again once the login client is fixed.
    if (answers.ropgClientId === answers.clientId) delete answers.ropgClientId;
    await reask(live, ["clientId", "ropgClientId"]);
  }
}

/** The scopes the login window's password check will send, as the config will build them. */
function passwordScopes(answers: Live["asking"]["answers"]): readonly string[] {
  if (answers.caChoice !== "custom-scope" || answers.apiAppId === undefined) return DEFAULT_ROPG_SCOPES;
  return splitScopes(customScopeString(answers.apiAppId, answers.scopeName ?? DEFAULT_SCOPE_NAME));
}

export const validateUser = (value: string): true | string => (isUserPrincipalName(value) ? true : `"${value}" ${NOT_A_UPN}`);

/** At most one real attempt per run: a second could count towards the user's lockout. */
export async function checkPassword(live: Live): Promise<void> {
  const { asking } = live;
  const { answers, prompter, ui } = asking;
  if (prompter === undefined || !asking.interactive) return;
  let username = live.testUser;
  if (username === undefined) {
    if (asking.yes) return;
    ui.info(ui.paint("dim", "  One real sign-in of a test account, as the Mac will send it; the password is used once and never saved."));
    if (!(await prompter.confirm({ message: "Check a test user's password now?", default: false }))) return;
    username = await prompter.input({ message: "Test user (user principal name)", validate: validateUser });
  }
  const request = { authorityHost: live.authorityHost, tenant: answers.tenant!, clientId: answers.ropgClientId!, scopes: passwordScopes(answers), username };
  const label = `password of ${username}`;
  let spinner: Spinner | undefined;
  const readPassword = async () => {
    const secret = await prompter.password({ message: `Password for ${username} (used once, never saved)` });
    spinner = await ui.startSpinner(`${label}…`);
    return secret;
  };
  let outcome: CheckOutcome;
  try {
    outcome = await untilDone(live.checks.checkPassword(request, readPassword), live.signal);
  } catch (error) {
    spinner?.stop("inconclusive", `${label}: not finished`);
    throw error;
  }
  finish(live, spinner ?? { stop: (symbol, text) => ui.info(`${symbol}: ${text}`) }, label, outcome);
  if (passed(outcome)) return;
  ui.info(ui.paint("dim", "  The password check is not repeated in this run, to stay clear of the account's lockout."));
  await afterFailure(live, "password", outcome, ["--test-user"], false);
}
