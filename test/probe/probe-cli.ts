/**
 * Runs `jcprofile probe` against a local emulator: in-process (runProbeCli) or as the built CLI
 * the way an admin's shell would (spawnProbeCli). NODE_EXTRA_CA_CERTS trusts the emulator's
 * certificate, and proxy variables from the test machine are cleared so a request to 127.0.0.1
 * can never leave through them.
 */
import { REPO_ROOT, spawnCli } from "../e2e/cli.js";
import { runCli, type CliRun } from "../run-cli.js";
import { caCertPath, CONTOSO, type EntraEmulator } from "../entra/emulator.js";

export const NO_PROXY_ENV = { HTTPS_PROXY: undefined, https_proxy: undefined, HTTP_PROXY: undefined, http_proxy: undefined, NO_PROXY: undefined, no_proxy: undefined };

export interface ProbeRunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
}

const probeEnv = (env: ProbeRunOptions["env"]) => ({ ...NO_PROXY_ENV, NODE_EXTRA_CA_CERTS: caCertPath, JCPROFILE_PASSWORD: undefined, ...env });

/** In-process, through run(args, io). */
export function runProbeCli(args: readonly string[], options: ProbeRunOptions = {}): Promise<CliRun> {
  return runCli(["probe", ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: probeEnv(options.env),
    ...(options.input !== undefined && { input: options.input }),
  });
}

/** The built CLI in a child process: for what only a process shows (its trust store, exit, pipes). */
export function spawnProbeCli(args: readonly string[], options: ProbeRunOptions = {}): Promise<CliRun> {
  return spawnCli(["probe", ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: probeEnv(options.env),
    ...(options.input !== undefined && { input: options.input }),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
  });
}

/** `--tenant contoso… --client-id <OIDC app> --authority-host <emulator>`, the flags-only form. */
export function contosoFlags(emu: { url: string }, overrides: { tenant?: string; clientId?: string } = {}): string[] {
  return ["--tenant", overrides.tenant ?? CONTOSO.domain, "--client-id", overrides.clientId ?? CONTOSO.oidcClientId, "--authority-host", emu.url];
}

export interface JsonCheck {
  target: string;
  kind: "tenant" | "app" | "password";
  outcome: string;
  verdict: string;
  accepted: boolean;
  passwordVerified: boolean | null;
  aadsts: number | null;
  httpStatus: number | null;
  correlationId: string | null;
  traceId: string | null;
  hint: string;
  caNote: string | null;
  tenantId: string | null;
  username: string | null;
  sameRequestAs: string | null;
  [key: string]: unknown;
}

export function parseChecks(run: CliRun): JsonCheck[] {
  try {
    return JSON.parse(run.stdout) as JsonCheck[];
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

/** Token requests a given user name appears in: how many times a password was really sent. */
export function passwordRequests(emu: EntraEmulator, username: string): number {
  return emu.requests.filter((request) => request.method === "POST" && request.username?.toLowerCase() === username.toLowerCase()).length;
}
