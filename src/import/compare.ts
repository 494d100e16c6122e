import { compareKeyPaths } from "../profile/diff.js";
import type { PlistValue } from "../profile/plist-xml.js";
import { isSecretName } from "../secrets.js";
import { showValue } from "../values.js";

export interface PreferenceComparison {
  /** Key paths of the source that the rendered profile does not have. */
  missing: string[];
  /** Key paths whose value differs: source and rendered value, as shown to the admin. */
  changed: { path: string; source: string; rendered: string }[];
  /** Key paths jcprofile writes that the source did not have. */
  added: string[];
}

/**
 * Source preferences against rendered ones, leaf by leaf, through the one comparison
 * (profile/diff.ts): dictionaries are walked, arrays compared whole, keys in the source's order.
 */
export function comparePreferences(source: Readonly<Record<string, PlistValue>>, rendered: Readonly<Record<string, PlistValue>>): PreferenceComparison {
  const result: PreferenceComparison = { missing: [], changed: [], added: [] };
  for (const { parts, before, after } of compareKeyPaths(source, rendered, { arrays: "whole", sortKeys: false })) {
    const path = parts.join(".");
    if (after === undefined) result.missing.push(path);
    else if (before === undefined) result.added.push(path);
    else {
      // Under a secret's name nothing is shown: the message may end up in a CI log.
      const secret = isSecretName(String(parts.at(-1)));
      result.changed.push({ path, source: showValue(before, { secret, width: Infinity }), rendered: showValue(after, { secret, width: Infinity }) });
    }
  }
  return result;
}
