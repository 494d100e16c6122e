/**
 * `jcprofile import` in-process: every fixture kind → config environment → build → the rebuilt
 * preferences equal the source's (both read with the profile reader and compared here, key by
 * key, independently of import's own comparison); config edits keep comments and other
 * environments; nothing is written when something cannot be carried over.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { runImport } from "../../src/import/run-import.js";
import { createOutput } from "../../src/output.js";
import type { Prompter } from "../../src/prompt/prompter.js";
import { parseJsonc } from "../../src/config/json-syntax.js";
import { readProfile, readProfileFile } from "../../src/profile/read-profile.js";
import type { PlistValue } from "../../src/profile/plist-xml.js";
import { listFiles, tempDir } from "../folders.js";
import { encodeBinaryPlist, type Encodable } from "../profiles/bplist-encode.js";
import { foreignXml } from "../profiles/fixture-set.js";
import { createSigner, hasOpenssl } from "../profiles/openssl.js";
import { runCli } from "../run-cli.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "profiles");
const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const OTHER = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
type Dict = Record<string, any>;

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir("jcprofile-import-")));
afterEach(() => cleanup());

const cli = (args: readonly string[]) => runCli(args, { cwd: dir });
const fixture = (name: string) => join(FIXTURES, name);
const readConfig = (name = "jcprofile.json"): Dict => (parseJsonc(readFileSync(join(dir, name), "utf8")) as { value: Dict }).value;
const write = (name: string, bytes: Uint8Array | string) => writeFileSync(join(dir, name), bytes);

/** A profile as Jamf Connect Configuration exports it: one domain-style payload per domain. */
function profile(payloads: Record<string, Record<string, Encodable>>, top: Record<string, Encodable> = {}): string {
  const content = Object.entries(payloads).map(([domain, preferences], index) => ({
    PayloadType: domain, PayloadIdentifier: `com.jamf.connect.${index}`, PayloadUUID: `1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E1${index}`, PayloadVersion: 1, ...preferences,
  }));
  return foreignXml({ PayloadContent: content, PayloadDisplayName: "Jamf Connect", PayloadIdentifier: "com.example.jc", PayloadOrganization: "Example Org", PayloadType: "Configuration", PayloadUUID: "1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E00", PayloadVersion: 1, ...top });
}

const login = (extra: Record<string, Encodable> = {}): Record<string, Encodable> => ({ OIDCProvider: "Azure", OIDCTenant: TENANT, OIDCClientID: CLIENT, OIDCROPGID: CLIENT, OIDCRedirectURI: "https://127.0.0.1/jamfconnect", DenyLocal: true, ...extra });

/** Only the keys the source has, nested dictionaries walked: what must come back identical. */
function pick(rendered: Dict, source: Dict): Dict {
  const out: Dict = {};
  for (const [key, value] of Object.entries(source)) {
    const other = rendered[key];
    const isDict = (item: unknown) => item !== null && typeof item === "object" && !(item instanceof Uint8Array) && !(item instanceof Date) && !Array.isArray(item);
    out[key] = isDict(value) && isDict(other) ? pick(other, value) : other;
  }
  return out;
}

/** Every Jamf Connect payload of the inputs against the profile build wrote for its domain. */
function expectRebuilt(inputs: readonly { path: string; domain?: string }[], env = "prod"): void {
  for (const input of inputs) {
    const source = readProfileFile(input.path, { fileName: input.path, ...(input.domain !== undefined && { domain: input.domain as never }) });
    for (const payload of source.payloads) {
      // Whichever built profile carries the domain: a combined source is built combined.
      const built = builtPayloads(env).find((candidate) => candidate.domain === payload.domain);
      expect(pick(built!.preferences as Dict, payload.preferences as Dict), `${input.path} ${payload.domain}`).toEqual(payload.preferences as Record<string, PlistValue>);
    }
  }
}

/** Every Jamf Connect payload of the profiles build wrote for an environment. */
function builtPayloads(env = "prod") {
  const folder = join(dir, "out", env);
  return readdirSync(folder).filter((name) => name.endsWith(".mobileconfig")).flatMap((name) => readProfile(readFileSync(join(folder, name)), { fileName: name }).payloads);
}

async function importAndBuild(args: readonly string[], inputs: readonly { path: string; domain?: string }[]): Promise<string> {
  const imported = await cli(["import", ...args]);
  expect(imported.stderr, imported.stderr).not.toMatch(/^error/m);
  expect(imported.code).toBe(0);
  const built = await cli(["build", "--env", "prod"]);
  expect(built.code, built.stderr).toBe(0);
  expectRebuilt(inputs);
  return imported.stderr;
}

describe("jcprofile import: import → build gives the source's preferences back", () => {
  it("a Jamf Connect Configuration export (domain style): $schema, organization and identifier from the profile, license beside the config", async () => {
    await importAndBuild([fixture("jcc-export-login.mobileconfig"), "--env", "prod"], [{ path: fixture("jcc-export-login.mobileconfig") }]);
    const config = readConfig();
    expect(config.$schema).toMatch(/schema\/jcprofile\.schema\.json$/);
    expect(config.organization).toBe("Contoso Ltd");
    expect(config.identifier).toBe("com.contoso.jamfconnect.login");
    expect(config.environments.prod).toMatchObject({ tenant: TENANT, login: { clientId: CLIENT }, license: "prod.jamfconnectlicense", profile: { payloadStyle: "domain" } });
    const source = readProfileFile(fixture("jcc-export-login.mobileconfig"), { fileName: "x" }).payloads[0]!.preferences;
    expect(new Uint8Array(readFileSync(join(dir, "prod.jamfconnectlicense")))).toEqual(source.LicenseFile);
    // Defaults the template writes anyway are left out of settings.
    expect(config.environments.prod.login.settings).toEqual({ DenyLocal: true, Migrate: true });
  });

  it("a Jamf Pro download (mcx, both domains, identifiers equal to UUIDs): the identifier is derived from the organization", async () => {
    await importAndBuild([fixture("jamf-pro-both-domains.mobileconfig"), "--env", "prod"], [{ path: fixture("jamf-pro-both-domains.mobileconfig") }]);
    const config = readConfig();
    expect(config.identifier).toBe("com.contoso.jamfconnect");
    expect(config.environments.prod.profile?.payloadStyle).toBeUndefined();
    expect(config.environments.prod.menubar.settings).toEqual({ SignIn: { AutoAuthenticate: true } });
  });

  it("the custom ROPG scope becomes conditionalAccess custom-scope; another scope string is kept as an override", async () => {
    // The menu bar's scope lacks openid: lint's error, so build's too (issue 22, item 8) — imported, listed, exit 1.
    const run = await cli(["import", fixture("custom-scope.mobileconfig"), "--env", "prod"]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain("environments.prod.conditionalAccess.menubarRopgScopes: \"api://e5a8c3f1-9b2d-4e7a-8c6f-3d1b5a9e7c20/jamfconnect\" asks for the custom scope without openid");
    expect((await cli(["build"])).code).toBe(2);
    expect(readConfig().environments.prod.conditionalAccess).toEqual({
      mode: "custom-scope",
      apiAppId: "e5a8c3f1-9b2d-4e7a-8c6f-3d1b5a9e7c20",
      menubarRopgScopes: "api://e5a8c3f1-9b2d-4e7a-8c6f-3d1b5a9e7c20/jamfconnect",
    });
  });

  it("a bare XML preferences file and a binary one, into one environment, with --organization and --identifier", async () => {
    const menubar = { IdPSettings: { Provider: "Azure", TenantID: TENANT, ROPGID: OTHER }, SignIn: { AutoAuthenticate: true } };
    write("com.jamf.connect.plist", encodeBinaryPlist(menubar));
    const args = [fixture("com.jamf.connect.login.plist"), "com.jamf.connect.plist", "--env", "prod", "--organization", "Contoso Ltd", "--identifier", "com.contoso.mac"];
    await importAndBuild(args, [{ path: fixture("com.jamf.connect.login.plist") }, { path: join(dir, "com.jamf.connect.plist") }]);
    const config = readConfig();
    expect(config.identifier).toBe("com.contoso.mac");
    expect(config.environments.prod.menubar.ropgClientId).toBe(OTHER);
    expect(config.environments.prod.profile).toBeUndefined();
  });

  it("lists the keys jcprofile adds and names keys unknown to the catalogue (kept, unknownKeys warn)", async () => {
    const { OIDCRedirectURI: _, ...rest } = login();
    write("in.mobileconfig", profile({ "com.jamf.connect.login": { ...rest, FutureKey: "kept" } }));
    const stderr = await importAndBuild(["in.mobileconfig", "--env", "prod"], [{ path: join(dir, "in.mobileconfig") }]);
    expect(stderr).toContain("com.jamf.connect.login: OIDCRedirectURI");
    expect(stderr).toContain("jcprofile.json: environments.prod.login.settings.FutureKey: unknown key, passed through unchecked");
    expect(stderr).toContain("kept 1 key unknown to jcprofile's catalogue (login.settings.FutureKey)");
    expect(readConfig().environments.prod).toMatchObject({ unknownKeys: "warn", login: { settings: { FutureKey: "kept" } } });
  });

  it("admin roles without OIDCAdminAttribute keep Jamf's default claim (groups), said and listed as added", async () => {
    write("in.mobileconfig", profile({ "com.jamf.connect.login": login({ OIDCAdmin: ["Admins"] }) }));
    const stderr = await importAndBuild(["in.mobileconfig", "--env", "prod"], [{ path: join(dir, "in.mobileconfig") }]);
    expect(readConfig().environments.prod.login).toMatchObject({ adminRoles: ["Admins"], settings: { OIDCAdminAttribute: "groups" } });
    expect(stderr).toContain('login.settings.OIDCAdminAttribute is set to "groups"');
    expect(stderr).toContain("com.jamf.connect.login: OIDCAdminAttribute");
  });

  it("a menu bar profile alone: login.clientId taken from its ROPGID, and said; the built profiles lint clean", async () => {
    write("menubar.mobileconfig", profile({ "com.jamf.connect": { IdPSettings: { Provider: "Azure", TenantID: TENANT, ROPGID: CLIENT }, SignIn: { AutoAuthenticate: true } } }));
    const stderr = await importAndBuild(["menubar.mobileconfig", "--env", "prod"], [{ path: join(dir, "menubar.mobileconfig") }]);
    expect(stderr).toContain("login.clientId is set to the menu bar's ROPGID");
    expect(readConfig().environments.prod.login).toEqual({ clientId: CLIENT });
    const lint = await cli(["lint", "out/prod/jamf-connect-login.mobileconfig", "out/prod/jamf-connect-menubar.mobileconfig"]);
    expect(lint.stdout).toContain("jamf-connect-menubar.mobileconfig: clean");
    expect(lint.code, lint.stdout).toBe(0);
  });

  it.skipIf(!hasOpenssl())("a CMS-signed profile: content imported, the signature not checked", async () => {
    const signer = createSigner(dir);
    signer.sign(readFileSync(fixture("jamf-pro-both-domains.mobileconfig"), "utf8"), "signed.mobileconfig", "der");
    const stderr = await importAndBuild(["signed.mobileconfig", "--env", "prod"], [{ path: fixture("jamf-pro-both-domains.mobileconfig") }]);
    expect(stderr).toContain("signature not checked");
  });
});

describe("jcprofile import: editing an existing config", () => {
  const existing = [
    "{",
    "  // reviewed by IT, do not reformat",
    '  "organization": "Contoso Ltd",',
    '  "identifier": "com.contoso.jamfconnect",',
    '  "environments": {',
    `    "test": { "tenant": "contoso.onmicrosoft.com", "login": { "clientId": "${OTHER}" } } /* test tenant */`,
    "  }",
    "}",
    "",
  ].join("\n");

  it("adds the environment, keeping comments, formatting and the other environments", async () => {
    write("jcprofile.json", existing);
    write("in.mobileconfig", profile({ "com.jamf.connect.login": login() }));
    const run = await cli(["import", "in.mobileconfig", "--env", "prod"]);
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(join(dir, "jcprofile.json"), "utf8");
    expect(text).toContain("// reviewed by IT, do not reformat");
    expect(text).toContain(`"test": { "tenant": "contoso.onmicrosoft.com", "login": { "clientId": "${OTHER}" } }, /* test tenant */`);
    expect(readConfig().environments.prod.tenant).toBe(TENANT);
    expect(readConfig().organization).toBe("Contoso Ltd");
  });

  it("replacing an environment shows the diff and needs --yes without a terminal", async () => {
    write("jcprofile.json", existing);
    write("in.mobileconfig", profile({ "com.jamf.connect.login": login() }));
    const refused = await cli(["import", "in.mobileconfig", "--env", "test"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('environment "test" already exists in jcprofile.json — pass --yes');
    expect(refused.stderr).toContain(`-   "tenant": "contoso.onmicrosoft.com"`);
    expect(readFileSync(join(dir, "jcprofile.json"), "utf8")).toBe(existing);
    const replaced = await cli(["import", "in.mobileconfig", "--env", "test", "--yes"]);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(readConfig().environments.test.tenant).toBe(TENANT);
    expect(readFileSync(join(dir, "jcprofile.json"), "utf8")).toContain("// reviewed by IT, do not reformat");
  });
});

describe("jcprofile import: config file handling", () => {
  it("writes through a symlinked config, keeping the link and the file's mode", async () => {
    mkdirSync(join(dir, "dotfiles"));
    write("dotfiles/jcprofile.json", `{\n  "organization": "Contoso Ltd",\n  "identifier": "com.contoso.jamfconnect",\n  "environments": { "test": { "tenant": "contoso.onmicrosoft.com", "login": { "clientId": "${OTHER}" } } }\n}\n`);
    chmodSync(join(dir, "dotfiles", "jcprofile.json"), 0o640);
    symlinkSync(join("dotfiles", "jcprofile.json"), join(dir, "jcprofile.json"));
    const run = await cli(["import", fixture("jamf-pro-both-domains.mobileconfig"), "--env", "prod"]);
    expect(run.code, run.stderr).toBe(0);
    expect(lstatSync(join(dir, "jcprofile.json")).isSymbolicLink()).toBe(true);
    expect(statSync(join(dir, "dotfiles", "jcprofile.json")).mode & 0o777).toBe(0o640);
    expect(readConfig("dotfiles/jcprofile.json").environments.prod.tenant).toBe(TENANT);
    expect(listFiles(dir)).toEqual(["dotfiles/jcprofile.json", "jcprofile.json", "prod.jamfconnectlicense"]);
  });

  it("importing the same profile again changes nothing and reuses the license file", async () => {
    const args = ["import", fixture("jamf-pro-both-domains.mobileconfig"), "--env", "prod"];
    expect((await cli(args)).code).toBe(0);
    const before = readFileSync(join(dir, "jcprofile.json"), "utf8");
    const again = await cli(args);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('environment "prod" is unchanged');
    expect(again.stderr).toContain("license: prod.jamfconnectlicense beside the config (unchanged)");
    expect(again.stdout).toBe("");
    expect(readFileSync(join(dir, "jcprofile.json"), "utf8")).toBe(before);
  });
});

describe("jcprofile import: at a terminal", () => {
  const existing = `{\n  "organization": "Contoso Ltd",\n  "identifier": "com.contoso.jamfconnect",\n  "environments": { "prod": { "tenant": "contoso.onmicrosoft.com", "login": { "clientId": "${OTHER}" } } }\n}\n`;
  const options = (confirm: boolean, asked: string[]) => {
    let text = "";
    const sink = new Writable({ write: (chunk, _encoding, done) => ((text += String(chunk)), done()) });
    const prompter = {
      confirm: async ({ message }: { message: string }) => (asked.push(message), confirm),
      input: async () => "", select: async () => { throw new Error("not asked"); }, password: async () => "",
    } as unknown as Prompter;
    return { options: { cwd: dir, files: [fixture("jamf-pro-both-domains.mobileconfig")], env: "prod", yes: false, isTTY: true, prompter, ui: createOutput({ stdout: sink, stderr: sink, env: { NO_COLOR: "1" } }) }, output: () => text };
  };

  it("asks before replacing an environment; no keeps the file, yes replaces it", async () => {
    write("jcprofile.json", existing);
    const asked: string[] = [];
    const declined = options(false, asked);
    await expect(runImport(declined.options)).rejects.toMatchObject({ exitCode: 1, message: "import stopped — nothing was written" });
    expect(asked).toEqual(['Replace environment "prod" in jcprofile.json?']);
    expect(declined.output()).toContain('-   "tenant": "contoso.onmicrosoft.com"');
    expect(listFiles(dir)).toEqual(["jcprofile.json"]);
    expect(readFileSync(join(dir, "jcprofile.json"), "utf8")).toBe(existing);
    const accepted = await runImport(options(true, asked).options);
    expect(accepted).toMatchObject({ problems: [], written: ["jcprofile.json", "prod.jamfconnectlicense"] });
    expect(readConfig().environments.prod.tenant).toBe(TENANT);
  });
});

describe("jcprofile import: nothing written when it cannot import faithfully", () => {
  it.each(["truncated.mobileconfig", "html-page.mobileconfig", "empty.mobileconfig", "not-jamf-connect.mobileconfig"])("unreadable input %s: exit 2, one line naming the file", async (name) => {
    const run = await cli(["import", fixture(name), "--env", "prod", "--organization", "Contoso"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(name);
    expect(listFiles(dir)).toEqual([]);
  });

  it("values jcprofile.json cannot hold (a real number, a date) are named, and nothing is written", async () => {
    const run = await cli(["import", fixture("menubar-binary.plist"), "--env", "prod", "--organization", "Contoso"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Version: is the real number 2\.5/);
    expect(run.stderr).toMatch(/Stamp: holds a date/);
    expect(listFiles(dir)).toEqual([]);
  });

  it("a client secret is refused without showing it", async () => {
    const run = await cli(["import", fixture("jamf-pro-mistakes.mobileconfig"), "--env", "prod"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("OIDCClientSecret: holds a client secret");
    expect(run.stderr + run.stdout).not.toContain("s3cr3t~value");
    expect(listFiles(dir)).toEqual([]);
  });

  it.each([
    ["OIDCAdmin as a string", { "com.jamf.connect.login": login({ OIDCAdmin: "Admins" }) }, /OIDCAdmin: is the string "Admins"/],
    ["tenants that differ between the domains", { "com.jamf.connect.login": login(), "com.jamf.connect": { IdPSettings: { TenantID: OTHER, ROPGID: CLIENT } } }, /IdPSettings\.TenantID: differ/],
    ["a menu bar ROPGScopes that rendering cannot reproduce after a custom scope elsewhere", { "com.jamf.connect.login": login({ ROPGScopes: `api://${OTHER}/jamfconnect+openid+email+profile` }), "com.jamf.connect": { IdPSettings: { TenantID: TENANT, ROPGID: CLIENT, ROPGScopes: 42 } } }, /ROPGScopes: is a number 42/],
  ])("%s: an error naming the key, exit 2", async (_name, payloads, message) => {
    write("in.mobileconfig", profile(payloads as Record<string, Record<string, Encodable>>));
    const run = await cli(["import", "in.mobileconfig", "--env", "prod"]);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(listFiles(dir)).toEqual(["in.mobileconfig"]);
  });

  it("a missing --env and a bad --identifier are usage errors", async () => {
    expect((await cli(["import", fixture("jcc-export-login.mobileconfig")])).code).toBe(2);
    const bad = await cli(["import", fixture("jcc-export-login.mobileconfig"), "--env", "prod", "--identifier", "contoso"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--identifier");
    expect(listFiles(dir)).toEqual([]);
  });
});

describe("jcprofile import: a source that breaks a rule", () => {
  it("is imported faithfully, each problem listed at its config path, exit 1; build then reports the same", async () => {
    write("in.mobileconfig", profile({ "com.jamf.connect.login": { ...login({ OIDCClientID: "contoso-jamf-connect", Migrate: true }), DenyLocal: false } }));
    const run = await cli(["import", "in.mobileconfig", "--env", "prod"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("jcprofile.json: environments.prod.login.clientId:");
    expect(run.stderr).toMatch(/environments\.prod\.login\.settings\.DenyLocal: Migrate is true/);
    const config = readConfig();
    expect(config.environments.prod.login).toMatchObject({ clientId: "contoso-jamf-connect", settings: { Migrate: true, DenyLocal: false } });
    const built = await cli(["build"]);
    expect(built.code).toBe(2);
    expect(built.stderr).toContain("environments.prod.login.clientId");
  });
});
