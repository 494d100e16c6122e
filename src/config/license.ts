import { readInputFile } from "./read-file.js";
import { readLicensePlist } from "./license-plist.js";

/**
 * A .jamfconnectlicense file is a property list: a dictionary with Name, Email, LicenseKey,
 * DateIssued, ExpirationDate and NumberOfClients. Jamf Account also hands out the same plist as
 * base64 text. Either way the profile's LicenseFile holds the plist bytes as <data>. Whether
 * Jamf Connect also accepts a base64 <string> is UNVERIFIED, so jcprofile always writes <data>.
 *
 * checkLicense is the one place that decides "is this a Jamf Connect license": the file must
 * parse as a property list whose top level is a dictionary with a non-empty LicenseKey string.
 * (license-plist.ts reads that small dictionary; it gives way to src/profile's plist reader.)
 */
export interface License {
  /** The plist bytes the profile embeds (decoded from base64 when the file was base64 text). */
  bytes: Uint8Array;
  /** The license's top-level text and number fields (ExpirationDate, NumberOfClients, …). */
  fields: Readonly<Record<string, string | number | boolean>>;
}

const FROM_JAMF = "use the .jamfconnectlicense file from Jamf Account";

export function checkLicense(bytes: Uint8Array): License | string {
  if (bytes.length === 0) return "is an empty file — download the license again from Jamf Account";
  const direct = asLicense(bytes);
  if (typeof direct !== "string" || direct !== NOT_A_PLIST) return direct;
  const text = Buffer.from(bytes).toString("latin1").replace(/\s+/g, "");
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
    const decoded = asLicense(new Uint8Array(Buffer.from(text, "base64")));
    if (decoded !== NOT_A_PLIST) return decoded;
  }
  return `is neither a Jamf Connect license property list nor base64 text of one — ${FROM_JAMF}`;
}

const NOT_A_PLIST = "not a plist";

function asLicense(bytes: Uint8Array): License | string {
  const fields = readLicensePlist(bytes);
  if (fields === undefined) return NOT_A_PLIST;
  if (typeof fields === "string") return `is not a readable property list (${fields}) — ${FROM_JAMF}`;
  const key = fields["LicenseKey"];
  if (typeof key !== "string" || key.trim() === "") {
    return `is a property list without a LicenseKey, so not a Jamf Connect license — ${FROM_JAMF}`;
  }
  return { bytes, fields };
}

export const licenseNotFound = (path: string): string =>
  `not found (looked for ${path}) — download the .jamfconnectlicense file from Jamf Account`;

/** The license file, checked, or what is wrong with it (it reads after the file's name). */
export function readLicense(path: string): License | string {
  const read = readInputFile(path);
  if ("reason" in read) {
    if (read.code === "ENOENT") return licenseNotFound(path);
    if (read.code === "EISDIR") return "is a folder — give the .jamfconnectlicense file itself";
    return read.reason;
  }
  return checkLicense(read.bytes);
}

/** The license file's bytes, checked, or what is wrong with it (it reads after the file's name). */
export function readLicenseFile(path: string): Uint8Array | string {
  const license = readLicense(path);
  return typeof license === "string" ? license : license.bytes;
}
