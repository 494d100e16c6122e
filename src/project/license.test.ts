import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkLicense } from "./license.js";

const example = readFileSync(join(import.meta.dirname, "../../examples/contoso.jamfconnectlicense"));
const bytes = (text: string) => new Uint8Array(Buffer.from(text));
const plist = (dict: string) => bytes(`<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>${dict}</dict>\n</plist>\n`);

/** A minimal bplist00 of a dictionary of ASCII strings, as Apple's writer lays it out. */
function binaryPlist(entries: [string, string][]): Uint8Array {
  const objects: Buffer[] = [];
  const dictRefs = entries.flatMap((_entry, index) => [index * 2 + 1]).concat(entries.map((_, index) => index * 2 + 2));
  objects.push(Buffer.from([0xd0 | entries.length, ...dictRefs]));
  for (const [key, value] of entries) for (const text of [key, value]) objects.push(Buffer.concat([Buffer.from([0x50 | text.length]), Buffer.from(text, "latin1")]));
  const header = Buffer.from("bplist00", "latin1");
  const offsets: number[] = [];
  let at = header.length;
  for (const object of objects) {
    offsets.push(at);
    at += object.length;
  }
  const trailer = Buffer.alloc(32);
  trailer[6] = 1;
  trailer[7] = 1;
  trailer.writeBigUInt64BE(BigInt(objects.length), 8);
  trailer.writeBigUInt64BE(0n, 16);
  trailer.writeBigUInt64BE(BigInt(at), 24);
  return new Uint8Array(Buffer.concat([header, ...objects, Buffer.from(offsets), trailer]));
}

describe("checkLicense", () => {
  it("reads the example license, XML and base64, and its fields", () => {
    const license = checkLicense(example);
    expect(license).toMatchObject({ fields: { LicenseKey: "EXAMPLE-NOT-A-REAL-LICENSE-KEY", NumberOfClients: 250, ExpirationDate: "2036-01-05" } });
    const fromBase64 = checkLicense(bytes(example.toString("base64").replace(/(.{64})/g, "$1\n")));
    expect(typeof fromBase64 === "object" && Buffer.from(fromBase64.bytes).equals(example)).toBe(true);
  });

  it("reads a binary license", () => {
    expect(checkLicense(binaryPlist([["LicenseKey", "ABC-123"], ["Name", "Contoso"]]))).toMatchObject({ fields: { LicenseKey: "ABC-123", Name: "Contoso" } });
    expect(checkLicense(binaryPlist([["Name", "Contoso"]]))).toContain("without a LicenseKey");
  });

  it.each([
    ["a plist header and nothing else", bytes('<?xml version="1.0"?>\n<plist version="1.0">'), "truncated"],
    ["a bplist header with garbage", bytes("bplist00 this is not a plist at all, only its magic"), "damaged"],
    ["an entity declaration", bytes('<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY x SYSTEM "file:///etc/passwd">]><plist><dict><key>LicenseKey</key><string>&x;</string></dict></plist>'), "internal subset"],
    ["a LicenseKey in a comment only", plist("<!-- <key>LicenseKey</key> --><key>Name</key><string>x</string>"), "without a LicenseKey"],
    ["an empty LicenseKey", plist("<key>LicenseKey</key><string> </string>"), "without a LicenseKey"],
    ["a nested dictionary", plist("<key>LicenseKey</key><dict></dict>"), "without a LicenseKey"],
    ["text", bytes("hello"), "neither a Jamf Connect license property list nor base64"],
  ])("refuses %s", (_name, input, message) => {
    expect(checkLicense(input)).toContain(message);
  });
});
