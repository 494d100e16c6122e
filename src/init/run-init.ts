/**
 * `jcprofile init`: answers → environment → config text → review → write → build.
 *
 * Nothing is written until every answer is in, the new config has passed the same validation,
 * resolution and rendering as `jcprofile build`, and the admin has seen the change. Then the
 * config is written atomically and that environment is built (by build's use case, which the
 * adapter hands in). Every seam (prompter, checks, build, ui, clock, terminal) is injected, so
 * tests run the whole wizard in a temp folder.
 */
import { dirname } from "node:path";
import { isUserError, UserError } from "../errors.js";
import { configLocation } from "../project/read-config-file.js";
import { authorityHostOf, withoutTrailingSlash } from "../config/resolve.js";
import { deepMerge, ownValue } from "../config/merge.js";
import type { EnvironmentInput } from "../config/schema.js";
import { note, type AnswerFlags, type Asking } from "./ask-question.js";
import type { CheckRecord, WizardChecks } from "./checks.js";
import { PROBE_TIMEOUT_SECONDS, readTimeoutFlag } from "../net/timeout.js";
import { printSummary, reviewChecks } from "./summary.js";
import { readExistingConfig, validateInMemory, type ExistingConfig } from "../project/config-edit.js";
import { planChanges } from "./plan-changes.js";
import { walk } from "./flow.js";
import { validateUser } from "./password-check.js";
import { interrupted, type Prompter } from "../prompt/prompter.js";
import { licenseDefault } from "./license-files.js";
import type { Answers, QuestionContext } from "./question-types.js";
import type { Output } from "../output.js";
import { validators } from "./validators.js";
import { reviewAndConfirm } from "../project/review.js";
import { leftoverWarning, saveConfigText } from "../project/write-config.js";

export interface InitFlags {
  config?: string;
  answers: AnswerFlags;
  authorityHost?: string;
  /** --timeout, as typed: seconds per live check. */
  timeout?: string;
  keepDomain?: boolean;
  testUser?: string;
  /** false: --no-probe. */
  probe: boolean;
  yes: boolean;
  /** Flags that contradict each other on the command line, one line each: named with the other bad flags. */
  conflicts?: readonly string[];
}

/** What init asks `build` for: the written config's environments, into their default output folder. */
export interface BuildRequest {
  cwd: string;
  config?: string;
  envs: readonly string[];
}

export interface InitOptions {
  cwd: string;
  flags: InitFlags;
  /** stdin and stderr are terminals: questions without an answer are asked. */
  isTTY: boolean;
  prompter?: Prompter;
  /** Made only when the wizard probes, so `--no-probe` never loads the network code. */
  checks?: (options: { timeoutSeconds: number }) => Promise<WizardChecks>;
  /** Builds the chosen environment (every one, when a flag changed organization or identifier) from the config just written: `jcprofile build`'s use case, given by the adapter. */
  build: (request: BuildRequest) => Promise<{ files: string[]; warnings: string[] }>;
  ui: Output;
  now?: () => Date;
  /** Aborted by SIGINT while no prompt has the keyboard. */
  signal?: AbortSignal;
  /** The terminal's width, when known: explanations wrap at word boundaries. */
  width?: number;
}

export interface InitResult {
  environment: string;
  /** The config file as shown; `configWritten` false when nothing in it changed. */
  config: string;
  configWritten: boolean;
  /** The built profiles, as shown. */
  files: string[];
  /** Live checks the admin continued past although they failed: the command exits 1. */
  failedChecks: CheckRecord[];
  /** The admin asked to try the login window's sign-in now (`jcprofile signin`). */
  trySignIn: boolean;
}

/** Checks what needs no answer first: the live checks' timeout, and every flag found wrong (all of them, not the first). */
function preflight(options: InitOptions): { timeout: number; bad: string[] } {
  const { flags, isTTY } = options;
  const bad: string[] = [...(flags.conflicts ?? [])];
  let timeout = PROBE_TIMEOUT_SECONDS;
  try {
    timeout = readTimeoutFlag(flags.timeout, PROBE_TIMEOUT_SECONDS);
  } catch (error) {
    if (!isUserError(error)) throw error;
    bad.push(error.message);
  }
  if (flags.authorityHost !== undefined) {
    const verdict = validators.authorityHost(flags.authorityHost);
    if (verdict !== true) bad.push(`--authority-host: ${verdict}`);
  }
  if (flags.testUser !== undefined) {
    const verdict = validateUser(flags.testUser);
    if (verdict !== true) bad.push(`--test-user: ${verdict}`);
    else if (!flags.probe) bad.push("--test-user needs the live checks — leave out --no-probe");
    else if (!isTTY) {
      bad.push('--test-user needs a terminal: the password is read only from a masked prompt — without one, use "jcprofile probe --env NAME --username UPN --password-stdin"');
    }
  }
  return { timeout, bad };
}

/** One error for every bad flag: one line when there is one, else a count and a line each. */
function badFlagsError(bad: readonly string[]): UserError {
  return bad.length === 1 ? new UserError(bad[0]!) : new UserError(`${bad.length} flags are wrong — fix them all, then run init again:`, { details: bad });
}

/** The one value every environment of the config has for `pick`, if they agree. */
function shared<T>(existing: ExistingConfig | undefined, pick: (environment: EnvironmentInput) => T | undefined): T | undefined {
  if (existing === undefined) return undefined;
  const values = Object.values(existing.config.environments).map((own) => pick(deepMerge(existing.config.defaults ?? {}, own)));
  const first = values[0];
  return first !== undefined && values.every((value) => value === first) ? first : undefined;
}

function askingFor(options: InitOptions, existing: ExistingConfig | undefined, interactive: boolean): Asking {
  const environments = existing !== undefined ? Object.keys(existing.config.environments) : [];
  const context: QuestionContext = {
    cwd: options.cwd, firstRun: existing === undefined, current: {}, environments,
    ...(options.flags.authorityHost !== undefined && { authorityHost: options.flags.authorityHost }),
  };
  return {
    answers: {},
    context,
    flags: options.flags.answers,
    interactive,
    yes: options.flags.yes,
    prompter: options.prompter,
    ui: options.ui,
    missing: [],
    ...(options.width !== undefined && { width: options.width }),
  };
}

export async function runInit(options: InitOptions): Promise<InitResult> {
  const { cwd, flags, ui } = options;
  const { timeout: timeoutSeconds, bad } = preflight(options);
  // At a terminal the rest are checked as each question comes; without one, the dry pass below adds them.
  if (bad.length > 0 && options.isTTY) throw badFlagsError(bad);
  const source = configLocation(cwd, flags.config);
  const configDir = dirname(source.path);
  const existing = readExistingConfig(source);
  const inherited: EnvironmentInput = existing?.config.defaults ?? {};
  let current: EnvironmentInput = {};
  /** A new environment takes the authority host the others share (a test tenant's, say). */
  let siblingAuthorityHost: string | undefined;
  let cloud: () => EnvironmentInput["cloud"] = () => current.cloud;

  const onEnvironment = (name: string, context: QuestionContext) => {
    const own = ownValue(existing?.config.environments, name);
    current = deepMerge(inherited, own ?? {});
    context.current = current;
    const siblingCloud = own === undefined ? shared(existing, (environment) => environment.cloud ?? "public") : undefined;
    if (siblingCloud !== undefined) context.siblingCloud = siblingCloud;
    siblingAuthorityHost = own === undefined && current.authorityHost === undefined ? shared(existing, (environment) => environment.authorityHost) : undefined;
    const license = licenseDefault({ cwd, configDir, configured: current.license });
    if (license !== undefined) context.license = license;
    if (own !== undefined && options.isTTY) {
      note({ ui, ...(options.width !== undefined && { width: options.width }) }, `  "${name}" is in ${source.displayPath}: its values are the defaults, and you see the changes before anything is written.`);
    }
  };
  const log: CheckRecord[] = [];
  const hostFlag = () => flags.authorityHost ?? siblingAuthorityHost;
  const authorityHost = () => authorityHostOf({ cloud: cloud(), authorityHost: hostFlag() ?? current.authorityHost });
  const walkWith = (asking: Asking, checks: WizardChecks | undefined) => {
    cloud = () => asking.answers.cloud ?? current.cloud;
    return walk({
      asking, checks, onEnvironment, authorityHost, keepDomain: flags.keepDomain === true, log,
      ...(flags.testUser !== undefined && { testUser: flags.testUser }),
      ...(options.signal !== undefined && { signal: options.signal }),
    });
  };

  if (!options.isTTY) {
    // A dry pass first: every missing flag is named at once, before Entra is asked anything.
    const dry = { ...askingFor(options, existing, false), badFlags: bad };
    await walkWith(dry, undefined);
    if (bad.length > 0) throw badFlagsError(bad);
    if (dry.missing.length > 0) {
      throw new UserError(
        `no terminal to ask on, and these answers have no default: pass ${dry.missing.join(", ")} (defaults are taken for the rest; see "jcprofile init --help")`,
      );
    }
  } else if (options.prompter === undefined) {
    throw new Error("runInit: a terminal but no prompter");
  }

  const checks = flags.probe && options.checks ? await options.checks({ timeoutSeconds }) : undefined;
  const asking = askingFor(options, existing, options.isTTY);
  const answers = (await walkWith(asking, checks)) as Answers;
  // DenyLocal is on by default (Jamf's and the wizard's): say so when no local account is left out of it.
  if (answers.denyLocal && (answers.denyLocalExcluded ?? []).length === 0) {
    ui.warn(
      "DenyLocal is on and DenyLocalExcluded lists no account: no local account, not even a local admin, can sign in at the login window " +
        "without Entra — list a break-glass account (--deny-local-excluded ladmin), or turn DenyLocal off (--no-deny-local)",
    );
  }

  const plan = planChanges({
    source, existing, inherited, answers, cwd,
    ...(hostFlag() !== undefined && { authorityHost: withoutTrailingSlash(hostFlag()!) }),
    now: options.now?.() ?? new Date(),
  });
  for (const warning of plan.warnings) ui.warn(warning);
  // An organization or identifier given by flag changes every environment's profiles (their
  // organization, their identifiers): all are checked and built, so none is left stale in out/.
  const envs = plan.topChanges.length > 0 && existing !== undefined ? [...new Set([...Object.keys(existing.config.environments), answers.env])] : [answers.env];
  validateInMemory(plan.text, source, envs, plan.files);
  for (const file of plan.files ?? []) ui.info(`license: ${file.displayPath} is copied beside the config (the chosen file is outside its folder, where a colleague's clone would not find it)`);
  reviewChecks(ui, log);
  await reviewAndConfirm(plan, { ui, prompter: options.prompter, interactive: options.isTTY, yes: flags.yes, source });
  if (options.signal?.aborted) throw interrupted();

  if (plan.changed) for (const leftover of await saveConfigText(source, plan.text, plan.files)) ui.warn(leftoverWarning(leftover));
  const built = await options.build({ cwd, ...(flags.config !== undefined && { config: flags.config }), envs });
  for (const warning of built.warnings) ui.warn(warning);
  if (plan.changed) ui.data(source.displayPath);
  for (const file of plan.files ?? []) ui.data(file.displayPath);
  for (const file of built.files) ui.data(file);
  const failedChecks = log.filter((entry) => entry.continued && entry.verdict === "fail");
  printSummary(ui, {
    answers, log, probed: checks !== undefined, files: built.files,
    ...(flags.config !== undefined && { config: flags.config }),
    ...(hostFlag() !== undefined && { authorityHost: withoutTrailingSlash(hostFlag()!) }),
  });
  const trySignIn = failedChecks.length === 0 && (await offerSignIn(options, answers.env));
  return { environment: answers.env, config: source.displayPath, configWritten: plan.changed, files: built.files, failedChecks, trySignIn };
}

/**
 * At a terminal, the sign-in users will see can be tried right away (jcprofile signin). Not with
 * --yes or --no-probe: those runs asked to be left alone and offline.
 */
async function offerSignIn(options: InitOptions, env: string): Promise<boolean> {
  if (!options.isTTY || options.prompter === undefined || options.flags.yes || !options.flags.probe) return false;
  options.ui.info("");
  note(
    { ui: options.ui, ...(options.width !== undefined && { width: options.width }) },
    `  jcprofile signin opens the login window's sign-in for ${env} in your browser and shows what Jamf Connect would see (admin or not).`,
  );
  return options.prompter.confirm({ message: "Try the sign-in now?", default: false });
}
