/**
 * `jcprofile probe`: flags → runProbe (src/probe: what to check, then the checks) → table or JSON
 * → exit code. This file only checks the flags, reads the password and prints.
 */
import { styleText } from "node:util";
import { UserError, type ExitCodeValue } from "../errors.js";
import type { CommandIo, TerminalWritable } from "../io.js";
import { terminalPrompter } from "../prompt/terminal-prompter.js";
import { createOutput, type Output } from "../output.js";
import { canColour } from "../terminal.js";
import { fetchForEnvironment } from "../net/http.js";
import { createEntraClient } from "../entra/entra-client.js";
import type { ProbeProgress } from "../entra/run-checks.js";
import { formatReport, probeExitCode, toJsonRecords, type ReportStyle } from "../probe/report.js";
import { runProbe, type ProbeChoice } from "../probe/run-probe.js";
import { PROBE_TIMEOUT_SECONDS, readTimeoutFlag } from "../net/timeout.js";
import { isUserPrincipalName, NOT_A_UPN } from "../entra/username.js";
import { PASSWORD_ENV, readProbePassword } from "./probe-password.js";

export interface ProbeFlags extends ProbeChoice {
  /** Declared only to refuse it with an explanation; its value is never read. */
  password?: unknown;
  json?: boolean;
  timeout?: string;
}

export async function probeCommand(flags: ProbeFlags, io: CommandIo): Promise<ExitCodeValue> {
  const output = createOutput(io);
  if (flags.password !== undefined) {
    throw new UserError(
      `--password is refused: a password in the command line is kept in shell history and shown to every user in the process list — use --password-stdin or ${PASSWORD_ENV}, or leave both out to be asked at a terminal`,
    );
  }
  const timeoutSeconds = readTimeoutFlag(flags.timeout, PROBE_TIMEOUT_SECONDS);
  // --all refuses --username and --password-stdin itself (runProbe), before any of this is judged.
  const username = flags.all ? undefined : testUser(flags, io, output);
  const spinner = flags.json ? undefined : await output.startSpinner();
  try {
    const report = await runProbe({
      cwd: io.cwd,
      choice: flags,
      ...(username !== undefined && {
        username,
        readPassword: () =>
          readProbePassword({
            username, passwordStdin: Boolean(flags.passwordStdin), env: io.env, stdin: io.stdin, output,
            prompter: () => terminalPrompter(io, { cancelMessage: "probe cancelled — no password was sent" }),
          }),
      }),
      connect: async () => createEntraClient({ ...(await fetchForEnvironment(io.env)), timeoutSeconds }),
      warn: (message) => output.warn(message),
      onProgress: (progress) => spinner?.update(progressText(progress)),
    });
    spinner?.clear();
    output.data(flags.json ? JSON.stringify(toJsonRecords(report), null, 2) : formatReport(report, reportStyle(io.stdout, io.env)));
    return probeExitCode(report.results);
  } finally {
    spinner?.clear();
  }
}

/** --username, checked, with the password flags that go with it. */
function testUser(flags: ProbeFlags, io: CommandIo, output: Output): string | undefined {
  if (flags.username !== undefined && !isUserPrincipalName(flags.username)) throw new UserError(`--username ${JSON.stringify(flags.username)} ${NOT_A_UPN}`);
  if (flags.passwordStdin && flags.username === undefined) throw new UserError("--password-stdin needs --username: the password is for that user");
  if (flags.username === undefined && io.env[PASSWORD_ENV]) output.warn(`${PASSWORD_ENV} is set but --username is not: no password is checked`);
  return flags.username;
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

/** With --all, each line names its environment: several run side by side. */
function progressText(progress: ProbeProgress & { environment?: string }): string {
  const text = `${CHECK_TEXT[progress.kind]} ${progress.kind === "tenant" ? progress.tenant : progress.target}…`;
  return progress.environment !== undefined ? `${progress.environment}: ${text}` : text;
}

