/**
 * `jcprofile signin`: flags → runSignin (src/signin: the sign-in and what Jamf Connect would see)
 * → lines or JSON → exit code. This file checks the flags, shows the authorize URL, opens the
 * browser, reads the pasted address and prints. The code, the tokens and the raw id token are
 * never printed or written.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { UserError, type ExitCodeValue } from "../errors.js";
import type { CommandIo } from "../io.js";
import { terminalPrompter } from "../prompt/terminal-prompter.js";
import { createOutput, type Output } from "../output.js";
import { fetchForEnvironment } from "../net/http.js";
import { PROBE_TIMEOUT_SECONDS, readTimeoutFlag } from "../net/timeout.js";
import { isUserPrincipalName, NOT_A_UPN } from "../entra/username.js";
import { formatSignIn, signInExitCode, signInJson } from "../signin/report.js";
import { runSignin } from "../signin/run-signin.js";
import type { LoginSettings } from "../signin/sign-in-request.js";
import { showValue } from "../values.js";

export interface SigninFlags {
  config?: string;
  env?: string;
  target?: "login";
  username?: string;
  /** commander's `--no-open`: false when given. */
  open?: boolean;
  json?: boolean;
  timeout?: string;
}

export async function signinCommand(flags: SigninFlags, io: CommandIo): Promise<ExitCodeValue> {
  const output = createOutput(io);
  const timeoutSeconds = readTimeoutFlag(flags.timeout, PROBE_TIMEOUT_SECONDS);
  if (flags.username !== undefined && !isUserPrincipalName(flags.username)) {
    throw new UserError(`--username ${showValue(flags.username)} ${NOT_A_UPN}`);
  }
  const result = await runSignin({
    cwd: io.cwd,
    ...(flags.config !== undefined && { config: flags.config }),
    ...(flags.env !== undefined && { env: flags.env }),
    ...(flags.username !== undefined && { username: flags.username }),
    warn: (message) => output.warn(message),
    askForAddress: (settings, authorizeUrl) => askForAddress(settings, authorizeUrl, flags, io, output),
    connect: async () => ({ ...(await fetchForEnvironment(io.env)), timeoutSeconds }),
  });
  output.data(flags.json ? JSON.stringify(signInJson(result), null, 2) : formatSignIn(result));
  return signInExitCode(result);
}

/** Shows the URL (and opens it at a terminal), then reads the address the browser ended on. */
async function askForAddress(settings: LoginSettings, authorizeUrl: string, flags: SigninFlags, io: CommandIo, output: Output): Promise<string> {
  const atTerminal = io.stdin.isTTY === true;
  output.info(
    `Sign in to app ${settings.clientId} as the test user. The browser ends on ${settings.redirectUri}, ` +
      "which does not load: copy the whole address from the address bar and paste it here. The authorize URL:",
  );
  // On a line of its own, so it can be copied or clicked whole.
  io.stderr.write(`${authorizeUrl}\n`);
  if (atTerminal && flags.open !== false) openBrowser(authorizeUrl, output);
  return atTerminal ? promptForAddress(io) : firstLine(io.stdin);
}

/**
 * The one process jcprofile starts: the platform's own opener, given the URL as one argument (no
 * shell, so `&` in the URL is safe). If it is missing the admin opens the printed URL by hand.
 */
function openBrowser(url: string, output: Output): void {
  const [command, args] = process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["explorer.exe", [url]] : ["xdg-open", [url]];
  try {
    const child = spawn(command, args, { stdio: "ignore", detached: true });
    child.on("error", () => output.warn(`could not start ${command}: open the URL above in a browser yourself`));
    child.unref();
  } catch {
    output.warn(`could not start ${command}: open the URL above in a browser yourself`);
  }
}

async function promptForAddress(io: CommandIo): Promise<string> {
  const prompter = await terminalPrompter(io, { cancelMessage: "signin cancelled — nothing was redeemed" });
  // Not echoed: the address holds the authorization code, which must not stay in the scrollback.
  return (await prompter.password({ message: "Paste the address the browser ended on (not shown: it holds the sign-in code)", mask: false })).trim();
}

/** Without a terminal: the first line of stdin (a pipe, or a CI job's input). */
async function firstLine(stdin: NodeJS.ReadableStream): Promise<string> {
  const lines = createInterface({ input: stdin, crlfDelay: Infinity });
  try {
    for await (const line of lines) return line;
    return "";
  } finally {
    lines.close();
  }
}
