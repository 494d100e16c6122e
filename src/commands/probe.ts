/**
 * `jcprofile probe`: flags → targets and options → runChecks → table or JSON. The probe logic and
 * the network live in src/probe; this file only checks flags, reads the password and prints.
 */
import { styleText } from "node:util";
import { UserError, type ExitCodeValue } from "../errors.js";
import type { CommandIo } from "../io.js";
import { createOutput, type Output } from "../output.js";
import { loadAndRender } from "../project/load-and-render.js";
import { formatProblem } from "../problem.js";
import { existsSync } from "node:fs";
import type { TerminalWritable } from "../io.js";
import { canColour } from "../terminal.js";
import { configLocation } from "../project/read-config-file.js";
import { AUTHORITY_HOSTS } from "../config/resolve.js";
import { GUID_PATTERN, isTenant, messages } from "../config/schema.js";
import { fetchForEnvironment } from "../net/http.js";
import { authorityHostProblem, withoutCredentials } from "../net/urls.js";
import { createEntraClient } from "../entra/entra-client.js";
import { formatReport, probeExitCode, toJsonRecords, type ReportStyle } from "../probe/report.js";
import { runChecks, type ProbeProgress } from "../entra/run-checks.js";
import { runAllEnvironments } from "../probe/run-all.js";
import { environmentTargets, type TargetChoice } from "../probe/targets.js";
import { flagsTarget, type ProbeTarget } from "../entra/probe-target.js";
import { environmentPayloads } from "../render/profile.js";
import { PROBE_TIMEOUT_SECONDS, readTimeoutFlag } from "../net/timeout.js";
import { isUserPrincipalName, NOT_A_UPN } from "../entra/username.js";
import type { Prompter } from "../prompt/prompter.js";
import { PASSWORD_ENV, readProbePassword } from "./probe-password.js";
import { showValue } from "../values.js";

export interface ProbeFlags {
  config?: string;
  env?: string;
  target?: TargetChoice;
  tenant?: string;
  clientId?: string;
  scopes?: string;
  authorityHost?: string;
  username?: string;
  passwordStdin?: boolean;
  /** Declared only to refuse it with an explanation; its value is never read. */
  password?: unknown;
  json?: boolean;
  timeout?: string;
  /** Tenant and app checks of every environment of the config; no password. */
  all?: boolean;
}

const MODES = "probe a config environment (--config FILE --env NAME) or a tenant and app given as flags (--tenant T --client-id C)";

export async function probeCommand(flags: ProbeFlags, io: CommandIo): Promise<ExitCodeValue> {
  const output = createOutput(io);
  if (flags.password !== undefined) {
    throw new UserError(
      `--password is refused: a password in the command line is kept in shell history and shown to every user in the process list — use --password-stdin or ${PASSWORD_ENV}, or leave both out to be asked at a terminal`,
    );
  }
  const timeoutSeconds = readTimeoutFlag(flags.timeout, PROBE_TIMEOUT_SECONDS);
  if (flags.all) return probeAll(flags, io, output, timeoutSeconds);
  const username = flags.username !== undefined ? checkUsername(flags.username) : undefined;
  if (flags.passwordStdin && username === undefined) throw new UserError("--password-stdin needs --username: the password is for that user");
  if (username === undefined && io.env[PASSWORD_ENV]) output.warn(`${PASSWORD_ENV} is set but --username is not: no password is checked`);
  const targets = probeTargets(flags, io, output);
  for (const note of targets.flatMap((target) => target.notes)) output.warn(note);

  const network = await fetchForEnvironment(io.env);
  const client = createEntraClient({ ...network, timeoutSeconds });
  const spinner = flags.json ? undefined : await output.startSpinner();
  try {
    const report = await runChecks({
      targets,
      client,
      ...(username !== undefined && {
        username,
        readPassword: () =>
          readProbePassword({
            username, passwordStdin: Boolean(flags.passwordStdin), env: io.env, stdin: io.stdin, output,
            prompter: () => passwordPrompter(io),
          }),
      }),
      onProgress: (progress) => spinner?.update(progressText(progress)),
    });
    spinner?.clear();
    output.data(flags.json ? JSON.stringify(toJsonRecords(report), null, 2) : formatReport(report, reportStyle(io.stdout, io.env)));
    return probeExitCode(report.results);
  } finally {
    spinner?.clear();
  }
}

/**
 * `--all`, for a scheduled job: every environment's tenant and app checks, a few environments at a
 * time. A password never goes out here: one run would send it to every tenant in the config.
 */
async function probeAll(flags: ProbeFlags, io: CommandIo, output: Output, timeoutSeconds: number): Promise<ExitCodeValue> {
  const refused = [["--env", flags.env], ["--username", flags.username], ["--password-stdin", flags.passwordStdin], ["--tenant", flags.tenant],
    ["--client-id", flags.clientId], ["--scopes", flags.scopes], ["--authority-host", flags.authorityHost]].filter(([, value]) => value !== undefined);
  if (refused.length > 0) {
    const names = refused.map(([name]) => name).join(", ");
    throw new UserError(`--all cannot go with ${names}: it checks the tenant and apps of every environment in the config and never a password — ` +
      "for one environment or a password use --env NAME [--username UPN] instead of --all");
  }
  const { environments, profiles, warnings } = loadAndRender({ cwd: io.cwd, ...(flags.config !== undefined && { config: flags.config }) });
  for (const warning of warnings) output.warn(formatProblem(warning));
  const perEnvironment = environments.map((environment) => ({
    name: environment.name,
    targets: environmentTargets(environment, environmentPayloads(profiles, environment.name), flags.target ?? "all"),
  }));
  for (const note of perEnvironment.flatMap(({ targets }) => targets.flatMap((target) => target.notes))) output.warn(note);

  const network = await fetchForEnvironment(io.env);
  const client = createEntraClient({ ...network, timeoutSeconds });
  const spinner = flags.json ? undefined : await output.startSpinner();
  try {
    const report = await runAllEnvironments({
      environments: perEnvironment,
      client,
      onProgress: (progress) => spinner?.update(`${progress.environment}: ${progressText(progress)}`),
    });
    spinner?.clear();
    output.data(flags.json ? JSON.stringify(toJsonRecords(report), null, 2) : formatReport(report, reportStyle(io.stdout, io.env)));
    return probeExitCode(report.results);
  } finally {
    spinner?.clear();
  }
}

function probeTargets(flags: ProbeFlags, io: CommandIo, output: Output): ProbeTarget[] {
  const fromConfig = [["--config", flags.config], ["--env", flags.env], ["--target", flags.target]].filter(([, value]) => value !== undefined);
  const fromFlags = [["--tenant", flags.tenant], ["--client-id", flags.clientId], ["--scopes", flags.scopes], ["--authority-host", flags.authorityHost]]
    .filter(([, value]) => value !== undefined);
  if (fromConfig.length > 0 && fromFlags.length > 0) {
    const names = (list: (string | undefined)[][]) => list.map(([name]) => name).join(", ");
    throw new UserError(`${names(fromConfig)} and ${names(fromFlags)} cannot be mixed: ${MODES}`);
  }
  if (fromFlags.length > 0) return [targetFromFlags(flags)];
  // With no flag at all, a jcprofile.json in this folder is what the admin means (as for build).
  if (fromConfig.length > 0 || existsSync(configLocation(io.cwd, undefined).path)) return targetsFromConfig(flags, io.cwd, output);
  throw new UserError(`nothing to probe: ${MODES}; there is no jcprofile.json in this folder`);
}

function targetFromFlags(flags: ProbeFlags): ProbeTarget {
  if (flags.tenant === undefined || flags.clientId === undefined) {
    throw new UserError(`--tenant and --client-id go together: ${MODES}`);
  }
  if (!isTenant(flags.tenant)) throw new UserError(`--tenant ${showValue(flags.tenant)} ${messages.tenant}`);
  if (!GUID_PATTERN.test(flags.clientId)) throw new UserError(`--client-id ${showValue(flags.clientId)} ${messages.clientId}`);
  const authorityHost = flags.authorityHost ?? AUTHORITY_HOSTS.public;
  const problem = authorityHostProblem(authorityHost);
  if (problem !== undefined) throw new UserError(`--authority-host ${JSON.stringify(withoutCredentials(authorityHost))} ${problem}`);
  if (flags.scopes !== undefined && flags.scopes.trim() === "") throw new UserError(`--scopes ${messages.nonEmpty}`);
  return flagsTarget({
    tenant: flags.tenant,
    clientId: flags.clientId,
    authorityHost,
    ...(flags.scopes !== undefined && { scopes: flags.scopes }),
  });
}

function targetsFromConfig(flags: ProbeFlags, cwd: string, output: Output): ProbeTarget[] {
  const { config, environments, profiles, warnings, source } = loadAndRender({
    cwd,
    ...(flags.config !== undefined && { config: flags.config }),
    ...(flags.env !== undefined && { envs: [flags.env] }),
  });
  // One environment needs no --env; with several, probing them all would mix tenants and users.
  const names = Object.keys(config.environments);
  if (flags.env === undefined && names.length !== 1) {
    throw new UserError(
      `${source.displayPath} has ${names.length} environments (${names.join(", ")}): choose one with --env NAME, or check the tenant and apps of every one with --all`,
    );
  }
  for (const warning of warnings) output.warn(formatProblem(warning));
  return environments.flatMap((environment) => environmentTargets(environment, environmentPayloads(profiles, environment.name), flags.target ?? "all"));
}

function checkUsername(value: string): string {
  if (!isUserPrincipalName(value)) throw new UserError(`--username ${JSON.stringify(value)} ${NOT_A_UPN}`);
  return value;
}

const VERDICT_STYLES = { pass: "green", warn: "yellow", fail: "red", inconclusive: "magenta", skipped: "dim" } as const;

/** The table is for stdout: its width and colour are read from stdout, and NO_COLOR is honoured. */
function reportStyle(stdout: TerminalWritable, env: NodeJS.ProcessEnv): ReportStyle {
  const colour = canColour(stdout, env);
  return {
    ...(stdout.isTTY === true && (stdout.columns ?? 0) > 0 && { width: stdout.columns! }),
    ...(colour && { paintVerdict: (verdict, text) => styleText(VERDICT_STYLES[verdict], text) }),
  };
}

const CHECK_TEXT = { tenant: "looking up tenant", app: "checking the app of", password: "checking the password on" } as const;

function progressText(progress: ProbeProgress): string {
  return `${CHECK_TEXT[progress.kind]} ${progress.kind === "tenant" ? progress.tenant : progress.target}…`;
}

/** The masked prompt draws on stderr, so stdout stays data (--json); inquirer loads only here. */
async function passwordPrompter(io: CommandIo): Promise<Prompter> {
  const { createPrompter } = await import("../prompt/ask.js");
  return createPrompter({
    input: io.stdin as NodeJS.ReadStream,
    output: io.stderr as NodeJS.WriteStream,
    cancelMessage: "probe cancelled — no password was sent",
  });
}
