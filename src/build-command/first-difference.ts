import { compareKeyPaths } from "../profile/diff.js";
import { PlistReadError, readPlist } from "../profile/plist-read.js";
import type { PlistDict } from "../profile/plist-xml.js";

/**
 * Why a profile on disk is not what build would write, for `build --check`'s `differs:` line:
 * the first key path (in sorted order) whose value differs, so the admin sees at once whether
 * someone edited a setting by hand or the config changed since the last build.
 */
export function describeFirstDifference(onDisk: Uint8Array, built: PlistDict): string {
  let current;
  try {
    current = readPlist(onDisk).value;
  } catch (error) {
    if (!(error instanceof PlistReadError)) throw error;
    return `not a readable profile: it ${error.message}`;
  }
  const [first] = compareKeyPaths(current, built);
  return first === undefined ? "same settings, other formatting" : `first difference: ${first.path}`;
}
