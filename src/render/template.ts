import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../package-root.js";
import { isPlainObject } from "../config/merge.js";
import type { Domain } from "../profile/domains.js";
import type { PlistValue } from "../profile/plist-xml.js";

const cache = new Map<Domain, Record<string, unknown>>();

export function loadTemplate(domain: Domain): Record<string, unknown> {
  let template = cache.get(domain);
  if (!template) {
    const parsed: unknown = JSON.parse(readFileSync(join(packageRoot(), "templates", `${domain}.json`), "utf8"));
    if (!isPlainObject(parsed)) throw new Error(`templates/${domain}.json must hold a JSON object`);
    template = parsed;
    cache.set(domain, template);
  }
  return template;
}

/** `"{{field}}"` takes the field's value; `"{{field?}}"` too, but settings may override it. */
const PLACEHOLDER = /^\{\{([A-Za-z.]+)(\?)?\}\}$/;

export interface FilledTemplate {
  preferences: Record<string, PlistValue>;
  /** Keys filled from a config field, by key path ("IdPSettings.ROPGID") → the field to set instead. */
  owned: Map<string, string>;
}

/**
 * Fills placeholders structurally (the value keeps its type: a list stays an array, license
 * bytes stay bytes); a placeholder without a value drops its key.
 */
export function fillTemplate(template: Record<string, unknown>, values: Readonly<Record<string, PlistValue | undefined>>): FilledTemplate {
  const owned = new Map<string, string>();
  return { preferences: fillSteps(stepsOf(template), values, owned), owned };
}

/**
 * One key of a template, read once: a placeholder (its field; `path`, the key path as `owned`
 * names it), a dictionary with placeholders of its own, or a fixed value. Every environment fills
 * the same two templates: reading them once spares 1000 environments a regular expression per
 * string and a key path per key.
 */
type Step =
  | { readonly key: string; readonly field: string; readonly optional: boolean; readonly path: string }
  | { readonly key: string; readonly steps: readonly Step[] }
  | { readonly key: string; readonly value: PlistValue };

const stepsByTemplate = new WeakMap<Record<string, unknown>, readonly Step[]>();

function stepsOf(template: Record<string, unknown>, keyPath: readonly string[] = []): readonly Step[] {
  let steps = stepsByTemplate.get(template);
  if (steps === undefined) {
    steps = Object.entries(template).map(([key, raw]): Step => {
      const path = [...keyPath, key];
      const match = typeof raw === "string" ? PLACEHOLDER.exec(raw) : null;
      if (match) return { key, field: match[1]!, optional: match[2] !== undefined, path: path.join(".") };
      if (isPlainObject(raw)) return { key, steps: stepsOf(raw, path) };
      return { key, value: raw as PlistValue };
    });
    stepsByTemplate.set(template, steps);
  }
  return steps;
}

function fillSteps(steps: readonly Step[], values: Readonly<Record<string, PlistValue | undefined>>, owned: Map<string, string>): Record<string, PlistValue> {
  const preferences: Record<string, PlistValue> = {};
  for (const step of steps) {
    if ("field" in step) {
      if (!(step.field in values)) throw new Error(`template placeholder {{${step.field}}} at ${step.path} has no config field`);
      const value = values[step.field];
      if (value === undefined) continue;
      preferences[step.key] = value;
      if (!step.optional) owned.set(step.path, step.field);
    } else if ("steps" in step) {
      preferences[step.key] = fillSteps(step.steps, values, owned);
    } else {
      preferences[step.key] = step.value;
    }
  }
  return preferences;
}
