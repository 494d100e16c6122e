/**
 * `jcprofile signin`: the login window's sign-in, tried from a terminal. Builds the authorize URL
 * from the profile `build` would write, lets the admin sign in in a browser and paste the address
 * it ends on, redeems the code (msal-node, PKCE, no secret) and shows what Jamf Connect would see.
 * The code, the tokens and the raw id token are never printed or written.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { ExitCode, UserError, type ExitCodeValue } from "../errors.js";
import type { CommandIo } from "../io.js";
import { createOutput, type Output } from "../output.js";
import { loadAndRender } from "../project/load-and-render.js";
import { formatProblem } from "../problem.js";
import { fetchForEnvironment } from "../net/http.js";
import { PROBE_TIMEOUT_SECONDS, readTimeoutFlag } from "../net/timeout.js";
import { isUserPrincipalName, NOT_A_UPN } from "../entra/username.js";
import { explainCode, explainObservation } from "../signin/explain.js";
import { readIdentity } from "../signin/identity.js";
import { readPastedAnswer } from "../signin/pasted-address.js";
import { failed, formatSignIn, signInJson, type SignInResult } from "../signin/report.js";
import { loginSettings, signInRequest } from "../signin/sign-in-request.js";
import { environmentPayloads } from "../render/profile.js";
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
  const { environment, payloads } = chooseEnvironment(flags, io, output);
  const settings = loginSettings(environment, payloads);
  const request = signInRequest(settings, flags.username !== undefined ? { loginHint: flags.username } : {});

  const atTerminal = io.stdin.isTTY === true;
  output.info(
    `Sign in to app ${settings.clientId} as the test user. The browser ends on ${settings.redirectUri}, ` +
      "which does not load: copy the whole address from the address bar and paste it here. The authorize URL:",
  );
  // On a line of its own, so it can be copied or clicked whole.
  io.stderr.write(`${request.authorizeUrl}\n`);
  if (atTerminal && flags.open !== false) openBrowser(request.authorizeUrl, output);

  const pasted = atTerminal ? await askForAddress(io) : await firstLine(io.stdin);
  const answer = readPastedAnswer(pasted, { redirectUri: settings.redirectUri, state: request.state });

  let result: SignInResult;
  if (answer.kind === "error") {
    result = { kind: "refused", settings, refusal: explainCode(answer.aadsts, answer.error, settings), where: answer.where };
  } else {
    const { redeemCode } = await import("../signin/redeem-code.js");
    const redeemed = await redeemCode(request, answer.code, { ...(await fetchForEnvironment(io.env)), timeoutSeconds });
    if (redeemed.kind === "signed-in") result = { kind: "signed-in", settings, identity: readIdentity(redeemed.claims, settings) };
    else if (redeemed.kind === "refused") result = { kind: "refused", settings, refusal: explainObservation(redeemed.answer.observation, settings), where: "code redemption" };
    else {
      const refusal = {
        aadsts: null, inconclusive: false, cause: `msal-node refused Entra's answer (${redeemed.reason})`,
        hint: "the tokens do not belong to this sign-in: run jcprofile signin again, and report it if it repeats",
      };
      result = { kind: "refused", settings, refusal, where: "code redemption" };
    }
  }
  output.data(flags.json ? JSON.stringify(signInJson(result), null, 2) : formatSignIn(result));
  if (result.kind === "signed-in") return failed(result.identity.checks) ? ExitCode.failed : ExitCode.ok;
  return result.refusal.inconclusive ? ExitCode.inconclusive : ExitCode.failed;
}

function chooseEnvironment(flags: SigninFlags, io: CommandIo, output: Output) {
  const { config, environments, profiles, warnings, source } = loadAndRender({
    cwd: io.cwd,
    ...(flags.config !== undefined && { config: flags.config }),
    ...(flags.env !== undefined && { envs: [flags.env] }),
  });
  const names = Object.keys(config.environments);
  if (flags.env === undefined && names.length !== 1) {
    throw new UserError(`${source.displayPath} has ${names.length} environments (${names.join(", ")}): choose the one to sign in to with --env NAME`);
  }
  for (const warning of warnings) output.warn(formatProblem(warning));
  const environment = environments[0]!;
  return { environment, payloads: environmentPayloads(profiles, environment.name) };
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

async function askForAddress(io: CommandIo): Promise<string> {
  const { createPrompter } = await import("../prompt/ask.js");
  const prompter = createPrompter({
    input: io.stdin as NodeJS.ReadStream,
    output: io.stderr as NodeJS.WriteStream,
    cancelMessage: "signin cancelled — nothing was redeemed",
  });
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
