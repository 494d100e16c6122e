/**
 * `signin`'s use case: the login window's sign-in, tried from a terminal. Builds the authorize URL
 * from the profile `build` would write, takes the address the browser ended on (the adapter shows
 * the URL and asks), redeems the code (msal-node, PKCE, no secret) and reads what Jamf Connect
 * would see. The code, the tokens and the raw id token never leave this run.
 */
import { formatProblem } from "../problem.js";
import { loadAndRender } from "../project/load-and-render.js";
import { requireOneEnvironment } from "../project/select.js";
import { environmentPayloads } from "../render/profile.js";
import { explainCode, explainObservation } from "./explain.js";
import { readIdentity } from "./identity.js";
import { readPastedAnswer } from "./pasted-address.js";
import type { RedeemOptions } from "./redeem-code.js";
import type { SignInResult } from "./report.js";
import { loginSettings, signInRequest, type LoginSettings } from "./sign-in-request.js";

export interface SigninOptions {
  cwd: string;
  config?: string;
  env?: string;
  /** The test user, already checked: sent as login_hint. */
  username?: string;
  /** The config's warnings. */
  warn: (message: string) => void;
  /** Shows the admin where to sign in and returns the address the browser ended on, as pasted. */
  askForAddress: (settings: LoginSettings, authorizeUrl: string) => Promise<string>;
  /** The network of the code's redemption, made only when there is a code to redeem. */
  connect: () => Promise<RedeemOptions>;
}

export async function runSignin(options: SigninOptions): Promise<SignInResult> {
  const settings = chooseSettings(options);
  const request = signInRequest(settings, options.username !== undefined ? { loginHint: options.username } : {});
  const pasted = await options.askForAddress(settings, request.authorizeUrl);
  const answer = readPastedAnswer(pasted, { redirectUri: settings.redirectUri, state: request.state });
  if (answer.kind === "error") {
    return { kind: "refused", settings, refusal: explainCode(answer.aadsts, answer.error, settings), where: answer.where };
  }
  // msal-node loads only here, when there is a code to redeem.
  const { redeemCode } = await import("./redeem-code.js");
  const redeemed = await redeemCode(request, answer.code, await options.connect());
  if (redeemed.kind === "signed-in") return { kind: "signed-in", settings, identity: readIdentity(redeemed.claims, settings) };
  if (redeemed.kind === "refused") return { kind: "refused", settings, refusal: explainObservation(redeemed.answer.observation, settings), where: "code redemption" };
  const refusal = {
    aadsts: null, inconclusive: false, cause: `msal-node refused Entra's answer (${redeemed.reason})`,
    hint: "the tokens do not belong to this sign-in: run jcprofile signin again, and report it if it repeats",
  };
  return { kind: "refused", settings, refusal, where: "code redemption" };
}

/** The login window's settings of the one environment chosen, read from the profile build would write. */
function chooseSettings(options: SigninOptions): LoginSettings {
  const { config, environments, profiles, warnings, source } = loadAndRender({
    cwd: options.cwd,
    ...(options.config !== undefined && { config: options.config }),
    ...(options.env !== undefined && { envs: [options.env] }),
  });
  requireOneEnvironment(Object.keys(config.environments), options.env, source.displayPath, "choose the one to sign in to with --env NAME");
  for (const warning of warnings) options.warn(formatProblem(warning));
  const environment = environments[0]!;
  return loginSettings(environment, environmentPayloads(profiles, environment.name));
}
