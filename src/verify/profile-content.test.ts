import { describe, expect, it } from "vitest";
import { encodeBinaryPlist } from "../../test/profiles/bplist-encode.js";
import { serializePlist, type PlistDict } from "../profile/plist-xml.js";
import { readProfileContent } from "./profile-content.js";

const settings = { OIDCProvider: "EntraID", OIDCClientID: "a1b2c3d4-0000-4000-8000-000000000001" };
const profile: PlistDict = {
  PayloadType: "Configuration",
  PayloadIdentifier: "com.contoso.jamfconnect.prod.login",
  PayloadUUID: "5E1C0A52-0000-4000-8000-000000000001",
  PayloadVersion: 1,
  PayloadContent: [{ PayloadType: "com.jamf.connect.login", PayloadUUID: "5E1C0A52-0000-4000-8000-000000000002", PayloadIdentifier: "p", PayloadVersion: 1, ...settings }],
};
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

describe("readProfileContent (verify's well-formed check, through src/profile)", () => {
  it("takes an XML or a binary Jamf Connect profile and reads its identifier", () => {
    expect(readProfileContent(utf8(serializePlist(profile)), "a.mobileconfig")).toMatchObject({ identifier: "com.contoso.jamfconnect.prod.login" });
    const binary = readProfileContent(encodeBinaryPlist(profile as never), "b.mobileconfig");
    expect(binary.problem).toBeUndefined();
    expect(binary.model?.format).toBe("binary");
  });

  it("says what the content is when it is not a Jamf Connect profile", () => {
    expect(readProfileContent(utf8("{}"), "x").problem).toBe("the content is JSON, not a property list");
    const other = { ...profile, PayloadContent: [{ PayloadType: "com.apple.wifi.managed", PayloadUUID: "u" }] };
    expect(readProfileContent(utf8(serializePlist(other)), "x").problem).toMatch(/^the content is a configuration profile without a Jamf Connect payload/);
    expect(readProfileContent(utf8(serializePlist(settings)), "com.jamf.connect.login.plist").problem).toBe(
      "the content is bare Jamf Connect preferences, not a configuration profile",
    );
  });

  it("refuses a DTD with an external entity instead of resolving it", () => {
    const hostile = '<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY x SYSTEM "file:///etc/passwd">]><plist><dict><key>A</key><string>&x;</string></dict></plist>';
    expect(readProfileContent(utf8(hostile), "x").problem).toMatch(/^the content /);
  });
});
