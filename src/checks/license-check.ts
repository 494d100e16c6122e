import { readLicense } from "../profile/license.js";
import type { PlistDict } from "../profile/plist-xml.js";
import type { Problem } from "../problem.js";

const FIX = "embed the .jamfconnectlicense file from Jamf Account";

/** LicenseFile must hold a Jamf Connect license whose ExpirationDate has not passed. */
export function checkLicense(prefs: PlistDict, now: Date): Problem[] {
  const value = prefs.LicenseFile;
  if (value === undefined) return [];
  const bytes = value instanceof Uint8Array ? value : typeof value === "string" ? new Uint8Array(Buffer.from(value, "utf8")) : undefined;
  // Another type is already a catalogue type error.
  if (bytes === undefined) return [];
  const license = readLicense(bytes);
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
