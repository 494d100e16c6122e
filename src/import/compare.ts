import { isPlainObject } from "../config/merge.js";
import type { PlistValue } from "../profile/plist-xml.js";
import { isSecretKey, isSecretValue, SECRET_NOT_SHOWN } from "../values.js";

export interface PreferenceComparison {
  /** Key paths of the source that the rendered profile does not have. */
  missing: string[];
  /** Key paths whose value differs: source and rendered value, as shown to the admin. */
  changed: { path: string; source: string; rendered: string }[];
  /** Key paths jcprofile writes that the source did not have. */
  added: string[];
}

/**
 * Source preferences against rendered ones, leaf by leaf (dictionaries are walked, arrays and
 * other values compared whole). Types count: the string "1" is not the integer 1, data compares
 * by bytes, dates by instant.
 */
export function comparePreferences(source: Readonly<Record<string, PlistValue>>, rendered: Readonly<Record<string, PlistValue>>): PreferenceComparison {
  const result: PreferenceComparison = { missing: [], changed: [], added: [] };
  walk(source, rendered, "", result);
  return result;
}

function walk(source: Readonly<Record<string, PlistValue>>, rendered: Readonly<Record<string, PlistValue>>, prefix: string, result: PreferenceComparison): void {
  const join = (key: string) => (prefix === "" ? key : `${prefix}.${key}`);
  for (const [key, value] of Object.entries(source)) {
    const path = join(key);
    if (!Object.hasOwn(rendered, key)) {
      result.missing.push(path);
      continue;
    }
    const other = rendered[key]!;
    if (isPlainObject(value) && isPlainObject(other)) walk(value as Record<string, PlistValue>, other as Record<string, PlistValue>, path, result);
    else if (!samePlist(value, other)) result.changed.push({ path, source: show(value, path), rendered: show(other, path) });
  }
  for (const key of Object.keys(rendered)) if (!Object.hasOwn(source, key)) result.added.push(join(key));
}

export function samePlist(a: PlistValue, b: PlistValue): boolean {
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((byte, index) => byte === b[index]);
  }
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => samePlist(item as PlistValue, b[index] as PlistValue));
  }
  if (isPlainObject(a) || isPlainObject(b)) {
    if (!isPlainObject(a) || !isPlainObject(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && samePlist(a[key] as PlistValue, b[key] as PlistValue));
  }
  return a === b;
}

/** Secret-looking keys (a client secret, a password) are never shown: the message may end up in a CI log. */
function show(value: PlistValue, path: string): string {
  if (typeof value === "string" && (isSecretKey(path.split(".").at(-1) ?? path) || isSecretValue(value))) return SECRET_NOT_SHOWN;
  if (value instanceof Uint8Array) return `<data, ${value.length} bytes>`;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}
