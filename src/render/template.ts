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
export function fillTemplate(
  template: Record<string, unknown>,
  values: Readonly<Record<string, PlistValue | undefined>>,
  keyPath: string[] = [],
  owned = new Map<string, string>(),
): FilledTemplate {
  const preferences: Record<string, PlistValue> = {};
  for (const [key, raw] of Object.entries(template)) {
    const path = [...keyPath, key];
    const match = typeof raw === "string" ? PLACEHOLDER.exec(raw) : null;
    if (match) {
      const field = match[1]!;
      if (!(field in values)) throw new Error(`template placeholder {{${field}}} at ${path.join(".")} has no config field`);
      const value = values[field];
      if (value === undefined) continue;
      preferences[key] = value;
      if (!match[2]) owned.set(path.join("."), field);
    } else if (isPlainObject(raw)) {
      preferences[key] = fillTemplate(raw, values, path, owned).preferences;
    } else {
      preferences[key] = raw as PlistValue;
    }
  }
  return { preferences, owned };
}
