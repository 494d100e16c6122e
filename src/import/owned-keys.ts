import { isPlainObject } from "../config/merge.js";
import { PROFILE_KINDS, type ProfileKind } from "../profile/domains.js";
import type { PlistValue } from "../profile/plist-xml.js";
import { templateMap, type TemplateField } from "../render/fields.js";
import { samePlist } from "../profile/diff.js";

/**
 * Import's half of the field ↔ key mapping (render/fields.ts): a source's keys split into those a
 * config field owns and the rest, which go to `settings`.
 */

export type { TemplateField } from "../render/fields.js";

/** Key path ("IdPSettings.ROPGID") → the config field that fills it, for one profile kind. */
export function ownedKeys(kind: ProfileKind): ReadonlyMap<string, TemplateField> {
  return templateMap(PROFILE_KINDS[kind].domain).owned;
}

/** The fixed default the template writes at `path` (OIDCNewPassword → false), if any. */
function fixedDefault(kind: ProfileKind, path: readonly string[]): PlistValue | undefined {
  let node: PlistValue | undefined = templateMap(PROFILE_KINDS[kind].domain).defaults;
  for (const key of path) node = isPlainObject(node) ? (node as Record<string, PlistValue>)[key] : undefined;
  return node;
}

export interface SplitPreferences {
  /** Owned key path → its value in the source. */
  owned: Map<string, { field: TemplateField; value: PlistValue }>;
  /** Everything else, nesting kept: what goes to `settings`. */
  settings: Record<string, PlistValue>;
}

/**
 * Splits one domain's source preferences into owned keys and settings. A key equal to the fixed
 * default the template writes anyway (OIDCProvider Azure) is left out: rendering reproduces it.
 */
export function splitPreferences(kind: ProfileKind, preferences: Readonly<Record<string, PlistValue>>): SplitPreferences {
  const owned = ownedKeys(kind);
  const found: SplitPreferences["owned"] = new Map();
  const under = (prefix: string) => [...owned.keys()].some((path) => path.startsWith(`${prefix}.`));
  const walk = (dict: Readonly<Record<string, PlistValue>>, prefix: string): Record<string, PlistValue> => {
    const rest: Record<string, PlistValue> = {};
    for (const [key, value] of Object.entries(dict)) {
      const path = prefix === "" ? key : `${prefix}.${key}`;
      const field = owned.get(path);
      const fixed = isPlainObject(value) ? undefined : fixedDefault(kind, path.split("."));
      if (field !== undefined) found.set(path, { field, value });
      else if (fixed !== undefined && samePlist(fixed, value)) continue;
      else if (isPlainObject(value) && under(path)) {
        const inner = walk(value as Record<string, PlistValue>, path);
        if (Object.keys(inner).length > 0) rest[key] = inner;
      } else rest[key] = value;
    }
    return rest;
  };
  return { owned: found, settings: walk(preferences, "") };
}
