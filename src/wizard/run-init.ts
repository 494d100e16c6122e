/**
 * `jcprofile init`: answers → environment → config text → review → write → build.
 *
 * Nothing is written until every answer is in, the new config has passed the same validation,
 * resolution and rendering as `jcprofile build`, and the admin has seen the change. Then the
 * config is written atomically and that environment is built. Every seam (prompter, checks, ui,
 * clock, terminal) is injected, so tests run the whole wizard in a temp folder.
 */
import { dirname } from "node:path";
import { UserError } from "../errors.js";
import { runBuild } from "../build/run-build.js";
import { configLocation } from "../pipeline/config-file.js";
import { authorityHostOf, withoutTrailingSlash } from "../config/resolve.js";
import { deepMerge, ownValue } from "../config/merge.js";
import type { EnvironmentInput } from "../config/schema.js";
import type { AnswerFlags, Asking } from "./ask-question.js";
import type { WizardChecks } from "./checks.js";
import { readExistingConfig, planChanges, validateInMemory, type ExistingConfig } from "./config-edit.js";
import { walk } from "./flow.js";
import { validateUser } from "./live-checks.js";
import { interrupted, type Prompter } from "./prompter.js";
import { licenseDefault } from "./license-files.js";
import type { Answers, QuestionContext } from "./questions.js";
import type { Output } from "../output.js";
import { validators } from "./validators.js";
import { reviewAndConfirm } from "./review.js";
import { saveConfigText } from "../config/write-config.js";

export interface InitFlags {
  config?: string;
  answers: AnswerFlags;
  authorityHost?: string;
  keepDomain?: boolean;
  testUser?: string;
  /** false: --no-probe. */
  probe: boolean;
  yes: boolean;
}

export interface InitOptions {
  cwd: string;
  flags: InitFlags;
  /** stdin and stderr are terminals: questions without an answer are asked. */
  isTTY: boolean;
  prompter?: Prompter;
  /** Made only when the wizard probes, so `--no-probe` never loads msal. */
  checks?: () => Promise<WizardChecks>;
  ui: Output;
  now?: () => Date;
  /** Aborted by SIGINT while no prompt has the keyboard. */
  signal?: AbortSignal;
}

export interface InitResult {
  environment: string;
  /** The config file as shown; `configWritten` false when nothing in it changed. */
  config: string;
  configWritten: boolean;
  /** The built profiles, as shown. */
  files: string[];
}

function preflight(options: InitOptions): void {
  const { flags, isTTY } = options;
  if (flags.authorityHost !== undefined) {
    const verdict = validators.authorityHost(flags.authorityHost);
    if (verdict !== true) throw new UserError(`--authority-host: ${verdict}`);
  }
  if (flags.testUser !== undefined) {
    const verdict = validateUser(flags.testUser);
    if (verdict !== true) throw new UserError(`--test-user: ${verdict}`);
    if (!flags.probe) throw new UserError("--test-user needs the live checks — leave out --no-probe");
    if (!isTTY) {
      throw new UserError(
        '--test-user needs a terminal: the password is read only from a masked prompt — without one, use "jcprofile probe --env NAME --username UPN --password-stdin"',
      );
    }
  }
}

function askingFor(options: InitOptions, existing: ExistingConfig | undefined, interactive: boolean): Asking {
  const context: QuestionContext = { cwd: options.cwd, firstRun: existing === undefined, current: {} };
  return {
    answers: {},
    context,
    flags: options.flags.answers,
    interactive,
    yes: options.flags.yes,
    prompter: options.prompter,
    ui: options.ui,
    missing: [],
  };
}

export async function runInit(options: InitOptions): Promise<InitResult> {
  const { cwd, flags, ui } = options;
  preflight(options);
  const source = configLocation(cwd, flags.config);
  const configDir = dirname(source.path);
  const existing = readExistingConfig(source);
  const inherited: EnvironmentInput = existing?.config.defaults ?? {};
  let current: EnvironmentInput = {};

  const onEnvironment = (name: string, context: QuestionContext) => {
    const own = ownValue(existing?.config.environments, name);
    current = deepMerge(inherited, own ?? {});
    context.current = current;
    const license = licenseDefault({ cwd, configDir, configured: current.license });
    if (license !== undefined) context.license = license;
    if (own !== undefined && options.isTTY) {
      ui.info(ui.paint("dim", `  "${name}" is in ${source.displayPath}: its values are the defaults, and you see the changes before anything is written.`));
    }
  };
  const authorityHost = () => authorityHostOf({ cloud: current.cloud, authorityHost: flags.authorityHost ?? current.authorityHost });
  const walkWith = (asking: Asking, checks: WizardChecks | undefined) =>
    walk({
      asking, checks, onEnvironment, authorityHost, keepDomain: flags.keepDomain === true,
      ...(flags.testUser !== undefined && { testUser: flags.testUser }),
      ...(options.signal !== undefined && { signal: options.signal }),
    });

  if (!options.isTTY) {
    // A dry pass first: every missing flag is named at once, before Entra is asked anything.
    const dry = askingFor(options, existing, false);
    await walkWith(dry, undefined);
    if (dry.missing.length > 0) {
      throw new UserError(
        `no terminal to ask on, and these answers have no default: pass ${dry.missing.join(", ")} (defaults are taken for the rest; see "jcprofile init --help")`,
      );
    }
  } else if (options.prompter === undefined) {
    throw new Error("runInit: a terminal but no prompter");
  }

  const checks = flags.probe && options.checks ? await options.checks() : undefined;
  const asking = askingFor(options, existing, options.isTTY);
  const answers = (await walkWith(asking, checks)) as Answers;

  const plan = planChanges({
    source, existing, inherited, answers, cwd,
    ...(flags.authorityHost !== undefined && { authorityHost: withoutTrailingSlash(flags.authorityHost) }),
    now: options.now?.() ?? new Date(),
  });
  for (const warning of plan.warnings) ui.warn(warning);
  validateInMemory(plan.text, source, answers.env);
  await reviewAndConfirm(plan, { ui, prompter: options.prompter, interactive: options.isTTY, yes: flags.yes, source });
  if (options.signal?.aborted) throw interrupted();

  if (plan.changed) await saveConfigText(source, plan.text);
  const built = await runBuild({ cwd, ...(flags.config !== undefined && { config: flags.config }), envs: [answers.env] });
  for (const warning of built.warnings) ui.warn(warning);
  if (plan.changed) ui.data(source.displayPath);
  for (const file of built.files) ui.data(file);
  printNext(ui, answers.env, flags.config, built.files);
  return { environment: answers.env, config: source.displayPath, configWritten: plan.changed, files: built.files };
}

function printNext(ui: Output, env: string, config: string | undefined, files: readonly string[]): void {
  const configFlag = config !== undefined ? ` --config ${config}` : "";
  const folder = files[0]?.replace(/[\\/][^\\/]+$/, "") ?? `out/${env}`;
  const steps: [string, string][] = [
    [`jcprofile build${configFlag}`, "rebuild every environment after you edit the config"],
    [`jcprofile probe${configFlag} --env ${env}`, "check the tenant, the app and a test user's password again"],
  ];
  const width = Math.max(...steps.map(([command]) => command.length)) + 2;
  ui.info("");
  ui.info("Next:");
  ui.info(`  upload ${folder}/*.mobileconfig to Jamf Pro (Computers → Configuration Profiles → Upload)`);
  for (const [command, why] of steps) ui.info(`  ${command.padEnd(width)}${ui.paint("dim", why)}`);
}
