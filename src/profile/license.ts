import { PlistReadError, readPlist } from "./plist-read.js";
import type { PlistDict, PlistValue } from "./plist-xml.js";
import { isDict } from "./unwrap.js";

/**
 * A .jamfconnectlicense file is a property list (Name, Email, LicenseKey, DateIssued,
 * ExpirationDate, NumberOfClients); Jamf Account also hands it out as base64 text of the same
 * plist. A profile's LicenseFile holds the plist bytes.
 */
export interface License {
  /** The license plist's own bytes (decoded when the input was base64 text). */
  readonly bytes: Uint8Array;
  readonly fields: PlistDict;
  /** ExpirationDate, when it is a readable date. */
  readonly expires?: Date;
}

export type LicenseProblem = "empty" | "not-a-license" | "not-a-plist";

/**
 * Each license's bytes are read once per process: the config's reader checks the file, and then
 * every profile's checks read the bytes embedded from it (the same array; a 1000-environment build
 * read the same plist 2000 times). The verdict is kept under the bytes given and, for a license,
 * under its own bytes too (what a profile embeds). Nothing writes into these arrays.
 */
const readBefore = new WeakMap<Uint8Array, License | LicenseProblem>();

export function readLicense(bytes: Uint8Array): License | LicenseProblem {
  let license = readBefore.get(bytes);
  if (license === undefined) {
    license = readLicenseBytes(bytes);
    readBefore.set(bytes, license);
    if (typeof license !== "string") readBefore.set(license.bytes, license);
  }
  return license;
}

function readLicenseBytes(bytes: Uint8Array): License | LicenseProblem {
  if (bytes.length === 0) return "empty";
  const direct = fieldsOf(bytes);
  if (direct !== undefined) return direct === "not-a-license" ? direct : { bytes, ...direct };
  const compact = Buffer.from(bytes).toString("utf8").replace(/\s+/g, "");
  if (compact !== "" && /^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    const decoded = new Uint8Array(Buffer.from(compact, "base64"));
    const inner = fieldsOf(decoded);
    if (inner !== undefined) return inner === "not-a-license" ? inner : { bytes: decoded, ...inner };
  }
  return "not-a-plist";
}

/** Undefined when the bytes are not a property list at all. */
function fieldsOf(bytes: Uint8Array): { fields: PlistDict; expires?: Date } | "not-a-license" | undefined {
  let value: PlistValue;
  try {
    value = readPlist(bytes).value;
  } catch (error) {
    if (error instanceof PlistReadError) return undefined;
    throw error;
  }
  const key = isDict(value) ? value.LicenseKey : undefined;
  if (!isDict(value) || typeof key !== "string" || key.trim() === "") return "not-a-license";
  const expires = toDate(value.ExpirationDate);
  return { fields: value, ...(expires !== undefined && { expires }) };
}

function toDate(value: PlistValue | undefined): Date | undefined {
  const date = value instanceof Date ? value : typeof value === "string" ? new Date(value.trim()) : undefined;
  return date !== undefined && !Number.isNaN(date.getTime()) ? date : undefined;
}
