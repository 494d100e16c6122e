/**
 * One rule for "looks like a secret" (issue 22, item 4; src/secrets.ts), everywhere a value could
 * leak: import never copies one into the config nor prints it, lint never prints any part of one,
 * and upload's dry-run diff shows neither a secret nor a URL's credentials.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareProfiles } from "../../src/upload/reconcile.js";
import type { PlistDict } from "../../src/profile/plist-xml.js";
import { useTempDir } from "../folders.js";
import type { Encodable } from "../profiles/bplist-encode.js";
import { foreignXml } from "../profiles/fixture-set.js";
import { runCli } from "../run-cli.js";

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
/** Shaped as Entra makes a client secret's Value today, and as it made them before 2020. */
const ENTRA_SECRET = "Xq38Q~kT2vLr9pWz4mNc7bHs1dFg6jYe0uAi5oRt";
const OLD_SECRET = "aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5zA7bC9d=";
/** Not shaped like anything: only its key's name says it is a secret. */
const PLAIN = "hunter2-plain-words";

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-secret-rule-" });
const cli = (args: readonly string[]) => runCli(args, { cwd: dir, now: new Date("2026-06-01T00:00:00Z") });

function loginProfile(extra: Record<string, Encodable>): string {
  const login = { OIDCProvider: "Azure", OIDCTenant: TENANT, OIDCClientID: CLIENT, OIDCROPGID: CLIENT, OIDCRedirectURI: "https://127.0.0.1/jamfconnect", DenyLocal: true };
  const payload = { PayloadType: "com.jamf.connect.login", PayloadIdentifier: "com.example.jc.0", PayloadUUID: "1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E10", PayloadVersion: 1 };
  return foreignXml({
    PayloadContent: [{ ...payload, ...login, ...extra }], PayloadDisplayName: "Jamf Connect", PayloadIdentifier: "com.example.jc",
    PayloadOrganization: "Contoso Ltd", PayloadType: "Configuration", PayloadUUID: "1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E00", PayloadVersion: 1,
  });
}

/** No run of 8 characters of the secret appears anywhere. */
function expectNoPartOf(secret: string, text: string): void {
  for (let start = 0; start + 8 <= secret.length; start++) expect(text).not.toContain(secret.slice(start, start + 8));
}

describe("import: a secret under any name or shape is refused, never written, never shown", () => {
  it.each([
    ["a misspelt key", { OIDCClientSecrt: PLAIN }, "OIDCClientSecrt"],
    ["a lower-case key", { oidcclientsecret: PLAIN }, "oidcclientsecret"],
    ["a key of its own", { MyAppSecret: PLAIN }, "MyAppSecret"],
    ["a client-ID key holding a secret's Value", { OIDCROPGID: ENTRA_SECRET }, "OIDCROPGID"],
    ["an unknown key holding an older secret", { FutureSetting: OLD_SECRET }, "FutureSetting"],
  ])("%s: exit 2, the key named, nothing written", async (_name, extra, key) => {
    writeFileSync(join(dir, "in.mobileconfig"), loginProfile(extra as Record<string, Encodable>));
    const run = await cli(["import", "in.mobileconfig", "--env", "prod"]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`${key}: holds a client secret or another credential`);
    for (const secret of [PLAIN, ENTRA_SECRET, OLD_SECRET]) expectNoPartOf(secret, run.stdout + run.stderr);
    expect(readdirSync(dir)).toEqual(["in.mobileconfig"]);
  });
});

describe("lint: no part of a secret is printed", () => {
  it("a secret's Value pasted as a client ID is reported as a secret, never shown (text and --json)", async () => {
    writeFileSync(join(dir, "in.mobileconfig"), loginProfile({ OIDCClientID: ENTRA_SECRET }));
    for (const args of [["lint", "in.mobileconfig"], ["lint", "--json", "in.mobileconfig"]]) {
      const run = await cli(args);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("client-secret");
      expectNoPartOf(ENTRA_SECRET, run.stdout + run.stderr);
    }
  });

  it("a client secret of the wrong type (an array) is named, but not one character of it shown", async () => {
    writeFileSync(join(dir, "in.mobileconfig"), loginProfile({ OIDCClientSecret: [OLD_SECRET], ROPGClientSecret: [PLAIN] }));
    const run = await cli(["lint", "in.mobileconfig"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("wrong-type");
    for (const secret of [OLD_SECRET, PLAIN]) expectNoPartOf(secret, run.stdout + run.stderr);
  });
});

describe("upload --dry-run: the diff shows no secret and no URL credentials", () => {
  const profile = (settings: PlistDict): PlistDict => ({
    PayloadType: "Configuration", PayloadIdentifier: "x", PayloadUUID: "X", PayloadDisplayName: "Jamf Connect Login (prod)",
    PayloadContent: [{ PayloadType: "com.apple.ManagedClient.preferences", PayloadIdentifier: "y", PayloadUUID: "Y", PayloadContent: { "com.jamf.connect.login": { Forced: [{ mcx_preference_settings: settings }] } } }],
  });

  it("an unknown secret-looking key, a secret-shaped value and a URL with a password are hidden", () => {
    const stored = profile({ my_api_token: PLAIN, FutureSetting: ENTRA_SECRET, HelpURL: "https://admin:Pa55w0rd@help.contoso.com/" });
    const ours = profile({ HelpURL: "https://help.contoso.com/" });
    const shown = JSON.stringify(compareProfiles(ours, stored));
    expect(shown).toContain("my_api_token");
    expect(shown).toContain("<secret, not shown>");
    for (const secret of [PLAIN, ENTRA_SECRET, "Pa55w0rd"]) expectNoPartOf(secret, shown);
  });
});

describe("a secret pasted into a flag is never echoed back", () => {
  it.each([
    ["import", ["import", "x.mobileconfig", "--env", "prod", "--tenant", ENTRA_SECRET], "--tenant: <secret, not shown>"],
    ["import --env", ["import", "x.mobileconfig", "--env", ENTRA_SECRET], "--env: <secret, not shown>"],
    ["probe --client-id", ["probe", "--tenant", TENANT, "--client-id", ENTRA_SECRET], "--client-id <secret, not shown>"],
    ["probe --tenant", ["probe", "--tenant", OLD_SECRET, "--client-id", CLIENT], "--tenant <secret, not shown>"],
    ["keys", ["keys", ENTRA_SECRET], "unknown domain <secret, not shown>"],
    ["lint --domain", ["lint", "--domain", ENTRA_SECRET, "x.plist"], "--domain: <secret, not shown>"],
  ])("%s: exit 2, the flag named, the value not shown", async (_name, args, shown) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(shown);
    for (const secret of [ENTRA_SECRET, OLD_SECRET]) expect(run.stdout + run.stderr).not.toContain(secret.slice(0, 12));
  });
});
