/**
 * `jcprofile upload`: flags → the profiles build renders (in memory, never from out/) → runUpload
 * against each environment's Jamf Pro → one line per profile, or JSON. The Jamf Pro logic lives in
 * src/jamfpro; this file picks environments, checks flags and prints.
 */
import { ExitCode, isUserError, UserError, type ExitCodeValue } from "../errors.js";
import type { CommandIo } from "../io.js";
import { createOutput, type Output } from "../output.js";
import { loadAndRender } from "../pipeline/load-and-render.js";
import { formatProblem } from "../problem.js";
import { readTimeoutFlag, UPLOAD_TIMEOUT_SECONDS } from "../net/timeout.js";
import { fetchForEnvironment, sendHttp } from "../net/http.js";
import { runUpload, type UploadItem, type UploadResult } from "../jamfpro/run-upload.js";
import { findWireProblems } from "../jamfpro/wire-checks.js";
import { createRedactor, type Redactor } from "../jamfpro/redact.js";

export interface UploadFlags {
  config?: string;
  env?: string[];
  dryRun?: boolean;
  json?: boolean;
  timeout?: string;
  takeOver?: string[];
  allowRemoval?: string[];
}

export async function uploadCommand(flags: UploadFlags, io: CommandIo): Promise<ExitCodeValue> {
  // Every line upload prints passes through it: no credential or token reaches the output, whatever the server sent.
  const redactor = createRedactor();
  const output = redactedOutput(createOutput(io), redactor);
  const timeoutSeconds = readTimeoutFlag(flags.timeout, UPLOAD_TIMEOUT_SECONDS);
  const items = uploadItems(flags, io.cwd, output);
  const network = await fetchForEnvironment(io.env);
  // Not with --json: a person at a terminal watches stderr, a program reads stdout.
  const spinner = flags.json ? undefined : await output.startSpinner();
  let results: UploadResult[];
  try {
    results = await runUpload({
      items,
      env: io.env,
      dryRun: Boolean(flags.dryRun),
      overrides: { takeOver: flags.takeOver ?? [], allowRemoval: flags.allowRemoval ?? [] },
      send: (request) => sendHttp(request, { ...network, timeoutSeconds }),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      now: () => io.now().getTime(),
      onProgress: (text) => spinner?.update(redactor.redact(text)),
      redactor,
      // --timeout bounds each request and, all together, the waits a busy server asks for.
      waitBudget: { leftMs: timeoutSeconds * 1000, words: `--timeout ${timeoutSeconds} s` },
      onWait: (text) => {
        spinner?.clear();
        output.info(text);
      },
    });
  } catch (error) {
    // A bug's message and stack are printed as they are: clean them too.
    if (error instanceof Error && !isUserError(error)) {
      error.message = redactor.redact(error.message);
      if (error.stack !== undefined) error.stack = redactor.redact(error.stack);
    }
    throw error;
  } finally {
    spinner?.clear();
  }
  for (const result of results) {
    if (result.error !== undefined) output.error(`${result.environment} ${result.target} "${result.name}": ${result.error}`);
    for (const note of result.notes) output.warn(`${result.environment} ${result.target} "${result.name}": ${note}`);
  }
  for (const [flag, values] of [["--take-over", flags.takeOver], ["--allow-removal", flags.allowRemoval]] as const) {
    for (const value of values ?? []) {
      // A typo here must not pass unnoticed: the admin expects a refusal to be lifted.
      if (!results.some((result) => result.name === value || String(result.id) === value)) {
        output.warn(`${flag} ${value}: no profile of this upload has that name or Jamf Pro id — check the name or id in the refusal message`);
      }
    }
  }
  if (flags.json) output.data(JSON.stringify(results.map((result) => toJson(result, redactor.redact)), null, 2));
  else for (const line of results.flatMap(formatResult)) output.data(redactor.redact(line));
  return results.reduce<ExitCodeValue>((worst, result) => (result.exitCode > worst ? result.exitCode : worst), ExitCode.ok);
}

/** The one call that renders: the same profiles `build` would write, for the environments that have jamfPro. */
function uploadItems(flags: UploadFlags, cwd: string, output: Output): UploadItem[] {
  const named = flags.env ?? [];
  const { environments, profiles, warnings } = loadAndRender({ cwd, ...(flags.config !== undefined && { config: flags.config }), envs: named });
  for (const warning of warnings) output.warn(formatProblem(warning));
  const without = environments.filter((environment) => environment.jamfPro === undefined).map((environment) => environment.name);
  if (named.length > 0 && without.length > 0) {
    throw new UserError(`--env ${without.join(", ")}: no jamfPro in the config — add "jamfPro": { "url": "https://…" } to upload it, or leave it out of --env`);
  }
  for (const name of without) output.info(`skipped: ${name} (no jamfPro in the config)`);
  const items: UploadItem[] = [];
  const verbatim: string[] = [];
  for (const environment of environments) {
    if (environment.jamfPro === undefined) continue;
    for (const profile of profiles.filter((rendered) => rendered.environment === environment.name)) {
      const findings = findWireProblems(profile.text);
      verbatim.push(...findings.verbatim.map((value) => `${environment.name}: ${value}`));
      for (const path of findings.trimmed) {
        output.warn(`${environment.name}: ${path} starts or ends with spaces — Jamf Pro trims them when it stores the profile, so Macs get the value without them; remove them from the config`);
      }
      items.push({
        environment: environment.name,
        target: profile.name,
        name: profile.displayName,
        ...(environment.profile.description !== undefined && { description: environment.profile.description }),
        text: profile.text,
        jamfPro: environment.jamfPro,
      });
    }
  }
  if (verbatim.length > 0) {
    throw new UserError(
      'profile.payloadStyle "domain": Jamf Pro stores such payloads as they arrive on the wire, so Macs would get other values than the config says (Jamf issue PI-827) — set "payloadStyle": "mcx", the form Jamf Pro stores custom settings in, for the environments below',
      { details: verbatim },
    );
  }
  if (items.length === 0) {
    throw new UserError('no environment has a Jamf Pro server — add "jamfPro": { "url": "https://<your server>" } to an environment or to "defaults"');
  }
  return items;
}

function formatResult(result: UploadResult): string[] {
  const where = result.url !== undefined ? `  id ${result.id}  ${result.url}` : "";
  const note = result.action === "created" || result.action === "would create" ? "  (unscoped: scope it in Jamf Pro)" : "";
  const lines = [`${result.environment}  ${result.target}  ${result.action}  "${result.name}"${where}${note}`];
  for (const change of result.changes) lines.push(change.words !== undefined ? `    ${change.words}` : `    ${change.path}: ${change.old} → ${change.new}`);
  return lines;
}

/** Each text redacted before it is JSON-escaped: a secret with a quote in it would no longer match afterwards. */
function toJson(result: UploadResult, redact: (text: string) => string): Record<string, unknown> {
  return {
    environment: result.environment,
    target: result.target,
    name: redact(result.name),
    action: result.action,
    id: result.id ?? null,
    url: result.url === undefined ? null : redact(result.url),
    changes: result.changes.map((change) => redact(change.path)),
    error: result.error === undefined ? null : redact(result.error),
  };
}

/**
 * The command's output with every line for people redacted. Not `data`: the JSON is redacted field
 * by field before it is escaped (a second pass over escaped text could cut a `\"` in two), and the
 * text lines are redacted where they are printed.
 */
function redactedOutput(output: Output, redactor: Redactor): Output {
  const clean = (say: (message: string) => void) => (message: string) => say(redactor.redact(message));
  return { ...output, info: clean(output.info), warn: clean(output.warn), error: clean(output.error), detail: clean(output.detail) };
}

