import { readFileSync } from "node:fs";
import { readLicense } from "../profile/license.js";

/**
 * A .jamfconnectlicense file is an XML property list (Name, Email, LicenseKey, DateIssued,
 * ExpirationDate, NumberOfClients); Jamf Account also hands out the same plist as base64 text.
 * Either way the profile's LicenseFile holds the plist bytes as <data>. Whether Jamf Connect
 * also accepts a base64 <string> is UNVERIFIED, so jcprofile always writes <data>.
 */
function checkLicense(bytes: Uint8Array): Uint8Array | string {
  const license = readLicense(bytes);
  if (license === "empty") return "is an empty file — download the license again from Jamf Account";
  if (license === "not-a-license") return notALicense;
  if (license === "not-a-plist") {
    return "is neither a Jamf Connect license property list nor base64 text of one — use the .jamfconnectlicense file from Jamf Account";
  }
  return license.bytes;
}

const notALicense = "is a property list without a LicenseKey, so not a Jamf Connect license — use the .jamfconnectlicense file from Jamf Account";

export const licenseNotFound = (path: string): string =>
  `not found (looked for ${path}) — download the .jamfconnectlicense file from Jamf Account`;

/** The license file's bytes, checked, or what is wrong with it (it reads after the file's name). */
export function readLicenseFile(path: string): Uint8Array | string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? licenseNotFound(path) : `cannot be read (${code ?? String(error)})`;
  }
  return checkLicense(bytes);
}
