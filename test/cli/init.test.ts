/**
 * `jcprofile init` without a terminal (CI, pipes): flags and defaults only, never a prompt, never
 * a hang; the same validators as `build`; edits that leave the rest of a config byte for byte.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "plist";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateConfig } from "../../src/config/validate.js";
import { caCertPath, CONTOSO, type EntraEmulator } from "../entra/emulator.js";
import { useContosoEmulator } from "../entra/use-emulator.js";
import { QUESTIONS } from "../../src/init/questions.js";
import { runCli } from "../run-cli.js";
import { copyExample, EXAMPLES, listFiles, tempDir } from "../folders.js";

type Dict = Record<string, any>;

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir("jcprofile-init-")));
afterEach(() => cleanup());

const read = (path: string) => readFileSync(join(dir, path), "utf8");
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const init = (args: readonly string[]) => runCli(["init", ...args], { cwd: dir });

describe("jcprofile init without a terminal", () => {
  it("has a flag for every question", async () => {
    const help = await init(["--help"]);
    expect(help.code).toBe(0);
    for (const question of QUESTIONS) expect(help.stdout).toContain(`${question.flag} `);
    for (const flag of ["--no-probe", "--yes", "--authority-host", "--test-user", "--keep-domain", "--config", "--no-license", "--cloud <cloud>", "--timeout <seconds>"]) {
      expect(help.stdout).toContain(flag);
    }
  });

  it("takes --cloud and --timeout like probe, refusing bad values with exit 2 (issue 9.6)", async () => {
    const timeout = await init(["--yes", "--tenant", TENANT, "--client-id", CLIENT, "--organization", "Contoso", "--timeout", "soon"]);
    expect(timeout.code).toBe(2);
    expect(timeout.stderr).toContain('--timeout "soon" is not a number of seconds between 0 and 600 (default 15)');
    const cloud = await init(["--yes", "--no-probe", "--tenant", TENANT, "--client-id", CLIENT, "--organization", "Contoso", "--cloud", "mars"]);
    expect(cloud.code).toBe(2);
    expect(cloud.stderr).toContain('--cloud: "mars" is not one of public, usgov, china');
    expect(listFiles(dir)).toEqual([]);
    const usgov = await init(["--yes", "--no-probe", "--tenant", TENANT, "--client-id", CLIENT, "--organization", "Contoso", "--cloud", "usgov", "--timeout", "5"]);
    expect(usgov.code, usgov.stderr).toBe(0);
    expect((JSON.parse(read("jcprofile.json")) as Dict).environments.prod.cloud).toBe("usgov");
  });

  it("lists every missing flag at once, exits 2 promptly, writes nothing", async () => {
    const started = Date.now();
    const run = await init([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "error: no terminal to ask on, and these answers have no default: pass --tenant, --client-id, --organization " +
        '(defaults are taken for the rest; see "jcprofile init --help")\n',
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(listFiles(dir)).toEqual([]);
  });

  it("copies a license chosen outside the config's folder beside it, and stores the copy's name", async () => {
    const downloads = tempDir("jcprofile-downloads-");
    try {
      cpSync(join(EXAMPLES, "contoso.jamfconnectlicense"), join(downloads.dir, "Contoso.jamfconnectlicense"));
      const run = await init(["--yes", "--no-probe", "--tenant", TENANT, "--client-id", CLIENT, "--organization", "Contoso Ltd", "--license", join(downloads.dir, "Contoso.jamfconnectlicense")]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain("license: Contoso.jamfconnectlicense is copied beside the config");
      expect(run.stdout.split("\n")).toContain("Contoso.jamfconnectlicense");
      expect((JSON.parse(read("jcprofile.json")) as Dict).environments.prod.license).toBe("Contoso.jamfconnectlicense");
      expect(readFileSync(join(dir, "Contoso.jamfconnectlicense"))).toEqual(readFileSync(join(EXAMPLES, "contoso.jamfconnectlicense")));
      // A different license already beside the config under that name is never overwritten.
      writeFileSync(join(downloads.dir, "Contoso.jamfconnectlicense"), readFileSync(join(EXAMPLES, "contoso.jamfconnectlicense"), "utf8").replace("250", "300"));
      const again = await init(["--yes", "--no-probe", "--tenant", TENANT, "--client-id", CLIENT, "--organization", "Contoso Ltd", "--env", "stage", "--license", join(downloads.dir, "Contoso.jamfconnectlicense")]);
      expect(again.code, again.stderr).toBe(0);
      expect((JSON.parse(read("jcprofile.json")) as Dict).environments.stage.license).toBe("stage.jamfconnectlicense");
      expect(readFileSync(join(dir, "Contoso.jamfconnectlicense"))).toEqual(readFileSync(join(EXAMPLES, "contoso.jamfconnectlicense")));
    } finally {
      downloads.cleanup();
    }
  });

  it("with --yes --no-probe writes the config and builds the environment", async () => {
    cpSync(join(EXAMPLES, "contoso.jamfconnectlicense"), join(dir, "contoso.jamfconnectlicense"));
    const run = await init(["--yes", "--no-probe", "--tenant", TENANT, "--client-id", CLIENT, "--organization", "Contoso Ltd"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      ["jcprofile.json", "out/prod/jamf-connect-login.mobileconfig", "out/prod/jamf-connect-menubar.mobileconfig", ""].join("\n"),
    );
    expect(run.stderr).toContain("new file jcprofile.json");
    expect(run.stderr).toContain("jcprofile probe --env prod");
    const config = validateConfig(JSON.parse(read("jcprofile.json"))).config!;
    expect(config.identifier).toBe("com.contoso.jamfconnect"); // from the organization: a GUID tenant names no domain
    expect(config.environments["prod"]).toEqual({
      tenant: TENANT,
      login: {
        clientId: CLIENT,
        settings: { OIDCNewPassword: false, OIDCUsePassthroughAuth: true, CreateJamfConnectPassword: true, DenyLocal: true, Migrate: true },
      },
      license: "contoso.jamfconnectlicense",
    });
    const profile = parse(read("out/prod/jamf-connect-login.mobileconfig")) as Dict;
    expect(profile.PayloadIdentifier).toBe("com.contoso.jamfconnect.prod.login");
    // The same config builds the same bytes with `jcprofile build --check`.
    expect((await runCli(["build", "--check"], { cwd: dir })).code).toBe(0);
  });

  it("refuses a bad flag value with the words `jcprofile build` uses for it", async () => {
    const run = await init(["--no-probe", "--tenant", TENANT, "--client-id", "abc", "--organization", "Contoso"]);
    expect(run.code).toBe(2);
    const atPrompt = 'error: --client-id: "abc" is not a GUID — use the Application (client) ID from the app registration\'s Overview page\n';
    expect(run.stderr).toBe(atPrompt);
    expect(listFiles(dir)).toEqual([]);

    const config = { organization: "Contoso", identifier: "com.contoso.jc", environments: { prod: { tenant: TENANT, login: { clientId: "abc" } } } };
    writeFileSync(join(dir, "jcprofile.json"), JSON.stringify(config));
    const built = await runCli(["build"], { cwd: dir });
    expect(built.stderr).toBe(atPrompt.replace("--client-id:", "jcprofile.json: environments.prod.login.clientId:"));
  });

  it.each([
    [["--ca-mode", "sometimes"], '--ca-mode: "sometimes" is not one of per-user-mfa, all-cloud-apps, custom-scope, none'],
    [["--api-app-id", CLIENT], "--api-app-id applies only with --ca-mode custom-scope"],
    [["--new-password", "--passthrough"], "--passthrough needs --no-new-password"],
    [["--no-deny-local", "--migrate"], "--migrate needs --deny-local"],
    [["--license", "nope.jamfconnectlicense"], '--license: "nope.jamfconnectlicense" not found'],
    [["--payload-style", "plist"], '--payload-style: "plist" is not one of mcx, domain'],
    [["--authority-host", "http://login.example"], '--authority-host: "http://login.example" is not an https URL'],
    [["--test-user", "adele@contoso.com"], "--test-user needs the live checks"],
    [["--jamf-pro-url", "contoso.jamfcloud.com"], '--jamf-pro-url: "contoso.jamfcloud.com" is not an https URL — use the address of your Jamf Pro server'],
  ])("exits 2 for %j", async (flags, message) => {
    const run = await init(["--no-probe", "--tenant", TENANT, "--client-id", CLIENT, "--organization", "Contoso", ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(listFiles(dir)).toEqual([]);
  });

  it("writes --jamf-pro-url as the environment's jamfPro.url, which upload then reads (issue 12.1)", async () => {
    const run = await init(["--yes", "--no-probe", "--tenant", TENANT, "--client-id", CLIENT, "--organization", "Contoso", "--jamf-pro-url", "https://contoso.jamfcloud.com/"]);
    expect(run.code, run.stderr).toBe(0);
    const config = JSON.parse(read("jcprofile.json")) as Dict;
    expect(config.environments.prod.jamfPro).toEqual({ url: "https://contoso.jamfcloud.com" });
    expect(run.stderr).toContain("jcprofile upload --env prod --dry-run");
    expect(validateConfig(config).config?.environments.prod?.jamfPro).toEqual({ url: "https://contoso.jamfcloud.com" });
    // Without the flag (and without a terminal) no jamfPro is written: the question is optional.
    const again = await init(["--yes", "--no-probe", "--env", "test", "--tenant", TENANT, "--client-id", CLIENT]);
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(read("jcprofile.json")) as Dict).environments.test).not.toHaveProperty("jamfPro");
  });

  it("adds an environment to an existing config, leaving every other byte as it was", async () => {
    copyExample(dir);
    const original = read("contoso.jcprofile.json");
    const run = await init(["--config", "contoso.jcprofile.json", "--env", "staging", "--tenant", TENANT, "--client-id", CLIENT, "--no-probe"]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")).toEqual([
      "contoso.jcprofile.json",
      "out/staging/jamf-connect-login.mobileconfig",
      "out/staging/jamf-connect-menubar.mobileconfig",
      "",
    ]);
    const after = read("contoso.jcprofile.json");
    // Only an insertion: the original is the new text's common prefix plus its common suffix.
    let prefix = 0;
    while (after[prefix] === original[prefix]) prefix++;
    let suffix = 0;
    while (suffix < original.length - prefix && after[after.length - 1 - suffix] === original[original.length - 1 - suffix]) suffix++;
    expect(prefix + suffix).toBe(original.length);
    const inserted = after.slice(prefix, after.length - suffix);
    expect(inserted.startsWith(',\n    "staging": {\n')).toBe(true);
    // The example's defaults already give the license and the local-account settings: nothing repeated.
    const config = validateConfig(JSON.parse(after)).config!;
    expect(config.environments["staging"]).toEqual({ tenant: TENANT, login: { clientId: CLIENT } });
    expect(Object.keys(config.environments)).toEqual(["test", "prod", "staging"]);
  });

  it("replaces an existing environment only with --yes, after showing the diff", async () => {
    copyExample(dir);
    const original = read("contoso.jcprofile.json");
    const args = ["--config", "contoso.jcprofile.json", "--env", "prod", "--no-probe", "--ca-mode", "all-cloud-apps"];
    const refused = await init(args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('-     "mode": "custom-scope",');
    expect(refused.stderr).toContain('environment "prod" already exists in contoso.jcprofile.json — pass --yes to replace it');
    expect(read("contoso.jcprofile.json")).toBe(original);

    const replaced = await init([...args, "--yes"]);
    expect(replaced.code).toBe(0);
    const config = JSON.parse(read("contoso.jcprofile.json")) as Dict;
    expect(config.environments.prod).toEqual({
      tenant: TENANT,
      login: { clientId: CLIENT, settings: { LoginWindowMessage: "Sign in with your Contoso account" } },
    });
    // The other environment and the defaults are untouched, text and all.
    const testEnv = original.slice(original.indexOf('    "test": {'), original.indexOf('    "prod": {'));
    expect(read("contoso.jcprofile.json")).toContain(testEnv);
  });

  it("says so and rewrites nothing when the answers match the environment", async () => {
    copyExample(dir);
    const original = read("contoso.jcprofile.json");
    const run = await init(["--config", "contoso.jcprofile.json", "--env", "prod", "--no-probe"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('environment "prod" is unchanged');
    expect(run.stdout).not.toContain("contoso.jcprofile.json");
    expect(read("contoso.jcprofile.json")).toBe(original);
  });

  it("refuses a config that does not validate, before asking anything", async () => {
    writeFileSync(join(dir, "jcprofile.json"), '{ "organization": "X", }');
    const run = await init(["--no-probe"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("jcprofile.json:1:24: invalid JSON");
  });
});

describe("jcprofile init's live checks without a terminal", () => {
  let emu: EntraEmulator;
  useContosoEmulator((started) => (emu = started));
  const live = (args: readonly string[]) =>
    runCli(["init", "--authority-host", emu.url, "--organization", "Contoso Ltd", "--tenant", CONTOSO.domain, ...args], {
      cwd: dir,
      env: { NODE_EXTRA_CA_CERTS: caCertPath },
    });

  it("resolves a domain and stores the tenant ID", async () => {
    const run = await live(["--client-id", CONTOSO.oidcClientId, "--no-license"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`✔ tenant ${CONTOSO.domain}: tenant resolves to ${CONTOSO.tenantId}`);
    expect(run.stderr).toContain(`✔ app ${CONTOSO.oidcClientId} (OIDCROPGID, OIDCClientID, ROPGID): tenant and client ID are right`);
    const config = JSON.parse(read("jcprofile.json")) as Dict;
    expect(config.environments.prod.tenant).toBe(CONTOSO.tenantId);
    expect(config.environments.prod.authorityHost).toBe(emu.url);
    // The identifier still comes from the domain the admin typed.
    expect(config.identifier).toBe("com.contoso.jamfconnect");
  });

  it("keeps the domain with --keep-domain", async () => {
    const run = await live(["--client-id", CONTOSO.oidcClientId, "--keep-domain"]);
    expect(run.code).toBe(0);
    expect((JSON.parse(read("jcprofile.json")) as Dict).environments.prod.tenant).toBe(CONTOSO.domain);
  });

  it("exits 1 with the probe's hint when a check fails, and writes nothing", async () => {
    const run = await live(["--client-id", CONTOSO.disabledClientId]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: the app check failed: .+ — fix --client-id \/ --ropg-client-id, or pass --no-probe/);
    expect(listFiles(dir)).toEqual([]);
  });

  it("refuses --test-user without a terminal: the password is only read from a masked prompt", async () => {
    const run = await live(["--client-id", CONTOSO.oidcClientId, "--test-user", CONTOSO.users.active.upn]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--test-user needs a terminal");
    expect(emu.requests).toHaveLength(0);
  });
});
