import { describe, expect, it } from "vitest";
import { carryIdentifiers, compareProfiles } from "./reconcile.js";
import type { PlistDict } from "../profile/plist-xml.js";

const mcx = (id: string, uuid: string, settings: PlistDict): PlistDict => ({
  PayloadType: "com.apple.ManagedClient.preferences",
  PayloadIdentifier: id,
  PayloadUUID: uuid,
  PayloadDisplayName: "Jamf Connect Login (prod)",
  PayloadContent: { "com.jamf.connect.login": { Forced: [{ mcx_preference_settings: settings }] } },
});

const ours: PlistDict = {
  PayloadType: "Configuration",
  PayloadIdentifier: "com.contoso.jamfconnect.prod.login",
  PayloadUUID: "OURS-TOP",
  PayloadDisplayName: "Jamf Connect Login (prod)",
  PayloadContent: [mcx("com.contoso.jamfconnect.prod.login.com.jamf.connect.login", "OURS-PAYLOAD", { DenyLocal: true, LicenseFile: Buffer.from("v2") })],
};

/** What Jamf Pro keeps: its own identifiers, PayloadEnabled, another key order, an empty description. */
const stored: PlistDict = {
  PayloadEnabled: true,
  PayloadDescription: "",
  PayloadContent: [
    {
      ...mcx("JAMF-PAYLOAD", "JAMF-PAYLOAD", { LicenseFile: Buffer.from("v1"), DenyLocal: false }),
      PayloadEnabled: true,
      PayloadDisplayName: "Custom Settings",
      PayloadOrganization: "JAMF Software",
    },
  ],
  PayloadUUID: "JAMF-TOP",
  PayloadIdentifier: "JAMF-TOP",
  PayloadDisplayName: "Jamf Connect Login (prod)",
  PayloadType: "Configuration",
};

describe("carryIdentifiers", () => {
  it("takes the stored top-level and payload identifiers, matching payloads by type and domain", () => {
    const carried = carryIdentifiers(ours, stored);
    expect(carried).toMatchObject({ PayloadUUID: "JAMF-TOP", PayloadIdentifier: "JAMF-TOP" });
    expect((carried["PayloadContent"] as PlistDict[])[0]).toMatchObject({ PayloadUUID: "JAMF-PAYLOAD", PayloadIdentifier: "JAMF-PAYLOAD" });
    expect(ours["PayloadUUID"]).toBe("OURS-TOP");
  });

  it("leaves a payload of another domain with its own identifiers", () => {
    const other = { ...stored, PayloadContent: [{ ...mcx("X", "X", {}), PayloadContent: { "com.jamf.connect": {} } }] };
    const carried = carryIdentifiers(ours, other);
    expect((carried["PayloadContent"] as PlistDict[])[0]).toMatchObject({ PayloadUUID: "OURS-PAYLOAD" });
  });
});

describe("compareProfiles", () => {
  it("lists the settings that differ from the preference domain down, data as a digest", () => {
    const changes = compareProfiles(carryIdentifiers(ours, stored), stored);
    expect(changes.map((change) => change.path)).toEqual(["com.jamf.connect.login.DenyLocal", "com.jamf.connect.login.LicenseFile"]);
    expect(changes[0]).toMatchObject({ old: "false", new: "true" });
    expect(changes[1]!.old).toMatch(/^<data 2 bytes, sha256 [0-9a-f]{12}>$/);
    expect(changes[1]!.new).not.toContain("v2");
  });

  it("is empty when only what Jamf Pro adds or re-derives differs", () => {
    const same = { ...stored, PayloadContent: [{ ...(stored["PayloadContent"] as PlistDict[])[0]!, PayloadContent: (ours["PayloadContent"] as PlistDict[])[0]!["PayloadContent"]! }] };
    expect(compareProfiles(carryIdentifiers(ours, same), same)).toEqual([]);
  });

  it("shows a secret setting as not shown, never a digest", () => {
    const withSecret = (value: string): PlistDict => ({ ...ours, PayloadContent: [mcx("a", "b", { ROPGClientSecret: value })] });
    const [change] = compareProfiles(withSecret("new-secret-value"), withSecret("old-secret-value"));
    expect(change!.path).toBe("com.jamf.connect.login.ROPGClientSecret");
    expect(`${change!.old} ${change!.new}`).not.toContain("secret-value");
  });

  it("shows data under a secret's name as not shown, not as a digest", () => {
    const withSecret = (value: string): PlistDict => ({ ...ours, PayloadContent: [mcx("a", "b", { ROPGClientSecret: Buffer.from(value) })] });
    const [change] = compareProfiles(withSecret("new-secret-value"), withSecret("old-secret-value"));
    expect(`${change!.old} ${change!.new}`).toBe("<secret, not shown> <secret, not shown>");
  });

  it("reads a domain-style payload's keys under its domain", () => {
    const domain = (value: boolean): PlistDict => ({ ...ours, PayloadContent: [{ PayloadType: "com.jamf.connect", PayloadUUID: "u", SignIn: { AutoAuthenticate: value } }] });
    expect(compareProfiles(domain(true), domain(false)).map((change) => change.path)).toEqual(["com.jamf.connect.SignIn.AutoAuthenticate"]);
  });

  it("matches payloads by domain, not position, and names a whole payload removed or added", () => {
    const menubar: PlistDict = { PayloadType: "com.apple.ManagedClient.preferences", PayloadUUID: "M", PayloadContent: { "com.jamf.connect": { Forced: [{ mcx_preference_settings: { A: 1 } }] } } };
    const both = { ...stored, PayloadContent: [menubar, ...(stored["PayloadContent"] as PlistDict[])] };
    const changes = compareProfiles(carryIdentifiers(ours, both), both);
    expect(changes.map((change) => change.words ?? change.path)).toEqual([
      "com.jamf.connect.login.DenyLocal",
      "com.jamf.connect.login.LicenseFile",
      "removes the menu bar settings (com.jamf.connect)",
    ]);
    expect(compareProfiles({ ...ours, PayloadContent: [...(ours["PayloadContent"] as PlistDict[]), menubar] }, carryIdentifiers(ours, stored)).at(-1)).toMatchObject({ words: "adds the menu bar settings (com.jamf.connect)" });
  });
});
