/**
 * The config side of init: read what is there, work out the new text, and prove it builds before
 * anything is written.
 */
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { readLicenseFile } from "../project/license.js";
import { ownValue } from "../config/merge.js";
import type { ConfigFile, EnvironmentInput } from "../config/schema.js";
import { newConfigText, schemaReference, setConfigValue } from "../project/write-config.js";
import { packageRoot, packageVersion } from "../package-root.js";
import { readConfigFile, type ConfigSource } from "../project/read-config-file.js";
import { parseConfig, renderConfig } from "../project/render-config.js";
import { problemsError } from "../problem.js";
import { environmentFromAnswers } from "./environment.js";
import type { FileToWrite } from "../files/file-to-write.js";
import { licenseBesideConfig } from "./license-files.js";
import type { Answers } from "./question-types.js";
import { licenseExpiry } from "./validators.js";

type Json = Record<string, unknown>;

export interface ExistingConfig {
  text: string;
  /** As parsed, key order intact (the validated copy is in schema order). */
  raw: Json;
  config: ConfigFile;
}

/** The config as it is, or undefined when there is none yet. It must be valid: init edits, it does not repair. */
export function readExistingConfig(source: ConfigSource): ExistingConfig | undefined {
  if (!existsSync(source.path)) return undefined;
  const text = readConfigFile(source);
  const { raw, config, problems } = parseConfig({ text, displayPath: source.displayPath });
  if (problems.length > 0 || config === undefined) throw problemsError(problems);
  return { text, raw: raw as Json, config };
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

export interface PlanInput {
  source: ConfigSource;
  existing: ExistingConfig | undefined;
  inherited: EnvironmentInput;
  answers: Answers;
  cwd: string;
  authorityHost?: string;
  now: Date;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function planChanges(input: PlanInput): ChangePlan {
  const { source, existing, answers } = input;
  const configDir = dirname(source.path);
  const env = answers.env;
  const chosen = licenseBesideConfig(answers.license, input.cwd, configDir, answers.env);
  const license = chosen?.path;
  const environments = existing?.raw["environments"] as Record<string, Json> | undefined;
  const before = ownValue(environments, env);
  const after = environmentFromAnswers({
    existing: before, inherited: input.inherited, answers, license,
    ...(input.authorityHost !== undefined && { authorityHost: input.authorityHost }),
  });

  const warnings: string[] = [];
  const files = chosen?.copy !== undefined ? [chosen.copy] : [];
  const licenseFile = chosen?.copy?.from ?? (license !== undefined ? resolve(configDir, license) : undefined) ?? (input.inherited.license !== undefined ? resolve(configDir, input.inherited.license) : undefined);
  const expired = licenseFile !== undefined ? licenseExpiry(licenseFile, input.now) : undefined;
  if (expired !== undefined) warnings.push(expired);

  if (existing === undefined) {
    if (answers.organization === undefined || answers.identifier === undefined) throw new Error("planChanges: a new config needs organization and identifier");
    const schema = schemaReference(configDir, packageRoot(), packageVersion());
    const text = newConfigText({
      $schema: schema,
      organization: answers.organization,
      identifier: answers.identifier,
      environments: { [env]: after },
    });
    const topChanges: ChangePlan["topChanges"] = [
      { key: "organization", before: undefined, after: answers.organization },
      { key: "identifier", before: undefined, after: answers.identifier },
    ];
    return { env, text, changed: true, newFile: true, before: undefined, after, topChanges, warnings, files };
  }

  let text = existing.text;
  const topChanges: ChangePlan["topChanges"] = [];
  for (const key of ["organization", "identifier"] as const) {
    const value = answers[key];
    if (value === undefined || value === existing.raw[key]) continue;
    topChanges.push({ key, before: existing.raw[key], after: value });
    text = setConfigValue(text, [key], value);
  }
  if (!same(before, after)) text = setConfigValue(text, ["environments", env], after);
  return { env, text, changed: text !== existing.text || files.length > 0, newFile: false, before, after, topChanges, warnings, files };
}

/** The new text through the config pipeline, as `build` will run it, before it is written. */
export function validateInMemory(text: string, source: ConfigSource, env: string, files: readonly FileToWrite[] = []): void {
  // A license about to be copied beside the config is read from the copy's bytes.
  const readLicense = (path: string) => files.find((file) => file.path === path)?.bytes ?? readLicenseFile(path);
  const result = renderConfig({ ...source, text, envs: [env], readLicense });
  if (result.problems.length > 0) throw problemsError(result.problems, [], "nothing was written — the new config would not build: ");
}
