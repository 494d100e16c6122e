import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../run-cli.js";
import { listFiles, tempDir } from "../folders.js";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

type Dict = Record<string, any>;

/** A small valid config; each test breaks one thing. */
function validConfig(): Dict {
  return {
    organization: "Contoso",
    identifier: "com.contoso.jamfconnect",
    environments: {
      prod: {
        tenant: "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f",
        login: { clientId: "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37", settings: {} },
        menubar: { settings: {} },
      },
    },
  };
}

async function buildWith(config: Dict | string, args: string[] = []) {
  writeFileSync(join(dir, "jcprofile.json"), typeof config === "string" ? config : JSON.stringify(config, null, 2));
  return runCli(["build", ...args], { cwd: dir });
}

/** Exit 2, one clear line naming the file and path, no stack, nothing written. */
function expectRejected(run: { code: number | null; stdout: string; stderr: string }, message: string) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).toContain(message);
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(listFiles(dir)).toEqual(["jcprofile.json"]);
}

describe("jcprofile build rejects bad input with exit 2 and writes nothing", () => {
  it("a client ID that is not a GUID", async () => {
    const config = validConfig();
    config.environments.prod.login.clientId = "abc";
    expectRejected(
      await buildWith(config),
      `error: jcprofile.json: environments.prod.login.clientId: "abc" is not a GUID — use the Application (client) ID from the app registration's Overview page\n`,
    );
  });

  it("malformed JSON, with line and column", async () => {
    expectRejected(await buildWith('{\n  "organization": "Contoso",\n}\n'), "jcprofile.json:3:1: invalid JSON: a trailing comma before '}' is not allowed in JSON");
  });

  it("a duplicate key", async () => {
    expectRejected(await buildWith('{"organization": "A", "organization": "B"}'), 'jcprofile.json:1:23: invalid JSON: duplicate key "organization"');
  });

  it("a missing config file", async () => {
    const run = await runCli(["build", "--config", "nope.json"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nope.json: not found — run "jcprofile init" to create it, or pass --config PATH');
    expect(listFiles(dir)).toEqual([]);
  });

  it("an output folder that cannot be created", async () => {
    writeFileSync(join(dir, "out"), "a file where the out folder should be");
    writeFileSync(join(dir, "jcprofile.json"), JSON.stringify(validConfig()));
    const run = await runCli(["build"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("out: is a file, not a folder — check --out and that no file stands where a folder should be");
    expect(listFiles(dir)).toEqual(["jcprofile.json", "out"]);
  });

  it("an --out that is a symbolic link to a missing place: the link, where it points and the fix (was: cannot create the folder (ENOENT))", async () => {
    writeFileSync(join(dir, "jcprofile.json"), JSON.stringify(validConfig()));
    const gone = join(dir, "gone", "profiles");
    symlinkSync(gone, join(dir, "link"));
    const run = await runCli(["build", "--out", "link"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`error: link: --out is a symbolic link to ${gone}, which does not exist — create the folder it points to (mkdir -p ${gone}) or remove the link (rm link)\n`);
    expect(readdirSync(dir).sort()).toEqual(["jcprofile.json", "link"]);
  });

  it("a dangling link above --out or below it (an environment's folder) is named the same way, a relative target as written", async () => {
    writeFileSync(join(dir, "jcprofile.json"), JSON.stringify(validConfig()));
    symlinkSync("nowhere", join(dir, "link"));
    const above = await runCli(["build", "--out", "link/sub"], { cwd: dir });
    expect(above.code).toBe(2);
    expect(above.stderr).toBe(`error: link/sub: link is a symbolic link to nowhere, which does not exist — create the folder it points to (mkdir -p ${join(dir, "nowhere")}) or remove the link (rm link)\n`);
    mkdirSync(join(dir, "out"));
    symlinkSync("../missing", join(dir, "out", "prod"));
    const below = await runCli(["build"], { cwd: dir });
    expect(below.code).toBe(2);
    expect(below.stderr).toBe(
      `error: out/prod/jamf-connect-login.mobileconfig: out/prod is a symbolic link to ../missing, which does not exist — create the folder it points to (mkdir -p ${join(dir, "missing")}) or remove the link (rm out/prod)\n`,
    );
    expect(readdirSync(join(dir, "out"))).toEqual(["prod"]);
  });

  it("--check with an --out that is a file: a message, not a stack trace", async () => {
    writeFileSync(join(dir, "profiles"), "a file where the out folder should be");
    writeFileSync(join(dir, "jcprofile.json"), JSON.stringify(validConfig()));
    const run = await runCli(["build", "--check", "--out", "profiles"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "error: profiles/prod/jamf-connect-login.mobileconfig: cannot be read (ENOTDIR) — check --out and that no file stands where a folder should be\n",
    );
    expect(listFiles(dir)).toEqual(["jcprofile.json", "profiles"]);
  });

  it("a folder where a profile goes: no profile, no temp file is left", async () => {
    writeFileSync(join(dir, "jcprofile.json"), JSON.stringify(validConfig()));
    mkdirSync(join(dir, "out", "prod", "jamf-connect-menubar.mobileconfig"), { recursive: true });
    const run = await runCli(["build"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("out/prod/jamf-connect-menubar.mobileconfig: is a folder — remove it or choose another --out");
    expect(listFiles(dir)).toEqual(["jcprofile.json"]);
  });

  it("a profile that cannot be written after another environment's folder was made: that folder goes again", async () => {
    const config = validConfig();
    config.environments = { test: structuredClone(config.environments.prod), prod: config.environments.prod };
    writeFileSync(join(dir, "jcprofile.json"), JSON.stringify(config));
    mkdirSync(join(dir, "out", "prod", "jamf-connect-menubar.mobileconfig"), { recursive: true });
    const run = await runCli(["build"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("out/prod/jamf-connect-menubar.mobileconfig: is a folder");
    expect(listFiles(dir)).toEqual(["jcprofile.json"]);
    expect(readdirSync(join(dir, "out"))).toEqual(["prod"]);
  });

  it("a control character in a value", async () => {
    const config = validConfig();
    config.environments.prod.login.settings.LoginWindowMessage = "Welcome\u0007";
    expectRejected(
      await buildWith(config),
      "environments.prod.login.settings.LoginWindowMessage: contains a control character (U+0007)",
    );
  });

  it("a control character in a structured field", async () => {
    const config = validConfig();
    config.organization = "Contoso\u0000";
    const run = await buildWith(config);
    expectRejected(run, "contains a control character (U+0000)");
  });

  it("an unknown key, with the closest known key suggested", async () => {
    const config = validConfig();
    config.environments.prod.login.settings.OIDCProvder = "Azure";
    expectRejected(await buildWith(config), 'environments.prod.login.settings.OIDCProvder: unknown key — did you mean "OIDCProvider"?');
  });

  it("an unknown config field, with the closest field suggested", async () => {
    const config = validConfig();
    config.environments.prod.login.clientID = config.environments.prod.login.clientId;
    expectRejected(await buildWith(config), 'environments.prod.login.clientID: unknown field — did you mean "clientId"?');
  });

  it('a string where a boolean belongs ("false")', async () => {
    const config = validConfig();
    config.environments.prod.login.settings.DenyLocal = "false";
    expectRejected(await buildWith(config), "environments.prod.login.settings.DenyLocal:");
    const run = await buildWith(config);
    expect(run.stderr).toMatch(/"false" is a string, expected a boolean/);
  });

  it("a wrong type in a config field", async () => {
    const config = validConfig();
    config.environments.prod.profile = { removalDisallowed: "yes" };
    expectRejected(await buildWith(config), 'environments.prod.profile.removalDisallowed: "yes" is a string, expected true or false (no quotes)');
  });

  it("a missing tenant", async () => {
    const config = validConfig();
    delete config.environments.prod.tenant;
    expectRejected(await buildWith(config), "environments.prod.tenant: is missing");
  });

  it("custom-scope without the API app ID", async () => {
    const config = validConfig();
    config.environments.prod.conditionalAccess = { mode: "custom-scope" };
    expectRejected(await buildWith(config), 'environments.prod.conditionalAccess.apiAppId: is missing — mode "custom-scope" needs');
  });

  it("a key that jcprofile owns, set again in settings", async () => {
    const config = validConfig();
    config.environments.prod.menubar.settings.IdPSettings = { ROPGID: "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37" };
    expectRejected(await buildWith(config), 'environments.prod.menubar.settings.IdPSettings.ROPGID: is written by jcprofile from "menubar.ropgClientId"');
  });

  it("a license file that does not exist", async () => {
    const config = validConfig();
    config.defaults = { license: "missing.jamfconnectlicense" };
    expectRejected(await buildWith(config), 'defaults.license: "missing.jamfconnectlicense" not found');
  });

  it("a license file that is not a license", async () => {
    writeFileSync(join(dir, "x.jamfconnectlicense"), "hello");
    const config = validConfig();
    config.environments.prod.license = "x.jamfconnectlicense";
    const run = await buildWith(config);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('environments.prod.license: "x.jamfconnectlicense" is neither a Jamf Connect license');
    expect(listFiles(dir)).toEqual(["jcprofile.json", "x.jamfconnectlicense"]);
  });

  it("an --env that the config does not have", async () => {
    const run = await buildWith(validConfig(), ["--env", "staging"]);
    expectRejected(run, "--env staging: no such environment in jcprofile.json — it has prod");
  });

  // `-e "$ENV"` unset, `-e=prod` (commander takes "=prod"), a pasted escape sequence: quoted, as typed.
  it("an --env that cannot be an environment's name is quoted", async () => {
    const run = await buildWith(validConfig(), ["--env", "", "-e=prod", "-e", "x\u001b[31m", "-e", "staging"]);
    expectRejected(run, 'error: --env "", "=prod", "x\\u001b[31m", staging: no such environment in jcprofile.json — it has prod\n');
  });

  it("lists every problem at once", async () => {
    const config = validConfig();
    config.identifier = "contoso";
    config.environments.prod.login.clientId = "abc";
    const run = await buildWith(config);
    expectRejected(run, "jcprofile.json: 2 problems");
    expect(run.stderr).toContain('identifier: "contoso" is not a reverse-DNS identifier');
  });

  it("nothing of a valid environment is written when another is broken", async () => {
    const config = validConfig();
    config.environments.test = { ...config.environments.prod, tenant: "not a tenant" };
    expectRejected(await buildWith(config), 'environments.test.tenant: "not a tenant" is not a tenant ID or domain');
  });
});

describe("cross-key rules", () => {
  it.each([
    [{ Migrate: true }, "environments.prod.login.settings.DenyLocal", "Migrate is true"],
    [{ OIDCNewPassword: true, CreateJamfConnectPassword: true }, "CreateJamfConnectPassword", "OIDCNewPassword"],
    [{ OIDCNewPassword: true, OIDCUsePassthroughAuth: true }, "OIDCUsePassthroughAuth", "OIDCNewPassword"],
    [{ ROPGProvider: "Custom" }, "ROPGProvider", "ROPGDiscoveryURL"],
    [{ OIDCProvider: "Custom" }, "OIDCProvider", "OIDCDiscoveryURL"],
    [{ ROPGSuccessCodes: ["AADSTS50076"] }, "ROPGSuccessCodes", "50076"],
  ])("%j is rejected", async (settings, path, mention) => {
    const config = validConfig();
    Object.assign(config.environments.prod.login.settings, settings);
    const run = await buildWith(config);
    expectRejected(run, path);
    expect(run.stderr).toContain(mention);
  });

  it("warnings do not stop the build", async () => {
    const config = validConfig();
    config.environments.prod.login.settings.LocalFallback = true;
    const run = await buildWith(config);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("warning: jcprofile.json: environments.prod.login.settings.LocalFallback:");
  });

  it("warnings are still shown, after the error, when an error stops the build", async () => {
    const config = validConfig();
    config.environments.prod.login.settings.LocalFallback = true;
    config.environments.test = structuredClone(config.environments.prod);
    config.environments.test.login.settings = { OIDCProvder: "Azure" };
    const run = await buildWith(config);
    expectRejected(run, "environments.test.login.settings.OIDCProvder: unknown key");
    expect(run.stderr).toMatch(/^error: .*\nwarning: jcprofile\.json: environments\.prod\.login\.settings\.LocalFallback: /);
  });

  it("unknownKeys: warn passes a newer key through with a warning", async () => {
    const config = validConfig();
    config.environments.prod.unknownKeys = "warn";
    config.environments.prod.login.settings.SomeFutureKey = true;
    const run = await buildWith(config);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("environments.prod.login.settings.SomeFutureKey:");
  });
});
