/**
 * `jcprofile upload`: flags → the profiles build renders (in memory, never from out/) → runUpload
 * against each environment's Jamf Pro → one line per profile, or JSON. The upload logic lives in
 * src/upload (over the Jamf Pro layer, src/jamfpro); this file picks environments, checks flags and prints.
 */
import { ExitCode, isUserError, UserError, type ExitCodeValue } from "../errors.js";
import { drained, type CommandIo } from "../io.js";
import { createOutput, type Output } from "../output.js";
import { loadAndRender } from "../project/load-and-render.js";
import { exitCodeFor, formatProblem } from "../problem.js";
import { readTimeoutFlag, UPLOAD_TIMEOUT_SECONDS } from "../net/timeout.js";
import { fetchForEnvironment, sendHttp } from "../net/http.js";
import { runUpload, type UploadItem, type UploadResult } from "../upload/run-upload.js";
import { outcomeOf } from "../upload/upload-problem.js";
import { findWireProblems } from "../upload/wire-checks.js";
import { appendAll } from "../append.js";
import { createRedactor } from "../jamfpro/redact.js";
import { printMessages, printResult, redactedOutput, toJson, warnUnusedOverrides } from "../upload/output.js";
import { guardSignals } from "../files/signal-guard.js";

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
  const items = uploadItems(flags, io.cwd, output, io.now());
  const network = await fetchForEnvironment(io.env);
  // Not with --json: a person at a terminal watches stderr, a program reads stdout.
  const spinner = flags.json ? undefined : await output.startSpinner();
  // Ctrl-C, SIGTERM (a CI job cancelled) or SIGHUP: stop the request in flight, report, invalidate the token, then end as the signal says.
  const stop = new AbortController();
  const guard = guardSignals({ onSignal: (signal) => stop.abort(signal) });
  let results: UploadResult[];
  try {
    results = await runUpload({
      items,
      env: io.env,
      dryRun: Boolean(flags.dryRun),
      overrides: { takeOver: flags.takeOver ?? [], allowRemoval: flags.allowRemoval ?? [] },
      send: (request, signal) => sendHttp(request, { ...network, timeoutSeconds, ...(signal !== undefined && { signal }) }),
      sleep: sleepUnlessAborted,
      now: () => io.now().getTime(),
      signal: stop.signal,
      onProgress: (text) => spinner?.update(redactor.redact(text)),
      // Printed as it happens: an interrupted run has said what it did. --json prints one array at the end (or on interrupt).
      onResult: (result) => {
        spinner?.clear();
        if (!flags.json) printResult(result, output, redactor);
        printMessages(result, output);
      },
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
    guard.release();
    throw error;
  } finally {
    spinner?.clear();
  }
  if (flags.json) output.data(JSON.stringify(results.map((result) => toJson(result, redactor.redact)), null, 2));
  if (guard.caught !== undefined) {
    const done = results.filter((result) => result.action !== "interrupted").length;
    output.error(`interrupted (${guard.caught}): ${done} of ${results.length} profiles finished (listed above), and Jamf Pro was asked to invalidate the token — run upload again for the rest`);
    // The lines must reach a pipe before the signal ends the process (pipes are asynchronous on macOS).
    await Promise.all([drained(io.stdout), drained(io.stderr)]);
    const code = SIGNAL_EXIT[guard.caught as keyof typeof SIGNAL_EXIT] ?? ExitCode.interrupted;
    // Sends the signal again, so a shell script sees the command killed by it; where another
    // listener (ora's cursor restorer) keeps the process alive, the exit code says the same.
    guard.release();
    return code;
  }
  guard.release();
  warnUnusedOverrides(flags, results, output);
  // A refusal (1) outweighs network trouble (3): a retry cannot mend what was refused.
  return exitCodeFor([], outcomeOf(results.flatMap((result) => result.problem ?? [])));
}

const SIGNAL_EXIT = { SIGINT: ExitCode.interrupted, SIGTERM: ExitCode.terminated, SIGHUP: ExitCode.hungUp } as const;

/** setTimeout that an interrupt ends early. */
export function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    // The listener goes when the timer ends too: a run waits many times on one signal.
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** The one call that renders: the same profiles `build` would write, for the environments that have jamfPro. */
function uploadItems(flags: UploadFlags, cwd: string, output: Output, now: Date): UploadItem[] {
  const named = flags.env ?? [];
  // With the clock, the license is checked as build checks it: an expired one is said before it is sent.
  const { environments, profiles, warnings } = loadAndRender({ cwd, ...(flags.config !== undefined && { config: flags.config }), envs: named, now });
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
      const findings = findWireProblems(profile.dictionary);
      appendAll(verbatim, findings.verbatim.map((value) => `${environment.name}: ${value}`));
      for (const path of findings.trimmed) {
        output.warn(`${environment.name}: ${path} starts or ends with spaces — Jamf Pro trims them when it stores the profile, so Macs get the value without them; remove them from the config`);
      }
      items.push({
        environment: environment.name,
        target: profile.name,
        name: profile.displayName,
        ...(environment.profile.description !== undefined && { description: environment.profile.description }),
        profile: profile.dictionary,
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

