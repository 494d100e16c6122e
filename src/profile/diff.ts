import { MCX_PAYLOAD_TYPE } from "./domains.js";
import { escapeUnshowable } from "../values.js";
import type { PlistDict, PlistValue } from "./plist-xml.js";
import { isDict } from "./unwrap.js";

/**
 * The one comparison of property-list values: two profiles or two preference dictionaries, key
 * path by key path. `verify` (drift), `upload` (what a Mac would get differently), `build --check`
 * (the first difference) and `import` (what rendering gives back, and which source keys equal a
 * template default) all use it. Key order and formatting never count; types do (the string "1" is
 * not the integer 1); data compares byte for byte, dates by instant.
 */

export type KeyPath = readonly (string | number)[];

export interface KeyDifference {
  /** As the admin reads it: `com.jamf.connect.login.DenyLocal` for a setting, else `PayloadContent[1].PayloadUUID`. */
  readonly path: string;
  readonly parts: KeyPath;
  /** undefined: the key is absent on that side. */
  readonly before: PlistValue | undefined;
  readonly after: PlistValue | undefined;
}

export interface CompareOptions {
  /** Leave a key (and everything below it) out, e.g. the keys Jamf Pro adds to stored profiles itself. */
  readonly ignore?: (parent: KeyPath, key: string, before: PlistValue | undefined, after: PlistValue | undefined) => boolean;
  /** "whole": an array is one value, reported whole where it differs (import lists it so); default item by item. */
  readonly arrays?: "items" | "whole";
  /** false: keys in the order found, `before`'s first (import follows its source); default sorted. */
  readonly sortKeys?: boolean;
}

/** Every place where `before` and `after` differ, in sorted key order (arrays by index) unless told otherwise. */
export function compareKeyPaths(before: PlistValue | undefined, after: PlistValue | undefined, options: CompareOptions = {}): KeyDifference[] {
  const differences: KeyDifference[] = [];
  const types = [payloadTypes(after), payloadTypes(before)];
  const visit = (a: PlistValue | undefined, b: PlistValue | undefined, parts: KeyPath): void => {
    if (isDict(a) && isDict(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
      for (const key of options.sortKeys === false ? keys : keys.sort()) {
        const [left, right] = [own(a, key), own(b, key)];
        if (options.ignore?.(parts, key, left, right) === true) continue;
        visit(left, right, [...parts, key]);
      }
    } else if (Array.isArray(a) && Array.isArray(b) && options.arrays !== "whole") {
      const left = a as readonly PlistValue[];
      const right = b as readonly PlistValue[];
      for (let index = 0; index < Math.max(left.length, right.length); index++) visit(left[index], right[index], [...parts, index]);
    } else if (!(a === undefined ? b === undefined : b !== undefined && samePlist(a, b))) {
      differences.push({ path: showKeyPath(parts, (index) => types[0]![index] ?? types[1]![index]), parts, before: a, after: b });
    }
  };
  visit(before, after, []);
  return differences;
}

/** Whether two values are equal all the way down, by the same rules. */
export function samePlist(a: PlistValue, b: PlistValue): boolean {
  if (a instanceof Uint8Array || b instanceof Uint8Array) return a instanceof Uint8Array && b instanceof Uint8Array && Buffer.from(a).equals(Buffer.from(b));
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => samePlist(item as PlistValue, b[index] as PlistValue));
  }
  if (isDict(a) || isDict(b)) {
    if (!isDict(a) || !isDict(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && samePlist(a[key]!, b[key]!));
  }
  return a === b;
}

/** Own keys only: a dictionary read from a file may hold "constructor" or "__proto__" as a plain key. */
function own(dict: PlistDict, key: string): PlistValue | undefined {
  return Object.hasOwn(dict, key) ? dict[key] : undefined;
}

function payloadTypes(root: PlistValue | undefined): (string | undefined)[] {
  const content = isDict(root) ? root.PayloadContent : undefined;
  if (!Array.isArray(content)) return [];
  return (content as readonly PlistValue[]).map((payload) => (isDict(payload) && typeof payload.PayloadType === "string" ? payload.PayloadType : undefined));
}

/**
 * `PayloadContent[0].PayloadContent.<domain>.Forced[0].mcx_preference_settings.X` (mcx) and
 * `PayloadContent[0].X` of a payload whose type is the domain both read as `<domain>.X`, the way
 * the admin wrote the setting; every other path as it stands in the plist.
 */
function showKeyPath(parts: KeyPath, typeAt: (index: number) => string | undefined): string {
  if (parts.length === 0) return "(top level)";
  let shown = parts;
  if (parts[0] === "PayloadContent" && typeof parts[1] === "number" && parts.length > 2) {
    const type = typeAt(parts[1]);
    if (parts[2] === "PayloadContent" && parts[4] === "Forced" && parts[6] === "mcx_preference_settings") shown = [String(parts[3]), ...parts.slice(7)];
    else if (type !== undefined && type !== MCX_PAYLOAD_TYPE && !String(parts[2]).startsWith("Payload")) shown = [type, ...parts.slice(2)];
  }
  // A key comes from a file on disk: one that would drive the terminal or break the line is escaped.
  return shown.map((part, index) => (typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${escapeUnshowable(part)}`)).join("");
}
