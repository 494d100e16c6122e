/**
 * `probe`'s use case: which ROPG requests to check — one environment's profiles, every
 * environment's with --all, or a tenant and app given as flags — then the checks themselves, in
 * the Entra layer's order (entra/run-checks.ts). The adapter (commands/probe.ts) reads the password
 * and prints the report; the network is handed in.
 */
import { existsSync } from "node:fs";
import { UserError } from "../errors.js";
import { AUTHORITY_HOSTS } from "../config/resolve.js";
import { GUID_PATTERN, isTenant, messages } from "../config/schema.js";
import { flagsTarget, type ProbeTarget } from "../entra/probe-target.js";
import { splitScopes } from "../entra/scopes.js";
import type { ProbeReport } from "../entra/check-results.js";
import { runChecks, type ProbeProgress } from "../entra/run-checks.js";
import type { EntraClient } from "../entra/transport.js";
import { authorityHostProblem, withoutCredentials } from "../net/urls.js";
import { formatProblem } from "../problem.js";
import { loadAndRender } from "../project/load-and-render.js";
import { requireOneEnvironment } from "../project/select.js";
import { configLocation } from "../project/read-config-file.js";
import { environmentPayloads } from "../render/profile.js";
import { showValue } from "../values.js";
import { runAllEnvironments } from "./run-all.js";
import { environmentTargets, type TargetChoice } from "./targets.js";

/** What to probe, as the flags name it. */
export interface ProbeChoice {
  config?: string;
  env?: string;
  target?: TargetChoice;
  tenant?: string;
  clientId?: string;
  scopes?: string;
  authorityHost?: string;
  username?: string;
  passwordStdin?: boolean;
  /** Tenant and app checks of every environment of the config; no password. */
  all?: boolean;
}

export interface ProbeOptions {
  cwd: string;
  choice: ProbeChoice;
  /** The test user, already checked: adds the password checks (never with --all). */
  username?: string;
  /** Called once, before any request, when `username` is set. */
  readPassword?: () => Promise<string>;
  /** Makes the Entra client, once the targets are known. */
  connect: () => Promise<EntraClient>;
  /** The config's warnings and the ways a request differs from what Jamf Connect sends. */
  warn: (message: string) => void;
  /** `environment` is set with --all, where environments run side by side. */
  onProgress?: (progress: ProbeProgress & { environment?: string }) => void;
}

const MODES = "probe a config environment (--config FILE --env NAME) or a tenant and app given as flags (--tenant T --client-id C)";

export async function runProbe(options: ProbeOptions): Promise<ProbeReport> {
  if (options.choice.all) return probeAll(options);
  const targets = probeTargets(options);
  for (const note of targets.flatMap((target) => target.notes)) options.warn(note);
  const client = await options.connect();
  return runChecks({
    targets,
    client,
    ...(options.username !== undefined && options.readPassword !== undefined && { username: options.username, readPassword: options.readPassword }),
    ...(options.onProgress !== undefined && { onProgress: options.onProgress }),
  });
}

/**
 * `--all`, for a scheduled job: every environment's tenant and app checks, a few environments at a
 * time. A password never goes out here: one run would send it to every tenant in the config.
 */
async function probeAll(options: ProbeOptions): Promise<ProbeReport> {
  const { choice } = options;
  const refused = [["--env", choice.env], ["--username", choice.username], ["--password-stdin", choice.passwordStdin], ["--tenant", choice.tenant],
    ["--client-id", choice.clientId], ["--scopes", choice.scopes], ["--authority-host", choice.authorityHost]].filter(([, value]) => value !== undefined);
  if (refused.length > 0) {
    const names = refused.map(([name]) => name).join(", ");
    throw new UserError(`--all cannot go with ${names}: it checks the tenant and apps of every environment in the config and never a password — ` +
      "for one environment or a password use --env NAME [--username UPN] instead of --all");
  }
  const { environments, profiles, warnings } = loadAndRender({ cwd: options.cwd, ...(choice.config !== undefined && { config: choice.config }) });
  for (const warning of warnings) options.warn(formatProblem(warning));
  const perEnvironment = environments.map((environment) => ({
    name: environment.name,
    targets: environmentTargets(environment, environmentPayloads(profiles, environment.name), choice.target ?? "all"),
  }));
  for (const note of perEnvironment.flatMap(({ targets }) => targets.flatMap((target) => target.notes))) options.warn(note);
  const client = await options.connect();
  return runAllEnvironments({ environments: perEnvironment, client, ...(options.onProgress !== undefined && { onProgress: options.onProgress }) });
}

function probeTargets(options: ProbeOptions): ProbeTarget[] {
  const { choice } = options;
  const fromConfig = [["--config", choice.config], ["--env", choice.env], ["--target", choice.target]].filter(([, value]) => value !== undefined);
  const fromFlags = [["--tenant", choice.tenant], ["--client-id", choice.clientId], ["--scopes", choice.scopes], ["--authority-host", choice.authorityHost]]
    .filter(([, value]) => value !== undefined);
  if (fromConfig.length > 0 && fromFlags.length > 0) {
    const names = (list: (string | undefined)[][]) => list.map(([name]) => name).join(", ");
    throw new UserError(`${names(fromConfig)} and ${names(fromFlags)} cannot be mixed: ${MODES}`);
  }
  if (fromFlags.length > 0) return [targetFromFlags(choice)];
  // With no flag at all, a jcprofile.json in this folder is what the admin means (as for build).
  if (fromConfig.length > 0 || existsSync(configLocation(options.cwd, undefined).path)) return targetsFromConfig(options);
  throw new UserError(`nothing to probe: ${MODES}; there is no jcprofile.json in this folder`);
}

function targetFromFlags(choice: ProbeChoice): ProbeTarget {
  if (choice.tenant === undefined || choice.clientId === undefined) {
    throw new UserError(`--tenant and --client-id go together: ${MODES}`);
  }
  if (!isTenant(choice.tenant)) throw new UserError(`--tenant ${showValue(choice.tenant)} ${messages.tenant}`);
  if (!GUID_PATTERN.test(choice.clientId)) throw new UserError(`--client-id ${showValue(choice.clientId)} ${messages.clientId}`);
  const authorityHost = choice.authorityHost ?? AUTHORITY_HOSTS.public;
  const problem = authorityHostProblem(authorityHost);
  if (problem !== undefined) throw new UserError(`--authority-host ${JSON.stringify(withoutCredentials(authorityHost))} ${problem}`);
  if (choice.scopes !== undefined && choice.scopes.trim() === "") throw new UserError(`--scopes ${messages.nonEmpty}`);
  if (choice.scopes !== undefined && splitScopes(choice.scopes).length === 0) {
    throw new UserError(`--scopes ${showValue(choice.scopes)} names no scope — give them separated by spaces or "+", e.g. --scopes "openid profile email"`);
  }
  return flagsTarget({
    tenant: choice.tenant,
    clientId: choice.clientId,
    authorityHost,
    ...(choice.scopes !== undefined && { scopes: choice.scopes }),
  });
}

function targetsFromConfig(options: ProbeOptions): ProbeTarget[] {
  const { choice } = options;
  const { config, environments, profiles, warnings, source } = loadAndRender({
    cwd: options.cwd,
    ...(choice.config !== undefined && { config: choice.config }),
    ...(choice.env !== undefined && { envs: [choice.env] }),
  });
  requireOneEnvironment(Object.keys(config.environments), choice.env, source.displayPath,
    "choose one with --env NAME, or check the tenant and apps of every one with --all");
  for (const warning of warnings) options.warn(formatProblem(warning));
  return environments.flatMap((environment) => environmentTargets(environment, environmentPayloads(profiles, environment.name), choice.target ?? "all"));
}
