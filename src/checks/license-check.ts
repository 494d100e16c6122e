import { readLicense } from "../profile/license.js";
import type { PlistDict } from "../profile/plist-xml.js";
import type { Problem } from "../problem.js";

const FIX = "embed the .jamfconnectlicense file from Jamf Account";

/**
 * `build` checks every environment's profiles, and environments share their license's bytes (one
 * array per license file): each is read once per process, not once per profile (a 1000-environment
 * build read the same plist 2000 times, ~7 % of its time). Nothing writes into these arrays.
 */
const readBefore = new WeakMap<Uint8Array, ReturnType<typeof readLicense>>();
function readLicenseOnce(bytes: Uint8Array): ReturnType<typeof readLicense> {
  let license = readBefore.get(bytes);
  if (license === undefined) {
    license = readLicense(bytes);
    readBefore.set(bytes, license);
  }
  return license;
}

/** LicenseFile must hold a Jamf Connect license whose ExpirationDate has not passed. */
export function checkLicense(prefs: PlistDict, now: Date): Problem[] {
  const value = prefs.LicenseFile;
  if (value === undefined) return [];
  const bytes = value instanceof Uint8Array ? value : typeof value === "string" ? new Uint8Array(Buffer.from(value, "utf8")) : undefined;
  // Another type is already a catalogue type error.
  if (bytes === undefined) return [];
  const license = readLicenseOnce(bytes);
  if (license === "empty") return [{ path: ["LicenseFile"], severity: "error", code: "license-invalid", message: "is empty", fix: FIX }];
  if (license === "not-a-license") {
    return [{ path: ["LicenseFile"], severity: "error", code: "license-invalid", message: "holds a property list without a LicenseKey, so not a Jamf Connect license", fix: FIX }];
  }
  if (license === "not-a-plist") {
    return [{ path: ["LicenseFile"], severity: "error", code: "license-invalid", message: "holds neither a license property list nor base64 text of one", fix: FIX }];
  }
  if (license.expires !== undefined && license.expires.getTime() < now.getTime()) {
    const date = license.expires.toISOString().slice(0, 10);
    return [{ path: ["LicenseFile"], severity: "error", code: "license-expired", message: `the license expired on ${date}`, fix: "download a current license from Jamf Account and embed it" }];
  }
  return [];
}
