/**
 * Issue 8 items 2, 3, 5 and 10, and issue 7's "every problem in one run", in-process (test/run-cli.ts):
 * hostile or careless config and license files are exit 2 with a message that names the place
 * and the fix — never a stack trace, a hang, a dropped name or a silently changed value.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLES, listFiles, useTempDir } from "../folders.js";
import { runCli } from "../run-cli.js";

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-hostile-" });

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
type Dict = Record<string, any>;

function validConfig(): Dict {
  return {
    organization: "Contoso",
    identifier: "com.contoso.jamfconnect",
    environments: { prod: { tenant: TENANT, login: { clientId: CLIENT } } },
  };
}

async function build(config: Dict | string | Buffer, args: string[] = []) {
  writeFileSync(join(dir, "jcprofile.json"), typeof config === "object" && !Buffer.isBuffer(config) ? JSON.stringify(config, null, 2) : config);
  return runCli(["build", ...args], { cwd: dir });
}

/** Exit 2, the message on stderr, no stack trace, nothing on stdout. */
function expectRefused(run: { code: number | null; stdout: string; stderr: string }, ...messages: string[]) {
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|bug in jcprofile/);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  for (const message of messages) expect(run.stderr).toContain(message);
}

describe("8.2: no stack traces for malformed text", () => {
  it.each([
    ["an invalid escape", '{\n  "organization": "C:\\xyz"\n}', "jcprofile.json:2:22: invalid JSON: \\x is not a JSON escape"],
    ["a short \\u escape", '{"organization": "\\u12"}', "jcprofile.json:1:19: invalid JSON: \\u must be followed by four hex digits"],
    ["nesting thousands deep", `{"organization": ${"[".repeat(5000)}`, "jcprofile.json:1:81: invalid JSON: nested more than 64 levels deep"],
    ["a NUL byte between values", '{"organization":\u0000 "C"}', "jcprofile.json:1:17: invalid JSON: unexpected NUL U+0000 where a value was expected"],
    ["a control byte in a string", '{"organization": "C\u0007"}', "jcprofile.json:1:20: invalid JSON: a string holds a raw control character U+0007"],
  ])("%s", async (_name, text, message) => {
    expectRefused(await build(text), message);
  });

  it("a number literal of hundreds of digits is shown as written, not rounded or Infinity", async () => {
    const digits = `9${"0".repeat(400)}`;
    const text = JSON.stringify(validConfig()).replace(`"clientId":"${CLIENT}"`, `"clientId":"${CLIENT}","settings":{"Big":${digits}}`);
    expectRefused(await build(text), "environments.prod.login.settings.Big: 90000000000000000000… (401 characters) is beyond what a JSON number keeps exactly");
  });

  it("a Latin-1 file is refused at its first non-UTF-8 byte, never turned into U+FFFD", async () => {
    const latin1 = Buffer.from(JSON.stringify({ ...validConfig(), organization: "Café Ltd" }), "latin1");
    expectRefused(await build(latin1), "jcprofile.json:1:21: the file is not UTF-8: byte 0xE9 is not valid here — it looks like Latin-1");
    expect(listFiles(dir)).toEqual(["jcprofile.json"]);
  });

  it("a UTF-16 file is named as UTF-16", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(validConfig()), "utf16le")]);
    expectRefused(await build(utf16), "jcprofile.json:1:1: the file is UTF-16 text (little-endian, with a byte order mark), not UTF-8");
  });
});

describe("8.3: nothing silently dropped or reinterpreted", () => {
  it.each([
    ["defaults", (c: Dict) => (c.defaults = [])],
    ["environments.prod", (c: Dict) => (c.environments.prod = [])],
    ["environments.prod.login", (c: Dict) => (c.environments.prod.login = [])],
    ["environments.prod.login.settings", (c: Dict) => (c.environments.prod.login.settings = [])],
    ["environments.prod.conditionalAccess", (c: Dict) => (c.environments.prod.conditionalAccess = [])],
    ["environments.prod.profile", (c: Dict) => (c.environments.prod.profile = [])],
  ])("an array at %s is 'expected an object'", async (path, breakIt) => {
    const config = validConfig();
    breakIt(config);
    expectRefused(await build(config), `jcprofile.json: ${path}: [] is an array, expected an object { … }`);
  });

  it("environments named constructor, prototype and toString build like any other", async () => {
    const config = validConfig();
    config.environments = JSON.parse(`{"constructor": ${JSON.stringify(config.environments.prod)}, "prototype": {}, "toString": {}}`);
    config.defaults = { tenant: TENANT, login: { clientId: CLIENT } };
    const run = await build(config);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toEqual(
      ["constructor", "prototype", "toString"].flatMap((env) => [`out/${env}/jamf-connect-login.mobileconfig`, `out/${env}/jamf-connect-menubar.mobileconfig`]),
    );
    expect(readFileSync(join(dir, "out/toString/jamf-connect-login.mobileconfig"), "utf8")).toContain("com.contoso.jamfconnect.toString.login");
  });

  it("__proto__ as an environment is refused by the name rule; as a settings key it is checked like any other", async () => {
    const text = JSON.stringify(validConfig())
      .replace('"environments":{', `"environments":{"__proto__":{"tenant":"${TENANT}"},`)
      .replace(`"clientId":"${CLIENT}"`, `"clientId":"${CLIENT}","settings":{"constructor":true,"__proto__":{}}`);
    expectRefused(
      await build(text),
      'environments.__proto__: "__proto__" is not a usable environment name',
      "environments.prod.login.settings.constructor: unknown key",
      "environments.prod.login.settings.__proto__: unknown key",
    );
  });

  it("two environments differing only in case are refused", async () => {
    const config = validConfig();
    config.environments.Prod = config.environments.prod;
    expectRefused(await build(config), 'jcprofile.json: environments.Prod: differs from "prod" only in letter case');
  });

  it("init --env constructor builds that environment", async () => {
    const run = await runCli(
      ["init", "--env", "constructor", "--tenant", TENANT, "--client-id", CLIENT, "--organization", "Contoso", "--identifier", "com.contoso.jc", "--no-license", "--no-probe", "--yes"],
      { cwd: dir },
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, "out/constructor/jamf-connect-login.mobileconfig"))).toBe(true);
  });
});

/** A file of `size` bytes that takes no disk space or write time: the size check comes before any read. */
const sparseFile = (path: string, size: number) => (writeFileSync(path, ""), truncateSync(path, size));

// A FIFO is tested on the built CLI (test/e2e/process.test.ts): a blocking read would hang this worker, not fail.
describe("8.5: special files", () => {
  it.each<[string, () => string, string]>([
    ["/dev/zero", () => "/dev/zero", "/dev/zero: is a device, not a file"],
    ["a folder", () => (mkdirSync(join(dir, "folder.json")), "folder.json"), "folder.json: is a folder — pass the config file itself with --config"],
    ["a file over 10 MB", () => (sparseFile(join(dir, "huge.json"), 11 * 1024 * 1024), "huge.json"), "huge.json: is 11.0 MB, more than the 10 MB jcprofile reads"],
  ])("a config that is %s", async (_name, make, message) => {
    const run = await runCli(["build", "--config", make()], { cwd: dir });
    expectRefused(run, message);
  });

  // `--config "$CONFIG"` with the variable unset: resolved, "" names the folder itself.
  it.each([["build"], ["upload"], ["probe", "-e", "prod"], ["signin", "-e", "prod", "--no-open"], ["import", "x.plist", "-e", "prod"]])("%s with an empty --config", async (...command) => {
    for (const empty of ["", " "]) {
      const run = await runCli([...command, "--config", empty], { cwd: dir });
      expectRefused(run, 'error: --config: is empty — give the config file, or leave --config out for "jcprofile.json" in this folder\n');
    }
  });

  it.each<[string, () => string, string]>([
    ["/dev/zero", () => "/dev/zero", "is a device, not a file"],
    ["a folder", () => (mkdirSync(join(dir, "lic")), "lic"), "is a folder — give the .jamfconnectlicense file itself"],
    ["a file over 10 MB", () => (sparseFile(join(dir, "big.jamfconnectlicense"), 11 * 1024 * 1024), "big.jamfconnectlicense"), "more than the 10 MB jcprofile reads"],
    ["only a plist header", () => (writeFileSync(join(dir, "h.jamfconnectlicense"), '<?xml version="1.0"?>\n<plist version="1.0">\n'), "h.jamfconnectlicense"), "is not a readable property list"],
    ["a binary plist header and junk", () => (writeFileSync(join(dir, "b.jamfconnectlicense"), "bplist00 and then nothing a plist would hold"), "b.jamfconnectlicense"), "is not a readable property list"],
  ])("a license that is %s", async (_name, make, message) => {
    const config = validConfig();
    config.environments.prod.license = make();
    expectRefused(await build(config), "environments.prod.license:", message);
  });
});

describe("8.10 and 7.2: every problem, once, at its place", () => {
  it("a config with several kinds of mistakes in two environments lists all of them in one run", async () => {
    const config = {
      organization: "Contoso",
      identifier: "com.contoso.jamfconnect",
      defaults: { license: "missing.jamfconnectlicense" },
      environments: {
        test: { tenant: TENANT, login: { clientId: "abc", settings: { OIDCProvder: "EntraID" } } },
        prod: { tenant: TENANT, login: { clientId: CLIENT, settings: { Migrate: true, DenyLocal: false } }, menubar: { settings: { SignIn: { AutoAuthenticat: true } } } },
      },
    };
    const run = await build(config);
    expectRefused(
      run,
      "error: jcprofile.json: 5 problems\n",
      "  environments.test.login.clientId: \"abc\" is not a GUID",
      '  defaults.license: "missing.jamfconnectlicense" not found',
      '  environments.test.login.settings.OIDCProvder: unknown key — did you mean "OIDCProvider"?',
      "  environments.prod.login.settings.DenyLocal: Migrate is true but DenyLocal is not",
      '  environments.prod.menubar.settings.SignIn.AutoAuthenticat: unknown key — did you mean "AutoAuthenticate"?',
    );
    expect(run.stderr.match(/defaults\.license/g)).toHaveLength(1);
    expect(listFiles(dir)).toEqual(["jcprofile.json"]);
  });

  it("a bad organization is reported at organization, once", async () => {
    const run = await build({ ...validConfig(), organization: "Contoso\u0001" });
    expectRefused(run, "error: jcprofile.json: organization: contains a control character (U+0001), which a property list cannot hold\n");
  });

  it("a number beyond 2^53 is shown as written", async () => {
    const text = JSON.stringify(validConfig()).replace(`"clientId":"${CLIENT}"`, `"clientId":"${CLIENT}","settings":{"LoginWindowDelay":12345678901234567890}`);
    expectRefused(await build(text), "environments.prod.login.settings.LoginWindowDelay: 12345678901234567890 is beyond what a JSON number keeps exactly");
  });
});

describe("9.11: comments", () => {
  it("a config with // and /* */ comments builds, and init's edit keeps them", async () => {
    cpSync(join(EXAMPLES, "contoso.jamfconnectlicense"), join(dir, "contoso.jamfconnectlicense"));
    const text = `// Contoso's Jamf Connect profiles\n{\n  "organization": "Contoso", /* PayloadOrganization */\n  "identifier": "com.contoso.jamfconnect",\n  "environments": {\n    // the production tenant\n    "prod": { "tenant": "${TENANT}", "login": { "clientId": "${CLIENT}" } } // reviewed\n  }\n}\n`;
    const built = await build(text);
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    const init = await runCli(["init", "--env", "test", "--tenant", TENANT, "--client-id", CLIENT, "--no-license", "--no-probe", "--yes"], { cwd: dir });
    expect(init.code).toBe(0);
    const after = readFileSync(join(dir, "jcprofile.json"), "utf8");
    for (const comment of ["// Contoso's Jamf Connect profiles", "/* PayloadOrganization */", "// the production tenant", "// reviewed"]) expect(after).toContain(comment);
    expect(after).toContain('"test": {');
  });
});
