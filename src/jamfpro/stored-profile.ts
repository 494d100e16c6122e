/**
 * The one place upload reads a property list: the profile Jamf Pro stores (its own key order,
 * indentation and extra keys) and, for comparison, the one jcprofile renders.
 *
 * It uses the `plist` package for now; jcprofile's own plist reader (src/profile/) replaces it
 * here, in this one function, when it lands.
 */
import { parse } from "plist";

export type PlistNode = string | number | boolean | Date | Uint8Array | readonly PlistNode[] | { readonly [key: string]: PlistNode };
export type PlistDict = { readonly [key: string]: PlistNode };

export class StoredProfileError extends Error {}

export function readProfilePlist(text: string): PlistDict {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new StoredProfileError(`is not a readable property list (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Date || value instanceof Uint8Array) {
    throw new StoredProfileError("is not a configuration profile (the property list is not a dictionary)");
  }
  return value as PlistDict;
}
