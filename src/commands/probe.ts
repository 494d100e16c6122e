/**
 * `jcprofile probe`: flags → targets and options → runProbe → table or JSON. The probe logic and
 * the network live in src/probe; this file only checks flags, reads the password and prints.
 */
import { styleText } from "node:util";
import { UserError, type ExitCodeValue } from "../errors.js";
import { log, out } from "../log.js";
import { existsSync } from "node:fs";
import { canAnimate, canColour } from "../terminal.js";
import { configLocation, renderAll } from "../build/run-build.js";
import { loadConfig } from "../config/load.js";
import { AUTHORITY_HOSTS } from "../config/resolve.js";
import { GUID_PATTERN, isHttpsUrl, isTenant, messages } from "../config/schema.js";
import { fetchForEnvironment } from "../probe/http.js";
import { createMsalClient } from "../probe/msal-client.js";
import { formatReport, toJsonRecords, type ReportStyle } from "../probe/report.js";
import { probeExitCode } from "../probe/check-results.js";
import { runProbe, type ProbeProgress } from "../probe/run-probe.js";
import { environmentTargets, flagsTarget, type ProbeTarget, type TargetChoice } from "../probe/targets.js";
import { parseTimeoutSeconds } from "../probe/timeout.js";
import { isUserPrincipalName, NOT_A_UPN } from "../probe/username.js";
import { PASSWORD_ENV, readProbePassword } from "./probe-password.js";

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
  timeout: string;
}

const MODES = "probe a config environment (--config FILE --env NAME) or a tenant and app given as flags (--tenant T --client-id C)";

export async function probeCommand(flags: ProbeFlags): Promise<ExitCodeValue> {
  if (flags.password !== undefined) {
    throw new UserError(
      `--password is refused: a password in the command line is kept in shell history and shown to every user in the process list — use --password-stdin or ${PASSWORD_ENV}, or leave both out to be asked at a terminal`,
    );
  }
  const timeoutSeconds = parseTimeout(flags.timeout);
  const username = flags.username !== undefined ? checkUsername(flags.username) : undefined;
  if (flags.passwordStdin && username === undefined) throw new UserError("--password-stdin needs --username: the password is for that user");
  if (username === undefined && process.env[PASSWORD_ENV]) log.warn(`${PASSWORD_ENV} is set but --username is not: no password is checked`);
  const targets = probeTargets(flags);
  for (const note of targets.flatMap((target) => target.notes)) log.warn(note);

  const network = await fetchForEnvironment(process.env);
  const client = createMsalClient({ ...network, timeoutSeconds });
  const spinner = await progressSpinner(Boolean(flags.json));
  try {
    const report = await runProbe({
      targets,
      client,
      ...(username !== undefined && {
        username,
        readPassword: () =>
          readProbePassword({ username, passwordStdin: Boolean(flags.passwordStdin), env: process.env, stdin: process.stdin, promptOutput: process.stderr }),
      }),
      onProgress: (progress) => spinner?.(progress),
    });
    spinner?.(undefined);
    out(flags.json ? JSON.stringify(toJsonRecords(report), null, 2) : formatReport(report, reportStyle(process.stdout, process.env)));
    return probeExitCode(report.results);
  } finally {
    spinner?.(undefined);
  }
}

function probeTargets(flags: ProbeFlags): ProbeTarget[] {
  const fromConfig = [["--config", flags.config], ["--env", flags.env], ["--target", flags.target]].filter(([, value]) => value !== undefined);
  const fromFlags = [["--tenant", flags.tenant], ["--client-id", flags.clientId], ["--scopes", flags.scopes], ["--authority-host", flags.authorityHost]]
    .filter(([, value]) => value !== undefined);
  if (fromConfig.length > 0 && fromFlags.length > 0) {
    const names = (list: (string | undefined)[][]) => list.map(([name]) => name).join(", ");
    throw new UserError(`${names(fromConfig)} and ${names(fromFlags)} cannot be mixed: ${MODES}`);
  }
  if (fromFlags.length > 0) return [targetFromFlags(flags)];
  // With no flag at all, a jcprofile.json in this folder is what the admin means (as for build).
  if (fromConfig.length > 0 || existsSync(configLocation(process.cwd(), undefined).path)) return targetsFromConfig(flags);
  throw new UserError(`nothing to probe: ${MODES}; there is no jcprofile.json in this folder`);
}

function targetFromFlags(flags: ProbeFlags): ProbeTarget {
  if (flags.tenant === undefined || flags.clientId === undefined) {
    throw new UserError(`--tenant and --client-id go together: ${MODES}`);
  }
  if (!isTenant(flags.tenant)) throw new UserError(`--tenant ${JSON.stringify(flags.tenant)} ${messages.tenant}`);
  if (!GUID_PATTERN.test(flags.clientId)) throw new UserError(`--client-id ${JSON.stringify(flags.clientId)} ${messages.clientId}`);
  const authorityHost = flags.authorityHost ?? AUTHORITY_HOSTS.public;
  if (!isHttpsUrl(authorityHost)) throw new UserError(`--authority-host ${JSON.stringify(authorityHost)} ${messages.authorityHost}`);
  if (flags.scopes !== undefined && flags.scopes.trim() === "") throw new UserError(`--scopes ${messages.nonEmpty}`);
  return flagsTarget({
    tenant: flags.tenant,
    clientId: flags.clientId,
    authorityHost,
    ...(flags.scopes !== undefined && { scopes: flags.scopes }),
  });
}

function targetsFromConfig(flags: ProbeFlags): ProbeTarget[] {
  const cwd = process.cwd();
  let env = flags.env;
  if (env === undefined) {
    // One environment needs no --env; with several, probing them all would mix tenants and users.
    const source = configLocation(cwd, flags.config);
    const names = Object.keys(loadConfig(source).config.environments);
    if (names.length !== 1) throw new UserError(`${source.displayPath} has ${names.length} environments (${names.join(", ")}): choose one with --env NAME`);
    env = names[0]!;
  }
  const { environments, warnings } = renderAll({ cwd, ...(flags.config !== undefined && { config: flags.config }), envs: [env] });
  for (const warning of warnings) log.warn(warning);
  return environments.flatMap((environment) => environmentTargets(environment, flags.target ?? "all"));
}

function parseTimeout(text: string): number {
  const seconds = parseTimeoutSeconds(text);
  if (typeof seconds === "string") throw new UserError(seconds);
  return seconds;
}

function checkUsername(value: string): string {
  if (!isUserPrincipalName(value)) throw new UserError(`--username ${JSON.stringify(value)} ${NOT_A_UPN}`);
  return value;
}

const VERDICT_STYLES = { pass: "green", warn: "yellow", fail: "red", inconclusive: "magenta", skipped: "dim" } as const;

/** The table is for stdout: its width and colour are read from stdout, and NO_COLOR is honoured. */
function reportStyle(stdout: NodeJS.WriteStream, env: NodeJS.ProcessEnv): ReportStyle {
  const colour = canColour(stdout, env);
  return {
    ...(stdout.isTTY && stdout.columns > 0 && { width: stdout.columns }),
    ...(colour && { paintVerdict: (verdict, text) => styleText(VERDICT_STYLES[verdict], text) }),
  };
}

const CHECK_TEXT = { tenant: "looking up tenant", app: "checking the app of", password: "checking the password on" } as const;

/**
 * An ora spinner on stderr, only for a person at a terminal: not with --json, not in CI, not when
 * stderr is redirected. ora is imported only then. Returns an updater; `undefined` stops it.
 */
async function progressSpinner(json: boolean): Promise<((progress: ProbeProgress | undefined) => void) | undefined> {
  if (json || !canAnimate(process.stderr, process.env)) return undefined;
  const { default: ora } = await import("ora");
  // discardStdin off: the password prompt may have just used stdin (ora#236).
  const spinner = ora({ stream: process.stderr, discardStdin: false });
  return (progress) => {
    if (progress === undefined) {
      if (spinner.isSpinning) spinner.stop();
      return;
    }
    const text = `${CHECK_TEXT[progress.kind]} ${progress.kind === "tenant" ? progress.tenant : progress.target}…`;
    if (spinner.isSpinning) spinner.text = text;
    else spinner.start(text);
  };
}
