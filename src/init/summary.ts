/**
 * What init says around writing: the checks the admin continued past (before "Write …?"), and
 * at the end a recap of what was configured, how the live checks ended and what to run next.
 */
import type { CheckRecord } from "./checks.js";
import type { Answers } from "./question-types.js";
import type { Output } from "../output.js";
import { largest } from "../append.js";
import { shellQuote } from "../shell-quote.js";

const CA_MODES: Readonly<Record<Answers["caChoice"], string>> = {
  "per-user-mfa": "none (per-user MFA; default scopes)",
  "all-cloud-apps": 'none ("All cloud apps" policy; default scopes)',
  "custom-scope": "custom-scope",
};

const continuedPast = (log: readonly CheckRecord[]) => log.filter((entry) => entry.continued);

/** Before the confirmation: every check that did not pass and was kept anyway, so "yes" is an informed one. */
export function reviewChecks(ui: Output, log: readonly CheckRecord[]): void {
  const kept = continuedPast(log);
  if (kept.length === 0) return;
  ui.info("");
  ui.info(ui.paint("yellow", `Continued past ${kept.length} live check${kept.length === 1 ? "" : "s"} that did not pass:`));
  for (const entry of kept) ui.info(`  ${entry.verdict === "fail" ? "✖" : "?"} ${entry.label}: ${entry.line}`);
}

export interface SummaryInput {
  answers: Answers;
  log: readonly CheckRecord[];
  /** false with --no-probe: nothing was checked live. */
  probed: boolean;
  config?: string;
  /** --authority-host (or the one the other environments share): shown instead of the cloud. */
  authorityHost?: string;
  files: readonly string[];
}

export function printSummary(ui: Output, input: SummaryInput): void {
  const { answers, log } = input;
  const dim = (text: string) => ui.paint("dim", text);
  const clientIds = answers.ropgClientId === answers.clientId
    ? `${answers.clientId} (OIDCClientID, OIDCROPGID, ROPGID)`
    : `${answers.clientId} (OIDCClientID), ${answers.ropgClientId} (OIDCROPGID, ROPGID)`;
  const passed = log.filter((entry) => !entry.continued);
  ui.info("");
  ui.info(ui.paint("bold", "Configured:"));
  ui.info(`  environment   ${answers.env} (${input.authorityHost !== undefined ? `authority host ${input.authorityHost}` : `cloud ${answers.cloud}`})`);
  ui.info(`  tenant        ${answers.tenant}`);
  ui.info(`  client IDs    ${clientIds}`);
  ui.info(`  CA mode       ${CA_MODES[answers.caChoice]}${answers.caChoice === "custom-scope" ? ` (api://${answers.apiAppId}/${answers.scopeName})` : ""}`);
  if (answers.elevation) {
    const who = answers.elevationRole !== undefined && answers.elevationRole.trim() !== "" ? `holders of the app role ${answers.elevationRole.trim()}` : "every user";
    ui.info(`  elevation     ${who}, ${answers.elevationMinutes ?? 5} minutes (a profile of its own)`);
  }
  if (answers.jamfProUrl !== "") ui.info(`  Jamf Pro      ${answers.jamfProUrl}`);
  if (!input.probed) ui.info(`  live checks   none (--no-probe)`);
  else {
    ui.info(`  live checks   ${passed.length} passed${passed.length > 0 ? `: ${passed.map((entry) => entry.label).join("; ")}` : ""}`);
    for (const entry of continuedPast(log)) ui.info(`  ${ui.paint(entry.verdict === "fail" ? "red" : "yellow", entry.verdict === "fail" ? "failed" : "not checked")}        ${entry.label}: ${entry.line}`);
  }

  // A command to paste: a config path with a space or a quote is one shell word.
  const configFlag = input.config !== undefined ? ` --config ${shellQuote(input.config)}` : "";
  const folder = input.files[0]?.replace(/[\\/][^\\/]+$/, "") ?? `out/${answers.env}`;
  const steps: [string, string][] = [
    [`jcprofile probe${configFlag} --env ${answers.env} -u <test user>`, "check tenant, every client ID and a test user's password, as the Mac will"],
    [`jcprofile signin${configFlag} --env ${answers.env}`, "try the login window's sign-in in a browser: claims, short name, admin or not"],
    [`jcprofile build${configFlag}`, "rebuild every environment after you edit the config"],
    ...(answers.jamfProUrl !== ""
      ? [[`jcprofile upload${configFlag} --env ${answers.env} --dry-run`, "see what upload would change in Jamf Pro (credentials from JAMF_CLIENT_ID / JAMF_CLIENT_SECRET)"] as [string, string]]
      : []),
  ];
  const width = largest(steps.map(([command]) => command.length)) + 2;
  ui.info("");
  ui.info("Next:");
  if (answers.jamfProUrl === "") ui.info(`  upload ${folder}/*.mobileconfig to Jamf Pro (Computers → Configuration Profiles → Upload)`);
  for (const [command, why] of steps) ui.info(`  ${command.padEnd(width)}${dim(why)}`);

  const failed = continuedPast(log).filter((entry) => entry.verdict === "fail");
  if (failed.length > 0) {
    ui.info("");
    ui.info(`${ui.paint("red", "error:")} written, but ${failed.length} live check${failed.length === 1 ? "" : "s"} failed: ${failed.map((entry) => entry.label).join("; ")} — fix them and run "jcprofile probe${configFlag} --env ${answers.env}" before uploading`);
  }
}
