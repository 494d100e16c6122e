/**
 * The one place upload reads a property list: the profile Jamf Pro stores (its own key order,
 * indentation and extra keys) and, for comparison, the one jcprofile renders — both through
 * jcprofile's own reader (src/profile), which never resolves entities or fetches anything.
 */
import { PlistReadError, readPlist } from "../profile/plist-read.js";
import type { PlistDict, PlistValue } from "../profile/plist-xml.js";
import { isDict } from "../profile/unwrap.js";

export class StoredProfileError extends Error {}

export function readProfilePlist(text: string): PlistDict {
  let value: PlistValue;
  try {
    value = readPlist(new TextEncoder().encode(text)).value;
  } catch (error) {
    if (!(error instanceof PlistReadError)) throw error;
    throw new StoredProfileError(`is not a readable property list (${error.message})`);
  }
  if (!isDict(value)) throw new StoredProfileError("is not a configuration profile (the property list is not a dictionary)");
  return value;
}
