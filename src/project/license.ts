import { failureText, readInputFile } from "../files/read-file.js";
import { PlistReadError, readPlist } from "../profile/plist-read.js";
import { readLicense as readLicenseBytes, type License } from "../profile/license.js";

/**
 * A .jamfconnectlicense file is a property list: a dictionary with Name, Email, LicenseKey,
 * DateIssued, ExpirationDate and NumberOfClients. Jamf Account also hands out the same plist as
 * base64 text. Either way the profile's LicenseFile holds the plist bytes as <data>. Whether
 * Jamf Connect also accepts a base64 <string> is UNVERIFIED, so jcprofile always writes <data>.
 *
 * profile/license.ts readLicense is the one place that decides "is this a Jamf Connect license"
 * (a property list, or base64 of one, whose top level is a dictionary with a non-empty LicenseKey
 * string); this file only reads the file and turns its verdict into a message with the fix.
 */

const FROM_JAMF = "use the .jamfconnectlicense file from Jamf Account";

export function checkLicense(bytes: Uint8Array): License | string {
  const license = readLicenseBytes(bytes);
  if (license === "empty") return "is an empty file — download the license again from Jamf Account";
  if (license === "not-a-license") return `is a property list without a LicenseKey, so not a Jamf Connect license — ${FROM_JAMF}`;
  if (license === "not-a-plist") {
    const reason = plistReason(bytes);
    if (reason !== undefined) return `is not a readable property list (${reason}) — ${FROM_JAMF}`;
    return `is neither a Jamf Connect license property list nor base64 text of one — ${FROM_JAMF}`;
  }
  return license;
}

/** Why bytes that start like a property list are not one, for the message. */
function plistReason(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 64)).toString("latin1").trimStart();
  if (!head.startsWith("<") && !head.startsWith("bplist")) return undefined;
  try {
    readPlist(bytes);
    return undefined;
  } catch (error) {
    if (error instanceof PlistReadError) return error.message;
    throw error;
  }
}

export const licenseNotFound = (path: string): string =>
  `not found (looked for ${path}) — download the .jamfconnectlicense file from Jamf Account`;

/** The license file, checked, or what is wrong with it (it reads after the file's name). */
export function readLicense(path: string): License | string {
  const read = readInputFile(path);
  if ("reason" in read) {
    if (read.code === "ENOENT") return licenseNotFound(path);
    if (read.code === "EISDIR") return "is a folder — give the .jamfconnectlicense file itself";
    return failureText(read);
  }
  return checkLicense(read.bytes);
}

/** The license file's bytes, checked, or what is wrong with it (it reads after the file's name). */
export function readLicenseFile(path: string): Uint8Array | string {
  const license = readLicense(path);
  return typeof license === "string" ? license : license.bytes;
}
