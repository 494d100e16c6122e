/**
 * The config side of init: work out the new text from the answers (read and proven by
 * src/project/config-edit.ts).
 */
import { dirname, resolve } from "node:path";
import { ownValue } from "../config/merge.js";
import type { EnvironmentInput } from "../config/schema.js";
import { newConfigText, schemaReference } from "../project/write-config.js";
import { packageRoot, packageVersion } from "../package-root.js";
import type { ConfigSource } from "../project/read-config-file.js";
import { spliceEnvironment, type ChangePlan, type ExistingConfig } from "../project/config-edit.js";
import { environmentFromAnswers } from "./environment.js";
import { licenseBesideConfig } from "./license-files.js";
import type { Answers } from "./question-types.js";
import { licenseExpiry } from "./validators.js";

type Json = Record<string, unknown>;

export interface PlanInput {
  source: ConfigSource;
  existing: ExistingConfig | undefined;
  inherited: EnvironmentInput;
  answers: Answers;
  cwd: string;
  authorityHost?: string;
  now: Date;
}

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

  const { text, topChanges } = spliceEnvironment(existing, env, after, answers);
  return { env, text, changed: text !== existing.text || files.length > 0, newFile: false, before, after, topChanges, warnings, files };
}
