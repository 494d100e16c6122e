/**
 * The live check of a test user's password: one real sign-in, as the Mac will send it. After a
 * wrong password (AADSTS50126) the admin may retype it on purpose, at most MAX_PASSWORD_ATTEMPTS
 * per run; never automatically, and never after a locked or disabled account.
 */
import { customScopeString, DEFAULT_SCOPE_NAME } from "../config/resolve.js";
import { DEFAULT_ROPG_SCOPES, splitScopes } from "../entra/scopes.js";
import { isUserPrincipalName, NOT_A_UPN } from "../entra/username.js";
import type { CheckOutcome, WizardChecks } from "./checks.js";
import { afterFailure, finish, passed, record, untilDone, type Live } from "./live-checks.js";
import { note } from "./ask-question.js";
import type { Spinner } from "../output.js";

/** A wrong password may be retyped on purpose, but never so often that Smart Lockout counts it up. */
export const MAX_PASSWORD_ATTEMPTS = 3;
/** Only a wrong password (AADSTS50126) is worth retyping; never a locked (50053) or disabled (50057) account. */
const RETYPABLE_CODES: ReadonlySet<number> = new Set([50126]);

/**
 * Answers about this user rather than the config: another test user may pass where this one cannot.
 * Not a locked account (50053): Entra also answers it for an IP address it blocks, which would
 * block the next user too.
 */
const USER_OUTCOMES: ReadonlySet<string> = new Set([
  "invalid-credentials", "user-not-found", "account-disabled", "password-expired", "user-not-assigned",
  "blocked-by-conditional-access", "device-state-required",
]);

/** The scopes the login window's password check will send, as the config will build them. */
function passwordScopes(answers: Live["asking"]["answers"]): readonly string[] {
  if (answers.caChoice !== "custom-scope" || answers.apiAppId === undefined) return DEFAULT_ROPG_SCOPES;
  return splitScopes(customScopeString(answers.apiAppId, answers.scopeName ?? DEFAULT_SCOPE_NAME));
}

export const validateUser = (value: string): true | string => (isUserPrincipalName(value) ? true : `"${value}" ${NOT_A_UPN}`);

/**
 * One real sign-in; after a wrong password (AADSTS50126) the admin may retype it on purpose, up
 * to MAX_PASSWORD_ATTEMPTS per run. Never automatically, and never after a locked or disabled account.
 */
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
  let label = `password of ${username}`;
  for (;;) {
    if (live.attempts.used >= MAX_PASSWORD_ATTEMPTS) return;
    const outcome = await sendPassword(live, request, label);
    if (passed(outcome)) {
      record(live, label, outcome, false);
      return;
    }
    const left = MAX_PASSWORD_ATTEMPTS - live.attempts.used;
    const retypable = outcome.aadsts != null && RETYPABLE_CODES.has(outcome.aadsts) && left > 0;
    const used = `${live.attempts.used} of ${MAX_PASSWORD_ATTEMPTS} password attempts used in this run`;
    note(asking, retypable
      ? `  ${used}. Each wrong password counts towards the account's Smart Lockout.`
      : `  The password check is not repeated (${used}), to stay clear of the account's lockout.`);
    const another = outcome.outcome !== undefined && USER_OUTCOMES.has(outcome.outcome) && left > 0;
    const offer = {
      ...(retypable && { retype: `Retype the password (attempt ${live.attempts.used + 1} of ${MAX_PASSWORD_ATTEMPTS})` }),
      ...(another && { another: "Try another test user" }),
    };
    const next = await afterFailure(live, label, "password", outcome, ["--test-user"], offer);
    if (next === "another") {
      request.username = await prompter.input({ message: "Test user (user principal name)", validate: validateUser });
      label = `password of ${request.username}`;
    } else if (next !== "retype") return;
  }
}

/** One attempt: the password goes from the masked prompt straight into the request. */
async function sendPassword(live: Live, request: Parameters<WizardChecks["checkPassword"]>[0], label: string): Promise<CheckOutcome> {
  const { prompter, ui } = live.asking;
  let spinner: Spinner | undefined;
  const readPassword = async () => {
    const secret = await prompter!.password({ message: `Password for ${request.username} (used once, never saved)` });
    live.attempts.used += 1;
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
  return outcome;
}
