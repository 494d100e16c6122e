import { PassThrough } from "node:stream";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintCommand } from "../commands/lint.js";
import type { CommandIo } from "../io.js";
import { serializePlist, type PlistDict } from "../profile/plist-xml.js";
import { readProfile } from "../profile/read-profile.js";
import { wrapPreferences } from "../profile/wrap.js";
import { splitFix } from "../checks/finding.js";
import { lintProfile } from "./lint-profile.js";

const NOW = new Date("2026-12-01T00:00:00Z");
const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const identity = { identifier: "com.example.jc.login", displayName: "JC", organization: "Example", removalDisallowed: true, payloadStyle: "domain" as const };

function lint(preferences: PlistDict, domain: "com.jamf.connect.login" | "com.jamf.connect" = "com.jamf.connect.login", root: PlistDict = {}) {
  const profile = { ...wrapPreferences(domain, preferences, identity), ...root };
  const model = readProfile(new Uint8Array(Buffer.from(serializePlist(profile))), { fileName: "p.mobileconfig" });
  return lintProfile(model, { now: NOW }).map((finding) => [finding.path, finding.severity, finding.code]);
}

const base = { OIDCProvider: "Azure", OIDCTenant: TENANT, OIDCClientID: CLIENT, OIDCROPGID: CLIENT };
const license = (text: string): Uint8Array => new Uint8Array(Buffer.from(text));

describe("lintProfile", () => {
  it("finds nothing in a sound Entra login profile", () => {
    expect(lint(base)).toEqual([]);
  });

  it("checks GUIDs only for Entra, where apps are GUIDs", () => {
    expect(lint({ ...base, OIDCROPGID: "jamf-connect" })).toEqual([["OIDCROPGID", "error", "not-a-guid"]]);
    expect(lint({ OIDCProvider: "Okta", OIDCClientID: "0oa1b2c3" })).toEqual([]);
  });

  it("checks the menu bar's IdPSettings the same way", () => {
    expect(lint({ IdPSettings: { Provider: "Azure", TenantID: TENANT, ROPGID: TENANT, ClientSecret: "x" } }, "com.jamf.connect")).toEqual([
      ["IdPSettings.ROPGID", "error", "tenant-as-client-id"],
      ["IdPSettings.ClientSecret", "error", "client-secret"],
    ]);
  });

  it.each([
    ["api://e5a8c3f1-9b2d-4e7a-8c6f-3d1b5a9e7c20/jamfconnect+openid+email+profile", []],
    ["api://e5a8c3f1-9b2d-4e7a-8c6f-3d1b5a9e7c20/jamfconnect", [["ROPGScopes", "error", "custom-scope-without-openid"]]],
    ["api://contoso-api/jamfconnect+openid", [["ROPGScopes", "error", "custom-scope-app-id"]]],
    ["openid email profile", [["ROPGScopes", "warning", "scope-spaces"]]],
  ])("scopes %s", (scopes, findings) => {
    expect(lint({ ...base, ROPGScopes: scopes })).toEqual(findings);
  });

  it("checks the license: a license, not expired, data rather than text", () => {
    const plist = (expires: string) => serializePlist({ LicenseKey: "K", ExpirationDate: expires });
    expect(lint({ ...base, LicenseFile: license(plist("2099-01-01")) })).toEqual([]);
    expect(lint({ ...base, LicenseFile: license(plist("2026-11-30")) })).toEqual([["LicenseFile", "error", "license-expired"]]);
    expect(lint({ ...base, LicenseFile: license(serializePlist({ Name: "x" })) })).toEqual([["LicenseFile", "error", "license-invalid"]]);
    expect(lint({ ...base, LicenseFile: license("not a license") })).toEqual([["LicenseFile", "error", "license-invalid"]]);
    expect(lint({ ...base, LicenseFile: Buffer.from(plist("2099-01-01")).toString("base64") })).toEqual([["LicenseFile", "warning", "data-as-string"]]);
  });

  it("checks PayloadScope for the login window and the PayloadVersion type", () => {
    expect(lint(base, "com.jamf.connect.login", { PayloadScope: "User" })).toEqual([["PayloadScope", "error", "payload-scope"]]);
    expect(lint({ ...base }, "com.jamf.connect.login", { PayloadVersion: "1" })).toEqual([["PayloadVersion", "error", "payload-version"]]);
    expect(lint({ IdPSettings: { Provider: "Azure", TenantID: "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f" } }, "com.jamf.connect", { PayloadScope: "User" })).toEqual([]);
  });

  it("reports a missing tenant for Entra ID in either domain, as import does", () => {
    const { OIDCTenant: _tenant, ...withoutTenant } = base as Record<string, unknown>;
    expect(lint(withoutTenant as never)).toEqual([["OIDCTenant", "error", "missing-tenant"]]);
    expect(lint({ IdPSettings: { Provider: "EntraID" } }, "com.jamf.connect")).toEqual([["IdPSettings.TenantID", "error", "missing-tenant"]]);
    // Other providers have no tenant key.
    expect(lint({ IdPSettings: { Provider: "Okta" } }, "com.jamf.connect")).toEqual([]);
  });

  it("warns about an mcx entry that sets nothing; one without mcx_preference_settings is not in the shape macOS reads", () => {
    const codes = (entry: Record<string, unknown>) => {
      const profile = { PayloadType: "Configuration", PayloadIdentifier: "a", PayloadUUID: "b", PayloadVersion: 1, PayloadScope: "System", PayloadContent: [{ PayloadType: "com.apple.ManagedClient.preferences", PayloadIdentifier: "a.c", PayloadUUID: "c", PayloadVersion: 1, PayloadContent: { "com.jamf.connect.login": { Forced: [{ mcx_preference_settings: base }] }, "com.jamf.connect": { Forced: [entry] } } }] };
      const model = readProfile(new Uint8Array(Buffer.from(serializePlist(profile as never))), { fileName: "p.mobileconfig" });
      return lintProfile(model, { now: NOW }).map((finding) => [finding.path, finding.code]);
    };
    expect(codes({ mcx_preference_settings: {} })).toEqual([["(top level)", "mcx-no-settings"]]);
    expect(codes({})).toEqual([['PayloadContent["com.jamf.connect"].Forced[0].mcx_preference_settings', "mcx-malformed"]]);
    expect(codes({ mcx_preference_settings: "x" })).toEqual([['PayloadContent["com.jamf.connect"].Forced[0].mcx_preference_settings', "mcx-malformed"]]);
  });

  it("marks keys known only from Jamf Connect 1.x", () => {
    expect(lint({ ...base, CreateSyncPasswords: true })).toEqual([["CreateSyncPasswords", "warning", "legacy-key"]]);
    // An Okta-only 1.x key in an Entra profile is named for both reasons.
    expect(lint({ ...base, LoginScreen: true })).toEqual([
      ["LoginScreen", "warning", "provider-only-key"],
      ["LoginScreen", "warning", "legacy-key"],
    ]);
  });
});

describe("splitFix", () => {
  it.each([
    ['"1" is a string, expected a boolean (write <true/>)', '"1" is a string, expected a boolean', "write <true/>"],
    // A dash in the value itself is not where the fix starts.
    ['"yes — no" is a string, expected a boolean (write <true/> or <false/>)', '"yes — no" is a string, expected a boolean', "write <true/> or <false/>"],
    ["plain", "plain", ""],
  ])("%s", (text, message, fix) => {
    expect(splitFix(text)).toEqual({ message, fix });
  });
});

describe("lintCommand in-process", () => {
  function io(): { io: CommandIo; stdout: () => string; stderr: () => string } {
    const out = new PassThrough();
    const err = new PassThrough();
    let stdout = "";
    let stderr = "";
    out.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    err.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const cwd = join(import.meta.dirname, "..", "..", "test", "fixtures", "profiles");
    return { io: { cwd, env: { NO_COLOR: "1" }, stdin: new PassThrough(), stdout: out, stderr: err, now: () => NOW }, stdout: () => stdout, stderr: () => stderr };
  }

  it("writes the report to its own streams and returns the exit code", () => {
    const seam = io();
    expect(lintCommand({ files: ["custom-scope.mobileconfig", "html-page.mobileconfig"] }, seam.io)).toBe(2);
    expect(seam.stdout()).toContain("custom-scope.mobileconfig: 1 error");
    expect(seam.stdout()).toContain('note: payload 3 (com.apple.security.root "Contoso Root CA") is not Jamf Connect\'s; ignored');
    expect(seam.stderr()).toBe("error: html-page.mobileconfig: is an HTML page, not a property list (a sign-in or error page saved instead of the file?)\n");
  });
});
