import { MCX_PAYLOAD_TYPE } from "./domains.js";
import type { PlistValue } from "./plist-xml.js";
import { isDict } from "./unwrap.js";

/**
 * The one key-path comparison of two parsed profiles (or preference dictionaries), shared by
 * `verify` (drift), `upload` (what a Mac would get differently) and `build --check` (the first
 * difference). Key order and formatting never count; values are compared, data byte for byte.
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
}

/** Every place where `before` and `after` differ, in sorted key order (arrays by index). */
export function compareKeyPaths(before: PlistValue | undefined, after: PlistValue | undefined, options: CompareOptions = {}): KeyDifference[] {
  const differences: KeyDifference[] = [];
  const types = [payloadTypes(after), payloadTypes(before)];
  const visit = (a: PlistValue | undefined, b: PlistValue | undefined, parts: KeyPath): void => {
    if (isDict(a) && isDict(b)) {
      for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
        if (options.ignore?.(parts, key, a[key], b[key]) === true) continue;
        visit(a[key], b[key], [...parts, key]);
      }
    } else if (Array.isArray(a) && Array.isArray(b)) {
      const left = a as readonly PlistValue[];
      const right = b as readonly PlistValue[];
      for (let index = 0; index < Math.max(left.length, right.length); index++) visit(left[index], right[index], [...parts, index]);
    } else if (!sameLeaf(a, b)) {
      differences.push({ path: showKeyPath(parts, (index) => types[0]![index] ?? types[1]![index]), parts, before: a, after: b });
    }
  };
  visit(before, after, []);
  return differences;
}

function sameLeaf(a: PlistValue | undefined, b: PlistValue | undefined): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.from(a).equals(Buffer.from(b));
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
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
  return shown.map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? part : `.${part}`)).join("");
}
