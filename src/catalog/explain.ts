import { catalogEntries } from "./catalog.js";
import type { Domain, KeySpec } from "./types.js";

/**
 * What the catalogue knows about each key, in one shape for `jcprofile keys` (text and --json)
 * and for the JSON Schema's hover text, so a terminal and an editor say the same thing.
 */

export interface KeyFacts {
  readonly domain: Domain;
  /** `IdPSettings.Provider`; keys of an array's dictionaries as `UserPromotionRole[].Name`. */
  readonly key: string;
  /** `string`, `bool`, `int`, `data`, `dict`, `array of string`, `array of dict`. */
  readonly type: string;
  /** No source shows the type: another one is a warning, not an error. */
  readonly assumedType?: true;
  readonly description: string;
  readonly default?: boolean | number | string;
  /** Values the checker enforces. */
  readonly values?: readonly string[];
  /** Documented values offered but not enforced. */
  readonly knownValues?: readonly string[];
  readonly providers?: readonly string[];
  readonly since?: string;
  /** The config field jcprofile writes the key from. */
  readonly setBy?: string;
  /** Every UNVERIFIED note of the key, its values' included. */
  readonly unverified: readonly string[];
  readonly sources: readonly string[];
}

export function keyFacts(domain: Domain): KeyFacts[] {
  return catalogEntries(domain).map(({ path, spec }) => factsOf(domain, path, spec));
}

export function factsOf(domain: Domain, key: string, spec: KeySpec): KeyFacts {
  const values = spec.values ?? spec.items?.values;
  const knownValues = spec.knownValues ?? spec.items?.knownValues;
  const unverifiedValues = { ...spec.unverifiedValues, ...spec.items?.unverifiedValues };
  return {
    domain,
    key,
    type: typeName(spec),
    ...((spec.assumedType ?? spec.items?.assumedType) && { assumedType: true }),
    description: spec.description,
    ...(spec.default !== undefined && { default: spec.default }),
    ...(values && { values }),
    ...(knownValues && { knownValues }),
    ...(spec.providers && { providers: spec.providers }),
    ...(spec.since !== undefined && { since: spec.since }),
    ...(spec.owner !== undefined && { setBy: spec.owner }),
    unverified: [
      ...Object.entries(unverifiedValues).map(([value, why]) => `value ${value}: ${why}`),
      ...(spec.unverified === undefined ? [] : [spec.unverified]),
    ],
    sources: spec.sources ?? [],
  };
}

export function typeName(spec: KeySpec): string {
  return spec.type === "array" && spec.items ? `array of ${spec.items.type}` : spec.type;
}

/**
 * The key's facts as labelled lines, meaning first. `keys` prints them under the key name; the
 * JSON Schema joins them into the hover text. Lists are left unwrapped here.
 */
export function factLines(facts: KeyFacts): string[] {
  const lines = [facts.description];
  if (facts.assumedType) lines.push("Type assumed (no source shows it): a value of another type is a warning, not an error.");
  if (facts.default !== undefined) lines.push(`Default: ${String(facts.default)}.`);
  if (facts.values) lines.push(`Values: ${facts.values.join(", ")}.`);
  if (facts.knownValues) lines.push(`Documented values (not enforced): ${facts.knownValues.join(", ")}.`);
  if (facts.providers) lines.push(`Used only with: ${facts.providers.join(", ")}.`);
  if (facts.since !== undefined) lines.push(`Since ${facts.since}.`);
  if (facts.setBy !== undefined) lines.push(`Set by jcprofile from the config's "${facts.setBy}" field.`);
  for (const note of facts.unverified) lines.push(`UNVERIFIED: ${sentence(note)}`);
  for (const source of facts.sources) lines.push(`Source: ${source}`);
  return lines;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
