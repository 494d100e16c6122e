import { isPlainObject } from "../config/merge.js";
import { PROFILE_KINDS, type ProfileKind } from "../profile/domains.js";
import type { PlistValue } from "../profile/plist-xml.js";
import { fillTemplate, loadTemplate } from "../render/template.js";
import { samePlist } from "./compare.js";

/**
 * The preference keys jcprofile owns (writes from a config field), read from the same templates
 * that rendering fills, so the inverse cannot drift from the forward mapping: a new placeholder in
 * templates/ that import does not know makes fillTemplate throw here, and the import tests fail.
 */
const TEMPLATE_FIELDS = [
  "tenant",
  "login.clientId",
  "login.ropgClientId",
  "login.redirectUri",
  "login.adminRoles",
  "login.adminAttribute",
  "menubar.ropgClientId",
  "conditionalAccess.oidcScopes",
  "conditionalAccess.loginRopgScopes",
  "conditionalAccess.menubarRopgScopes",
  "license",
] as const;

export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

interface TemplateKeys {
  owned: ReadonlyMap<string, TemplateField>;
  /** The template filled with a marker: a value that is not the marker is a fixed default. */
  filled: Readonly<Record<string, PlistValue>>;
}

const MARKER = "\u0000placeholder";
const cache = new Map<ProfileKind, TemplateKeys>();

function templateKeys(kind: ProfileKind): TemplateKeys {
  let keys = cache.get(kind);
  if (keys === undefined) {
    // Every field present, so every owned key shows up in the filled template.
    const values = Object.fromEntries(TEMPLATE_FIELDS.map((field) => [field, MARKER])) as Record<string, PlistValue>;
    const filled = fillTemplate(loadTemplate(PROFILE_KINDS[kind].domain), values);
    keys = { owned: filled.owned as Map<string, TemplateField>, filled: filled.preferences };
    cache.set(kind, keys);
  }
  return keys;
}

/** Key path ("IdPSettings.ROPGID") → the config field that fills it, for one profile kind. */
export function ownedKeys(kind: ProfileKind): ReadonlyMap<string, TemplateField> {
  return templateKeys(kind).owned;
}

/** The fixed default the template writes at `path` (OIDCNewPassword → false), if any. */
function fixedDefault(kind: ProfileKind, path: readonly string[]): PlistValue | undefined {
  let node: PlistValue | undefined = templateKeys(kind).filled;
  for (const key of path) node = isPlainObject(node) ? (node as Record<string, PlistValue>)[key] : undefined;
  return node === MARKER ? undefined : node;
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
