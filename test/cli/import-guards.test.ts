/**
 * import never damages the config it edits (issue 22, items 1 and 2): an environment name that
 * clashes in letter case with one the config has, and a license file another environment uses,
 * are refused before anything is written.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, useTempDir } from "../folders.js";
import type { Encodable } from "../profiles/bplist-encode.js";
import { FIXTURE_NOW, foreignXml } from "../profiles/fixture-set.js";
import { bothDomainsXml, MENUBAR_SHAPES, type MenubarShape } from "../profiles/mcx-shapes.js";
import { runCli } from "../run-cli.js";

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-import-guards-" });

const cli = (args: readonly string[]) => runCli(args, { cwd: dir });
const write = (name: string, bytes: string | Uint8Array) => writeFileSync(join(dir, name), bytes);
const read = (name: string) => readFileSync(join(dir, name));

function license(key: string): Uint8Array {
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>ExpirationDate</key><string>2099-01-01</string>` +
      `<key>LicenseKey</key><string>${key}</string><key>Name</key><string>Contoso</string><key>NumberOfClients</key><integer>5</integer></dict></plist>\n`,
  );
}

function loginProfile(extra: Record<string, Encodable> = {}): string {
  const payload = { PayloadType: "com.jamf.connect.login", PayloadIdentifier: "com.example.jc.0", PayloadUUID: "1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E10", PayloadVersion: 1 };
  const login = { OIDCProvider: "Azure", OIDCTenant: TENANT, OIDCClientID: CLIENT, OIDCROPGID: CLIENT, OIDCRedirectURI: "https://127.0.0.1/jamfconnect", DenyLocal: true };
  return foreignXml({
    PayloadContent: [{ ...payload, ...login, ...extra }], PayloadDisplayName: "Jamf Connect", PayloadIdentifier: "com.example.jc",
    PayloadOrganization: "Contoso Ltd", PayloadType: "Configuration", PayloadUUID: "1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E00", PayloadVersion: 1,
  });
}

const config = (environments: Record<string, unknown>) =>
  `${JSON.stringify({ organization: "Contoso Ltd", identifier: "com.contoso.jamfconnect", environments }, null, 2)}\n`;

describe("import refuses what would damage the config, before writing anything (issue 22)", () => {
  it("item 1: --env PROD into a config with prod is a clash of letter case: exit 2, nothing written, the fix named", async () => {
    const before = config({ prod: { tenant: TENANT, login: { clientId: CLIENT } } });
    write("jcprofile.json", before);
    write("in.mobileconfig", loginProfile({ LicenseFile: license("KEY-A") }));
    const run = await cli(["import", "in.mobileconfig", "--env", "PROD", "--yes"]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('--env: "PROD" differs from the environment "prod" only in letter case');
    expect(run.stderr).toContain("--env prod");
    expect(read("jcprofile.json").toString()).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["in.mobileconfig", "jcprofile.json"]);
    expect((await cli(["build"])).code).toBe(0);
  });

  it("item 2: a license file another environment uses is never replaced; the refusal names that environment", async () => {
    const before = config({
      stage: { tenant: TENANT, login: { clientId: CLIENT }, license: "stage.jamfconnectlicense" },
      test: { tenant: TENANT, login: { clientId: CLIENT }, license: "stage.jamfconnectlicense" },
    });
    write("jcprofile.json", before);
    write("stage.jamfconnectlicense", license("KEY-OLD"));
    write("in.mobileconfig", loginProfile({ LicenseFile: license("KEY-NEW") }));
    const run = await cli(["import", "in.mobileconfig", "--env", "stage", "--yes"]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('stage.jamfconnectlicense: environment "test" uses it too');
    expect(run.stderr).toContain("nothing was written");
    expect(read("stage.jamfconnectlicense")).toEqual(Buffer.from(license("KEY-OLD")));
    expect(read("jcprofile.json").toString()).toBe(before);
  });

  it("item 2: an environment that inherits the license from defaults counts as a user of it", async () => {
    const text = `${JSON.stringify({ organization: "Contoso Ltd", identifier: "com.contoso.jamfconnect", defaults: { license: "prod.jamfconnectlicense" }, environments: { test: { tenant: TENANT, login: { clientId: CLIENT } } } }, null, 2)}\n`;
    write("jcprofile.json", text);
    write("prod.jamfconnectlicense", license("KEY-OLD"));
    write("in.mobileconfig", loginProfile({ LicenseFile: license("KEY-NEW") }));
    const run = await cli(["import", "in.mobileconfig", "--env", "prod", "--yes"]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('prod.jamfconnectlicense: environment "test" uses it too');
    expect(read("prod.jamfconnectlicense")).toEqual(Buffer.from(license("KEY-OLD")));
    expect(read("jcprofile.json").toString()).toBe(text);
  });

  it("a license only the imported environment uses is still replaced with --yes", async () => {
    write("jcprofile.json", config({ stage: { tenant: TENANT, login: { clientId: CLIENT }, license: "stage.jamfconnectlicense" } }));
    write("stage.jamfconnectlicense", license("KEY-OLD"));
    write("in.mobileconfig", loginProfile({ LicenseFile: license("KEY-NEW") }));
    const run = await cli(["import", "in.mobileconfig", "--env", "stage", "--yes"]);
    expect(run.code, run.stderr).toBe(0);
    expect(read("stage.jamfconnectlicense")).toEqual(Buffer.from(license("KEY-NEW")));
  });
});

describe("jcprofile import of preferences under an mcx state macOS does not read", () => {
  it("refuses (exit 2, nothing written) instead of importing the rest as complete", async () => {
    const fixture = readFileSync(join(REPO_ROOT, "test", "fixtures", "profiles", "jamf-pro-both-domains.mobileconfig"), "utf8");
    const second = fixture.indexOf("<key>Forced</key>", fixture.indexOf("<key>Forced</key>") + 1);
    write("often.mobileconfig", `${fixture.slice(0, second)}<key>Often</key>${fixture.slice(second + "<key>Forced</key>".length)}`);
    const run = await cli(["import", "often.mobileconfig", "--env", "prod", "--organization", "Contoso", "--yes"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('often.mobileconfig: payload 2 (com.jamf.connect: "Often"): is an mcx state macOS does not read');
    expect(run.stderr).toContain("move them to Forced in the source");
    expect(readdirSync(dir)).toEqual(["often.mobileconfig"]);
  });
});

describe("jcprofile import beside a license path that is not a regular file", () => {
  it("refuses a FIFO there with one line and one dash (exit 2, nothing written)", async () => {
    write("in.mobileconfig", loginProfile({ LicenseFile: license("KEY-A") }));
    execFileSync("mkfifo", [join(dir, "prod.jamfconnectlicense")]);
    const run = await cli(["import", "in.mobileconfig", "--env", "prod", "--yes"]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.trim()).toBe("error: prod.jamfconnectlicense: is a named pipe (FIFO), not a file — nothing was written; move it away or fix it, then import again");
    expect(readdirSync(dir).sort()).toEqual(["in.mobileconfig", "prod.jamfconnectlicense"]);
  });
});

describe("jcprofile import of an mcx entry not in the shape macOS reads", () => {
  it.each(Object.keys(MENUBAR_SHAPES) as MenubarShape[])("%s: refuses (exit 2, nothing written), in lint's words (was: a login-only environment, 'every source key comes back identical')", async (shape) => {
    write("in.mobileconfig", bothDomainsXml(shape));
    const run = await cli(["import", "in.mobileconfig", "--env", "prod", "--organization", "Contoso", "--yes"]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe("");
    const [lint] = JSON.parse((await runCli(["lint", "in.mobileconfig", "--json"], { cwd: dir, now: FIXTURE_NOW })).stdout) as { path: string; message: string; fix: string }[];
    expect(lint!.path).toBe(MENUBAR_SHAPES[shape].path);
    expect(run.stderr).toBe(`error: in.mobileconfig: payload 2 com.jamf.connect: ${lint!.path}: ${lint!.message} — nothing was written; in the source, ${lint!.fix} (or remove the entry), then import again\n`);
    expect(readdirSync(dir)).toEqual(["in.mobileconfig"]);
  });

  it("the message in full: Forced as a dictionary", async () => {
    write("in.mobileconfig", bothDomainsXml("forced-dict"));
    const run = await cli(["import", "in.mobileconfig", "--env", "prod", "--organization", "Contoso", "--yes"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'error: in.mobileconfig: payload 2 com.jamf.connect: PayloadContent["com.jamf.connect"].Forced: is a dictionary, not an array of dictionaries, so jcprofile reads no preferences from this entry ' +
        "(whether macOS does is not documented, UNVERIFIED) — nothing was written; in the source, write the shape macOS reads: PayloadContent → com.jamf.connect → Forced → " +
        "an array of dictionaries, each holding the preferences in a mcx_preference_settings dictionary (or remove the entry), then import again\n",
    );
  });

  it("into an existing config: the config is left as it was", async () => {
    const before = config({ prod: { tenant: TENANT, login: { clientId: CLIENT } } });
    write("jcprofile.json", before);
    write("in.mobileconfig", bothDomainsXml("no-settings"));
    const run = await cli(["import", "in.mobileconfig", "--env", "prod", "--yes"]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain("Forced[0].mcx_preference_settings: is missing");
    expect(read("jcprofile.json").toString()).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["in.mobileconfig", "jcprofile.json"]);
  });

  /** lint's findings of `file` as import lists them: one line each, located as lint's report, with the fix. */
  async function lintLines(file: string): Promise<string[]> {
    const findings = JSON.parse((await runCli(["lint", file, "--json"], { cwd: dir, now: FIXTURE_NOW })).stdout) as { payload: number; domain: string; path: string; message: string; fix: string; code: string }[];
    return findings.filter((found) => found.code.startsWith("mcx-")).map((found) => `payload ${found.payload} ${found.domain}: ${found.path}: ${found.message} — ${found.fix}`);
  }
  const LEAD = "error: nothing was written — mend these in the source (or remove them), then import again: ";

  it("several in one source: every one listed at once, in lint's words (exit 2, nothing written; was: the first only, one per run)", async () => {
    const xml = bothDomainsXml("item-string").replace("<string>IdPSettings</string>", "<string>IdPSettings</string><dict/>");
    const second = xml.indexOf("<key>Forced</key>", xml.indexOf("<key>Forced</key>") + 1);
    write("in.mobileconfig", `${xml.slice(0, second)}<key>Often</key><array/>${xml.slice(second)}`);
    const lint = await lintLines("in.mobileconfig");
    expect(lint).toHaveLength(3);
    expect(lint[0]).toContain('payload 2 com.jamf.connect: PayloadContent["com.jamf.connect"].Often: is an mcx state macOS does not read');
    expect(lint[1]).toContain('PayloadContent["com.jamf.connect"].Forced[0]: is a string, not a dictionary holding mcx_preference_settings');
    expect(lint[2]).toContain('PayloadContent["com.jamf.connect"].Forced[1].mcx_preference_settings: is missing');
    const run = await cli(["import", "in.mobileconfig", "--env", "prod", "--organization", "Contoso", "--yes"]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`${LEAD}in.mobileconfig: 3 problems\n${lint.map((line) => `  ${line}\n`).join("")}`);
    expect(readdirSync(dir)).toEqual(["in.mobileconfig"]);
  });

  it("over several sources, one of which has nothing readable: every entry of each, named by file; the config is left as it was", async () => {
    const before = config({ prod: { tenant: TENANT, login: { clientId: CLIENT } } });
    write("jcprofile.json", before);
    write("menubar.mobileconfig", bothDomainsXml("forced-dict"));
    write("none.mobileconfig", bothDomainsXml("no-settings").replace("<key>mcx_preference_settings</key>", "<key>mcx_preferences</key>"));
    const menubar = await lintLines("menubar.mobileconfig");
    write("one-only.mobileconfig", bothDomainsXml("no-settings"));
    const missing = (await lintLines("one-only.mobileconfig"))[0]!;
    const loginMissing = missing.replace("payload 2 com.jamf.connect:", "payload 1 com.jamf.connect.login:").replaceAll("com.jamf.connect\"]", "com.jamf.connect.login\"]").replace("→ com.jamf.connect →", "→ com.jamf.connect.login →");
    const run = await cli(["import", "menubar.mobileconfig", "none.mobileconfig", "--env", "prod", "--yes"]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toBe(`${LEAD}3 problems\n  menubar.mobileconfig: ${menubar[0]}\n  none.mobileconfig: ${loginMissing}\n  none.mobileconfig: ${missing}\n`);
    expect(read("jcprofile.json").toString()).toBe(before);
  });

  it("one source with nothing readable, alone: the reader's one sentence, which names every entry (unchanged)", async () => {
    write("none.mobileconfig", bothDomainsXml("no-settings").replace("<key>mcx_preference_settings</key>", "<key>mcx_preferences</key>"));
    const run = await cli(["import", "none.mobileconfig", "--env", "prod", "--organization", "Contoso", "--yes"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "error: none.mobileconfig: is a configuration profile whose Jamf Connect preferences are not in the shape macOS reads (com.jamf.connect.login: Forced[0].mcx_preference_settings is missing, " +
        "com.jamf.connect: Forced[0].mcx_preference_settings is missing), so none are read from it — write the shape macOS reads: PayloadContent → the domain → Forced → an array of dictionaries, each holding the preferences in a mcx_preference_settings dictionary\n",
    );
    expect(readdirSync(dir)).toEqual(["none.mobileconfig"]);
    // lint reports the same file, one mcx-malformed per entry (exit 1); it once gave this sentence too (exit 2).
    const lint = await runCli(["lint", "none.mobileconfig"], { cwd: dir, now: FIXTURE_NOW });
    expect(lint.code, lint.stderr).toBe(1);
    expect([...lint.stdout.matchAll(/ \[([a-z-]+)\]$/gm)].map((match) => match[1])).toEqual(["mcx-malformed", "mcx-malformed"]);
  });

  it("a secret in the first source is named before a later source is read or judged (its mcx entries, or a FIFO): exit 2, nothing written, the secret not shown (was: the later source's refusal, the secret unnamed)", async () => {
    const before = config({ prod: { tenant: TENANT, login: { clientId: CLIENT } } });
    write("jcprofile.json", before);
    write("login.mobileconfig", loginProfile({ OIDCClientSecret: "never-shown-4f9c" }));
    write("often.mobileconfig", bothDomainsXml().replaceAll("<key>Forced</key>", "<key>Often</key>"));
    execFileSync("mkfifo", [join(dir, "pipe.mobileconfig")]);
    const secret = "error: login.mobileconfig: payload 1 (com.jamf.connect.login): OIDCClientSecret: holds a client secret or another credential (by its name or its shape), which import will not copy into the config";
    for (const later of ["often.mobileconfig", "pipe.mobileconfig"]) {
      const run = await cli(["import", "login.mobileconfig", later, "--env", "prod", "--yes"]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr.startsWith(secret), run.stderr).toBe(true);
      expect(run.stderr.split("\n").filter(Boolean)).toHaveLength(1);
      expect(run.stdout + run.stderr).not.toContain("never-shown-4f9c");
    }
    expect(read("jcprofile.json").toString()).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["jcprofile.json", "login.mobileconfig", "often.mobileconfig", "pipe.mobileconfig"]);
  });

  it("the same profile in the shape macOS reads imports (exit 0), both halves", async () => {
    write("in.mobileconfig", bothDomainsXml());
    const run = await cli(["import", "in.mobileconfig", "--env", "prod", "--organization", "Contoso", "--yes"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("every source key comes back identical");
    const written = JSON.parse(read("jcprofile.json").toString()) as { environments: { prod: Record<string, unknown> } };
    expect(Object.keys(written.environments.prod)).toEqual(expect.arrayContaining(["login", "menubar"]));
  });
});
