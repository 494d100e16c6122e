import { describe, expect, it } from "vitest";
import type { PlistDict } from "../profile/plist-xml.js";
import { judgeOwnership } from "./ownership.js";

const mcx = (domain: string, settings: PlistDict): PlistDict => ({
  PayloadType: "com.apple.ManagedClient.preferences",
  PayloadUUID: domain,
  PayloadContent: { [domain]: { Forced: [{ mcx_preference_settings: settings }] } },
});
const profile = (...payloads: PlistDict[]): PlistDict => ({ PayloadType: "Configuration", PayloadContent: payloads });
const login = (tenant = "contoso.onmicrosoft.com") => mcx("com.jamf.connect.login", { OIDCTenant: tenant });
const menubar = (tenant = "contoso.onmicrosoft.com") => mcx("com.jamf.connect", { IdPSettings: { TenantID: tenant } });

describe("judgeOwnership", () => {
  it("ours: the same domains and tenant (letter case aside)", () => {
    expect(judgeOwnership(profile(login("Contoso.onmicrosoft.com")), profile(login()))).toEqual({ foreign: [], removes: [], unread: [] });
  });

  it("both domains stored, one uploaded: a removal, not someone else's", () => {
    expect(judgeOwnership(profile(login(), menubar()), profile(login()))).toEqual({ foreign: [], removes: ["com.jamf.connect"], unread: [] });
  });

  it("a domain held only under a state macOS does not read, or in a shape jcprofile cannot read, is still held", () => {
    const often: PlistDict = { PayloadType: "com.apple.ManagedClient.preferences", PayloadContent: { "com.jamf.connect": { Often: [{ mcx_preference_settings: {} }] } } };
    const forcedDict: PlistDict = { PayloadType: "com.apple.ManagedClient.preferences", PayloadContent: { "com.jamf.connect": { Forced: { mcx_preference_settings: {} } } } };
    expect(judgeOwnership(profile(login(), often), profile(login()))).toEqual({ foreign: [], removes: ["com.jamf.connect"], unread: ['com.jamf.connect: "Often", an mcx state macOS does not read'] });
    expect(judgeOwnership(profile(forcedDict), profile(menubar()))).toEqual({
      foreign: [], removes: [], unread: ["com.jamf.connect: Forced is a dictionary, not an array of dictionaries (whether macOS reads it is not documented, UNVERIFIED)"],
    });
    expect(judgeOwnership(profile(forcedDict), profile(login())).foreign).toEqual(["it holds the menu bar settings (com.jamf.connect), not the login window settings (com.jamf.connect.login)"]);
  });

  it.each([
    ["other payload types", profile(login(), { PayloadType: "com.apple.loginwindow" }), "it also holds other payloads (com.apple.loginwindow)"],
    ["another domain in a custom-settings payload", profile(login(), mcx("com.apple.dock", {})), "it also holds other payloads (com.apple.dock)"],
    ["only the other Jamf Connect domain", profile(menubar()), "it holds the menu bar settings (com.jamf.connect), not the login window settings (com.jamf.connect.login)"],
    ["another tenant", profile(login("fabrikam.onmicrosoft.com")), 'it is for another tenant (OIDCTenant "fabrikam.onmicrosoft.com" there, "contoso.onmicrosoft.com" here)'],
  ])("someone else's: %s", (_name, stored, reason) => {
    expect(judgeOwnership(stored, profile(login())).foreign).toContain(reason);
  });
});
