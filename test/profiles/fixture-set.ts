import { encodeBinaryPlist, type Encodable } from "./bplist-encode.js";

/**
 * The profiles lint and import are tested against, written the way other tools write them
 * (keys in their own order, 4-space indentation, data wrapped at 52 columns) — never by
 * jcprofile's own writer, so a round trip through our reader is a real test. `fixtures.test.ts`
 * keeps test/fixtures/profiles/ equal to this set (UPDATE_FIXTURES=1 rewrites it).
 */

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const API_APP = "e5a8c3f1-9b2d-4e7a-8c6f-3d1b5a9e7c20";
const UUIDS = ["1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E01", "1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E02", "1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E03", "1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E04"] as const;

/**
 * The clock the fixtures' dates are read against (lint's license check): their good licenses run to
 * 2099, the expired one ended in 2024 and the shipped example's runs to 2036. A test that lints them
 * hands this clock in (`runCli(…, { now: FIXTURE_NOW })`), so its verdicts do not depend on the day.
 */
export const FIXTURE_NOW = new Date("2026-12-01T00:00:00Z");

export function licensePlist(expires: string): string {
  return foreignXml({ Name: "Contoso Ltd (test)", Email: "it@contoso.example", LicenseKey: "TEST-NOT-A-REAL-KEY", DateIssued: "2025-01-05", ExpirationDate: expires, NumberOfClients: 250 });
}

const license = (expires: string): Uint8Array => new Uint8Array(Buffer.from(licensePlist(expires)));

const goodLogin = (): Record<string, Encodable> => ({
  OIDCProvider: "Azure",
  OIDCTenant: TENANT,
  OIDCClientID: CLIENT,
  OIDCROPGID: CLIENT,
  OIDCRedirectURI: "https://127.0.0.1/jamfconnect",
  OIDCNewPassword: false,
  DenyLocal: true,
  Migrate: true,
  LicenseFile: license("2099-01-05"),
});

const goodMenubar = (): Record<string, Encodable> => ({
  IdPSettings: { Provider: "Azure", TenantID: TENANT, ROPGID: CLIENT },
  SignIn: { AutoAuthenticate: true },
  LicenseFile: license("2099-01-05"),
});

function configuration(payloads: Encodable[], extra: Record<string, Encodable> = {}): Record<string, Encodable> {
  return { PayloadContent: payloads, PayloadDisplayName: "Jamf Connect", PayloadIdentifier: UUIDS[0], PayloadOrganization: "Contoso Ltd", PayloadScope: "System", PayloadType: "Configuration", PayloadUUID: UUIDS[0], PayloadVersion: 1, ...extra };
}

/** Jamf Pro's Application & Custom Settings form: mcx Forced, "Custom Settings", identifiers equal to UUIDs. */
function mcxPayload(uuid: string, domain: string, preferences: Record<string, Encodable>, state = "Forced"): Record<string, Encodable> {
  return { PayloadContent: { [domain]: { [state]: [{ mcx_preference_settings: preferences }] } }, PayloadDisplayName: "Custom Settings", PayloadEnabled: true, PayloadIdentifier: uuid, PayloadOrganization: "Contoso Ltd", PayloadType: "com.apple.ManagedClient.preferences", PayloadUUID: uuid, PayloadVersion: 1 };
}

/** Jamf Connect Configuration's export form: PayloadType is the domain, keys beside the Payload keys. */
function domainPayload(uuid: string, domain: string, preferences: Record<string, Encodable>): Record<string, Encodable> {
  return { PayloadDisplayName: "Jamf Connect", PayloadEnabled: true, PayloadIdentifier: `com.jamf.connect.${uuid}`, PayloadType: domain, PayloadUUID: uuid, PayloadVersion: 1, ...preferences };
}

const text = (value: string): Uint8Array => new Uint8Array(Buffer.from(value));
const xml = (value: Encodable): Uint8Array => text(foreignXml(value));

/** File name → bytes. Clean files first, then files with findings, then unreadable ones. */
export function fixtureSet(): Record<string, Uint8Array> {
  const jamfProXml = xml(configuration([mcxPayload(UUIDS[1], "com.jamf.connect.login", goodLogin()), mcxPayload(UUIDS[2], "com.jamf.connect", goodMenubar())], { PayloadDisplayName: "Jamf Connect" }));
  return {
    "jcc-export-login.mobileconfig": xml(configuration([domainPayload(UUIDS[1], "com.jamf.connect.login", goodLogin())], { PayloadIdentifier: "com.contoso.jamfconnect.login" })),
    "jamf-pro-both-domains.mobileconfig": jamfProXml,
    "com.jamf.connect.login.plist": xml(goodLogin()),
    "menubar-binary.plist": encodeBinaryPlist({ ...goodMenubar(), Version: { real: 2.5 }, Stamp: new Date("2026-01-01T00:00:00Z"), "Übersicht ✓": "UTF-16 string" }),
    "custom-scope.mobileconfig": xml(configuration([
      domainPayload(UUIDS[1], "com.jamf.connect.login", { ...goodLogin(), ROPGScopes: `api://${API_APP}/jamfconnect+openid+email+profile` }),
      domainPayload(UUIDS[2], "com.jamf.connect", { ...goodMenubar(), IdPSettings: { Provider: "Azure", TenantID: TENANT, ROPGID: CLIENT, ROPGScopes: `api://${API_APP}/jamfconnect` } }),
      { PayloadType: "com.apple.security.root", PayloadDisplayName: "Contoso Root CA", PayloadIdentifier: "com.contoso.root", PayloadUUID: UUIDS[3], PayloadVersion: 1, PayloadContent: new Uint8Array([48, 130]) },
    ], { PayloadIdentifier: "com.contoso.jamfconnect" })),
    "jamf-pro-mistakes.mobileconfig": xml(configuration([mcxPayload(UUIDS[1], "com.jamf.connect.login", {
      OIDCProvider: "Azure", OIDCTenant: TENANT, OIDCClientID: "contoso-jamf-connect", OIDCROPGID: TENANT, OIDCClientSecret: "s3cr3t~value",
      DenyLocal: "true", Migrate: true, OIDCProvder: "Azure", ROPGScopes: "openid profile email", CreateVerifyPasswords: true,
      LicenseFile: license("2024-01-05"),
    })], { PayloadScope: "User" })),
    "structure-mistakes.mobileconfig": xml(configuration([
      { ...mcxPayload(UUIDS[0], "com.jamf.connect", goodMenubar(), "Set-Once"), PayloadVersion: "1" },
      { ...mcxPayload(UUIDS[2], "com.jamf.connect", goodMenubar()), PayloadIdentifier: UUIDS[0], PayloadUUID: "" },
    ])),
    "empty.mobileconfig": new Uint8Array(),
    "truncated.mobileconfig": jamfProXml.slice(0, Math.floor(jamfProXml.length / 2)),
    "truncated-binary.plist": encodeBinaryPlist(goodMenubar()).slice(0, 60),
    "html-page.mobileconfig": text("<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Session expired</body></html>\n"),
    "not-jamf-connect.mobileconfig": xml(configuration([{ PayloadType: "com.apple.wifi.managed", PayloadDisplayName: "Office Wi-Fi", PayloadIdentifier: "com.contoso.wifi", PayloadUUID: UUIDS[1], PayloadVersion: 1, SSID_STR: "Contoso" }])),
    "external-entity.mobileconfig": text('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<plist version="1.0"><dict><key>OIDCProvider</key><string>&xxe;</string></dict></plist>\n'),
    "processing-instruction.mobileconfig": text('<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet href="http://example.invalid/x.xsl"?>\n<plist version="1.0"><dict/></plist>\n'),
    "not-a-plist.mobileconfig": text("OIDCProvider = Azure\n"),
  };
}

/** XML as other tools write it: insertion order, 4-space indentation, wrapped base64. */
export function foreignXml(root: Encodable): string {
  const lines: string[] = [];
  const write = (value: Encodable, depth: number): void => {
    const pad = "    ".repeat(depth);
    if (typeof value === "string") lines.push(`${pad}<string>${value.replaceAll("&", "&amp;").replaceAll("<", "&lt;")}</string>`);
    else if (typeof value === "boolean") lines.push(`${pad}<${value}/>`);
    else if (typeof value === "number") lines.push(`${pad}<integer>${value}</integer>`);
    else if (value instanceof Uint8Array) {
      const base64 = Buffer.from(value).toString("base64").match(/.{1,52}/g) ?? [];
      lines.push(`${pad}<data>`, ...base64.map((line) => `${pad}${line}`), `${pad}</data>`);
    } else if (value instanceof Date) lines.push(`${pad}<date>${value.toISOString().replace(/\.\d{3}Z$/, "Z")}</date>`);
    else if (Array.isArray(value)) {
      lines.push(`${pad}<array>`);
      for (const item of value) write(item, depth + 1);
      lines.push(`${pad}</array>`);
    } else if ("real" in value && typeof value.real === "number") lines.push(`${pad}<real>${value.real}</real>`);
    else {
      lines.push(`${pad}<dict>`);
      for (const [key, item] of Object.entries(value)) {
        lines.push(`${pad}    <key>${key}</key>`);
        write(item, depth + 1);
      }
      lines.push(`${pad}</dict>`);
    }
  };
  write(root, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n${lines.join("\n")}\n</plist>\n`;
}
