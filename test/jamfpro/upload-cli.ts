/**
 * Running `jcprofile upload` against the Jamf Pro double, in-process (test/run-cli.ts): a config
 * with `jamfPro` pointing at it, the environment a CI job would have, and every output kept so a
 * test can look for secrets in it. The test workers trust the double's certificate from start-up
 * (NODE_EXTRA_CA_CERTS in vitest.config.ts), as a spawned CLI does from CLIENT_ENV.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, afterEach, beforeEach, expect } from "vitest";
import { copyExample, tempDir } from "../folders.js";
import { runCli, type CliRun } from "../run-cli.js";
import { caCertPath, startJamfPro, type JamfProDouble } from "./server.js";
import { CLIENTS, SENTINEL_SECRET, USER } from "./world.js";

export type ConfigJson = {
  defaults: Record<string, unknown> & { jamfPro?: Record<string, unknown> };
  environments: Record<string, Record<string, unknown>>;
};

/** The shipped example (environments test and prod) with `defaults.jamfPro.url` set to the double. */
export function writeUploadConfig(dir: string, jamf: { url: string }, change?: (config: ConfigJson) => void): string {
  const path = copyExample(dir);
  const config = JSON.parse(readFileSync(path, "utf8")) as ConfigJson;
  delete (config as { $schema?: string }).$schema;
  config.defaults.jamfPro = { url: jamf.url };
  change?.(config);
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}

/**
 * The hooks of an upload spec: before each test a fresh Jamf Pro double and a folder holding the
 * example config pointed at it (writeUploadConfig), handed to `use`; both gone after the test; and
 * checkOutputsAfterAll.
 *
 *   let jamf: JamfProDouble; let dir: string; let config: string;
 *   useUploadWorld("jcprofile-upload-", (world) => ({ jamf, dir, config } = world));
 */
export function useUploadWorld(prefix: string, use: (world: { jamf: JamfProDouble; dir: string; config: string }) => void): void {
  let jamf: JamfProDouble | undefined;
  let cleanup = () => {};
  checkOutputsAfterAll();
  beforeEach(async () => {
    jamf = await startJamfPro();
    const made = tempDir(prefix);
    cleanup = made.cleanup;
    use({ jamf, dir: made.dir, config: writeUploadConfig(made.dir, jamf) });
  });
  afterEach(async () => {
    await jamf?.close();
    cleanup();
  });
}

export function editConfig(path: string, change: (config: ConfigJson) => void): void {
  const config = JSON.parse(readFileSync(path, "utf8")) as ConfigJson;
  change(config);
  writeFileSync(path, JSON.stringify(config, null, 2));
}

/** Every output of every run in a test file: the sentinel secrets must appear in none. */
export const allOutput: string[] = [];

/** After a spec's last test: no secret and no stack trace in any output of its runs. */
export function checkOutputsAfterAll(): void {
  afterAll(() => {
    for (const text of allOutput) {
      expect(text).not.toContain(SENTINEL_SECRET);
      expect(text).not.toContain(USER.password);
      expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
    }
  });
}

export const CLIENT_ENV = {
  NODE_EXTRA_CA_CERTS: caCertPath,
  JAMF_CLIENT_ID: CLIENTS.full.clientId,
  JAMF_CLIENT_SECRET: CLIENTS.full.secret,
  JAMF_USERNAME: undefined,
  JAMF_PASSWORD: undefined,
  HTTPS_PROXY: undefined,
  https_proxy: undefined,
};

export async function upload(
  dir: string,
  config: string,
  args: string[] = [],
  env: Record<string, string | undefined> = {},
  now?: Date,
): Promise<CliRun> {
  const run = await runCli(["upload", "--config", config, ...args], { cwd: dir, env: { ...CLIENT_ENV, ...env }, ...(now !== undefined && { now }) });
  allOutput.push(run.stdout, run.stderr);
  return run;
}

export interface JsonResult {
  environment: string;
  target: "login" | "menubar";
  name: string;
  action: string;
  id: number | null;
  url: string | null;
  changes: string[];
  /** The line printed on stderr: message — fix. */
  error: string | null;
  code: string | null;
  fix: string | null;
}

export async function uploadJson(dir: string, config: string, args: string[] = [], env: Record<string, string | undefined> = {}) {
  const run = await upload(dir, config, [...args, "--json"], env);
  return { ...run, results: JSON.parse(run.stdout || "[]") as JsonResult[] };
}

/** Top-level and payload identifiers of a stored profile, as the double keeps them. */
export function storedIdentifiers(jamf: JamfProDouble, name: string): string[] {
  const profile = jamf.world.profiles.find((item) => item.name === name);
  if (profile === undefined) throw new Error(`no stored profile ${name}`);
  return [...profile.payloads.matchAll(/<key>(PayloadUUID|PayloadIdentifier)<\/key>\s*<string>([^<]*)<\/string>/g)].map((match) => `${match[1]}=${match[2]}`).sort();
}
