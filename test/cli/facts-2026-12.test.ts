/**
 * Facts of /work/shared/reference/facts-2026-12.md (the newest check of Jamf Connect, Jamf Pro and
 * Entra facts against public sources) that jcprofile did not follow yet, each through the real CLI.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT, tempDir } from "../folders.js";
import { CONTOSO, type EntraEmulator } from "../entra/emulator.js";
import { useContosoEmulator } from "../entra/use-emulator.js";
import { contosoFlags, parseChecks, runProbeCli } from "../probe/probe-cli.js";
import { FIXTURE_NOW } from "../profiles/fixture-set.js";
import { runCli } from "../run-cli.js";

const FIXTURES = join(REPO_ROOT, "test", "fixtures", "profiles");

describe("keys sourced only by Jamf Connect 1.x manifests (facts §1.3)", () => {
  const { dir, cleanup } = tempDir("jcprofile-facts-1x-");
  afterAll(cleanup);

  it("lint warns about LocalHelpFile and RightsTmpCache as it does about LoginScreen", async () => {
    const clean = readFileSync(join(FIXTURES, "com.jamf.connect.login.plist"), "utf8");
    const extra = "<key>LocalHelpFile</key><string>/Library/Help/jc.html</string><key>RightsTmpCache</key><true/>";
    writeFileSync(join(dir, "login.plist"), clean.replace("<dict>", `<dict>${extra}`));
    const run = await runCli(["lint", "--json", "login.plist"], { cwd: dir, now: FIXTURE_NOW });
    expect(run.code, run.stderr).toBe(0);
    const findings = JSON.parse(run.stdout) as { path: string; code: string; severity: string; message: string }[];
    expect(findings.map(({ path, code, severity }) => [path, code, severity])).toEqual([
      ["LocalHelpFile", "legacy-key", "warning"],
      ["RightsTmpCache", "legacy-key", "warning"],
    ]);
    expect(findings[0]?.message).toContain("is known only from Jamf Connect 1.x (UNVERIFIED: only in a Jamf Connect 1.x manifest");
  });

  it("keys --json lists the 1.x manifest as their only source", async () => {
    const run = await runCli(["keys", "login", "--json"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const keys = JSON.parse(run.stdout) as { key: string; sources: string[] }[];
    for (const name of ["LocalHelpFile", "RightsTmpCache", "LoginScreen"]) {
      const sources = keys.find((listed) => listed.key === name)?.sources;
      expect(sources, name).toHaveLength(1);
      expect(sources?.[0], name).toMatch(/^ProfileCreator\/ProfileManifests@/);
    }
  });
});

describe("keys no Jamf source has, seen only in third-party code (facts §1.3: keep them warn-only)", () => {
  const { dir, cleanup } = tempDir("jcprofile-facts-third-party-");
  afterAll(cleanup);

  // The key itself is only a warning (legacy-key, below), but its type is no guess: the third-party code that
  // has these keys types them bool (a Swift `Bool?`; a sample profile's <true/>), as UserPromotionBiometrics' is
  // taken from a third-party write-up. A string there is the admin's slip that the hint mends.
  it("lint still reports a string where the only sources write a bool, with the fix", async () => {
    const clean = readFileSync(join(FIXTURES, "com.jamf.connect.login.plist"), "utf8");
    writeFileSync(join(dir, "login.plist"), clean.replace("<dict>", "<dict><key>OIDCHideShutdown</key><string>true</string>"));
    const run = await runCli(["lint", "--json", "login.plist"], { cwd: dir, now: FIXTURE_NOW });
    expect(run.code, run.stdout).toBe(1);
    const findings = JSON.parse(run.stdout) as { path: string; code: string; severity: string; message: string; fix: string }[];
    expect(findings.filter((finding) => finding.path === "OIDCHideShutdown").map(({ code, severity, message, fix }) => [code, severity, message, fix])).toEqual([
      ["wrong-type", "error", '"true" is a string, expected a boolean', "write <true/>"],
      ["legacy-key", "warning", expect.stringMatching(/^is known from no Jamf source, only from third-party code \(UNVERIFIED: /), expect.any(String)],
    ]);
  });

  it("lint warns about each of them, as about a 1.x key, saying no Jamf source has it", async () => {
    const clean = readFileSync(join(FIXTURES, "com.jamf.connect.login.plist"), "utf8");
    const extra = "<key>OIDCHideShutdown</key><true/><key>OIDCHideRestart</key><true/><key>OIDCIgnoreCheckURL</key><false/><key>CreateSyncPasswords</key><true/>";
    writeFileSync(join(dir, "hide.plist"), clean.replace("<dict>", `<dict>${extra}`));
    const run = await runCli(["lint", "--json", "hide.plist"], { cwd: dir, now: FIXTURE_NOW });
    expect(run.code, run.stdout).toBe(0);
    const findings = JSON.parse(run.stdout) as { path: string; code: string; severity: string; message: string }[];
    expect(findings.map(({ path, code, severity }) => [path, code, severity])).toEqual([
      ["OIDCHideShutdown", "legacy-key", "warning"],
      ["OIDCHideRestart", "legacy-key", "warning"],
      ["OIDCIgnoreCheckURL", "legacy-key", "warning"],
      ["CreateSyncPasswords", "legacy-key", "warning"],
    ]);
    expect(findings[0]?.message).toMatch(/^is known from no Jamf source, only from third-party code \(UNVERIFIED: /);
    // A key of both kinds keeps the 1.x wording it had.
    expect(findings[3]?.message).toMatch(/^is known only from Jamf Connect 1\.x \(UNVERIFIED: /);
  });

  it("keys --json names, for each, the third-party code that has it (CreateSyncPasswords is not in the Swift struct)", async () => {
    const run = await runCli(["keys", "login", "--json"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const keys = JSON.parse(run.stdout) as { key: string; sources: string[] }[];
    const sourcesOf = (name: string) => keys.find((listed) => listed.key === name)?.sources;
    for (const name of ["OIDCHideShutdown", "OIDCHideRestart", "OIDCIgnoreCheckURL", "CreateVerifyPasswords"]) {
      expect(sourcesOf(name), name).toEqual([expect.stringMatching(/Swift playground's `struct Payload: Codable`/)]);
    }
    expect(sourcesOf("CreateSyncPasswords")).toEqual([expect.stringMatching(/^zacharysfisher\/connect-login-notify@757ebe4 README\.md/)]);
  });
});

describe("OIDCScopes as the login window's ROPG scopes (facts §1.5: sourced for 2.14, UNVERIFIED for 2.17+)", () => {
  let emu: EntraEmulator;
  useContosoEmulator((started) => (emu = started));
  const { dir, cleanup } = tempDir("jcprofile-facts-scopes-");
  afterAll(cleanup);

  it("probe --json names where the scopes come from without claiming every version from 2.14 on", async () => {
    const config = {
      organization: "Contoso",
      identifier: "com.contoso.jamfconnect",
      environments: {
        prod: { authorityHost: emu.url, tenant: CONTOSO.domain, login: { clientId: CONTOSO.oidcClientId }, conditionalAccess: { oidcScopes: "openid+profile+email" } },
      },
    };
    writeFileSync(join(dir, "jcprofile.json"), JSON.stringify(config, null, 2));
    const run = await runProbeCli(["--env", "prod", "--target", "login", "--json"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const sources = new Set(parseChecks(run).map((check) => check.scopeSource));
    expect([...sources]).toEqual([
      "OIDCScopes (used for ROPG when ROPGScopes is absent: documented for Jamf Connect 2.14; for 2.17 and later, which added it, UNVERIFIED)",
    ]);
  });
});

describe("MFA-class answers Jamf Connect accepts (facts §3.1: only 50076 is sourced)", () => {
  let emu: EntraEmulator;
  useContosoEmulator((started) => (emu = started));

  it("probe's hint for 50158 (external MFA) does not claim Jamf Connect accepts it", async () => {
    const user = CONTOSO.users.mfaExternal;
    const run = await runProbeCli([...contosoFlags(emu), "--username", user.upn, "--password-stdin", "--json"], { input: `${user.password}\n` });
    expect(run.code, run.stderr).toBe(0);
    const password = parseChecks(run).find((check) => check.kind === "password");
    expect(password).toMatchObject({ aadsts: 50158, outcome: "external-mfa-required", accepted: true });
    expect(password?.hint).not.toContain("which Jamf Connect accepts");
    expect(password?.hint).toContain("UNVERIFIED: Jamf documents only 50076");
  });
});

describe("scope separators (facts §1.5: + for Jamf Connect, spaces for Okta)", () => {
  const { dir, cleanup } = tempDir("jcprofile-facts-okta-");
  afterAll(cleanup);

  const loginPlist = (provider: string, scopes: string) =>
    readFileSync(join(FIXTURES, "com.jamf.connect.login.plist"), "utf8")
      .replace("<string>Azure</string>", `<string>${provider}</string>`)
      .replace("<dict>", `<dict><key>OIDCScopes</key><string>${scopes}</string>`);

  it("lint does not tell an Okta Identity Engine profile to write + between its scopes", async () => {
    writeFileSync(join(dir, "okta.plist"), loginPlist("OktaIdentityEngine", "openid profile email groups"));
    const run = await runCli(["lint", "--json", "okta.plist"], { cwd: dir, now: FIXTURE_NOW });
    const findings = JSON.parse(run.stdout) as { path: string; code: string }[];
    expect(findings.filter((finding) => finding.code === "scope-spaces")).toEqual([]);
  });

  it("lint still does for Entra ID, where Jamf writes +", async () => {
    writeFileSync(join(dir, "entra.plist"), loginPlist("Azure", "openid profile email"));
    const run = await runCli(["lint", "--json", "entra.plist"], { cwd: dir, now: FIXTURE_NOW });
    const findings = JSON.parse(run.stdout) as { path: string; code: string; fix: string }[];
    expect(findings).toContainEqual(expect.objectContaining({ path: "OIDCScopes", code: "scope-spaces", fix: "write openid+profile+email" }));
  });
});
