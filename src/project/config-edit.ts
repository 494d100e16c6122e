/**
 * Editing the admin's config, shared by init and import: read what is there, and prove a new text
 * builds before anything is written.
 */
import { statSync } from "node:fs";
import { ownValue } from "../config/merge.js";
import type { ConfigFile } from "../config/schema.js";
import type { FileToWrite } from "../files/file-to-write.js";
import { errorCode } from "../files/file-ops.js";
import { problemsError } from "../problem.js";
import { readLicenseFile } from "./license.js";
import { readConfigFile, type ConfigSource } from "./read-config-file.js";
import { parseConfig, renderConfig } from "./render-config.js";
import { setConfigValue } from "./write-config.js";

type Json = Record<string, unknown>;

export interface ExistingConfig {
  text: string;
  /** As parsed, key order intact (the validated copy is in schema order). */
  raw: Json;
  config: ConfigFile;
}

/** The config as it is, or undefined when there is none yet. It must be valid: init edits, it does not repair. */
export function readExistingConfig(source: ConfigSource): ExistingConfig | undefined {
  if (isAbsent(source.path)) return undefined;
  const text = readConfigFile(source);
  const { raw, config, problems } = parseConfig({ text, displayPath: source.displayPath });
  if (problems.length > 0 || config === undefined) throw problemsError(problems);
  return { text, raw: raw as Json, config };
}

/**
 * Only a config that is not there is new; one that is there but cannot be reached (a link that
 * loops, a folder it may not read) is refused by the reader at once, not planned as a new file
 * that the write then fails to create. A dangling link is absent: the write creates its target.
 */
function isAbsent(path: string): boolean {
  try {
    statSync(path);
    return false;
  } catch (error) {
    return errorCode(error) === "ENOENT";
  }
}

export interface ChangePlan {
  env: string;
  text: string;
  /** The text differs from the file (or there is no file). */
  changed: boolean;
  newFile: boolean;
  /** The environment as it was, when it existed; and as it will be. */
  before: Json | undefined;
  after: Json;
  /** Top-level fields changed by flags on an existing config. */
  topChanges: { key: "organization" | "identifier"; before: unknown; after: string }[];
  warnings: string[];
  /**
   * Whether the change replaces something the environment holds (asked about, or --yes); default:
   * whenever the environment existed. Import sets it false when it only adds the other half.
   */
  replaces?: boolean;
  /** Written with the config, all or nothing: a license copied beside it from elsewhere. */
  files?: FileToWrite[];
}

/** The new text through the config pipeline, as `build` will run it, before it is written. */
export function validateInMemory(text: string, source: ConfigSource, envs: readonly string[], files: readonly FileToWrite[] = []): void {
  // A license about to be copied beside the config is read from the copy's bytes.
  const readLicense = (path: string) => files.find((file) => file.path === path)?.bytes ?? readLicenseFile(path);
  const result = renderConfig({ ...source, text, envs, readLicense });
  if (result.problems.length > 0) throw problemsError(result.problems, [], "nothing was written — the new config would not build: ");
}

/**
 * An existing config's text with one environment set to `environment` and the top-level fields
 * that were given and differ (init's answers, import's flags) changed; everything else stays as
 * written. `topChanges` lists those fields for the review.
 */
export function spliceEnvironment(
  existing: ExistingConfig,
  env: string,
  environment: Json,
  top: { organization?: string | undefined; identifier?: string | undefined },
): { text: string; topChanges: ChangePlan["topChanges"] } {
  let text = existing.text;
  const topChanges: ChangePlan["topChanges"] = [];
  for (const key of ["organization", "identifier"] as const) {
    const value = top[key];
    if (value === undefined || value === existing.raw[key]) continue;
    topChanges.push({ key, before: existing.raw[key], after: value });
    text = setConfigValue(text, [key], value);
  }
  const before = ownValue(existing.raw["environments"] as Record<string, Json> | undefined, env);
  if (JSON.stringify(before) !== JSON.stringify(environment)) text = setConfigValue(text, ["environments", env], environment);
  return { text, topChanges };
}
