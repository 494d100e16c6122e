import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyExample, REPO_ROOT, tempDir } from "../folders.js";
import { readPlist } from "../../src/profile/plist-read.js";
import { FIXTURE_NOW, foreignXml } from "../profiles/fixture-set.js";
import { bothDomainsXml, DOCK_SETTINGS, MENUBAR_SHAPES, menubarContentXml, type MenubarShape } from "../profiles/mcx-shapes.js";
import { runCli } from "../run-cli.js";

const FIXTURES = join(REPO_ROOT, "test", "fixtures", "profiles");

interface Expectation {
  readonly file: string;
  readonly code: number;
  /** The summary line on stdout, or the one error line on stderr for unreadable files. */
  readonly line: string;
  /** Finding codes, in report order. */
  readonly codes?: readonly string[];
}

const table: readonly Expectation[] = [
  { file: "jcc-export-login.mobileconfig", code: 0, line: "jcc-export-login.mobileconfig: clean", codes: [] },
  { file: "jamf-pro-both-domains.mobileconfig", code: 0, line: "jamf-pro-both-domains.mobileconfig: clean", codes: [] },
  { file: "com.jamf.connect.login.plist", code: 0, line: "com.jamf.connect.login.plist: clean", codes: [] },
  { file: "menubar-binary.plist", code: 0, line: "menubar-binary.plist: 3 warnings", codes: ["unknown-key", "unknown-key", "unknown-key"] },
  { file: "custom-scope.mobileconfig", code: 1, line: "custom-scope.mobileconfig: 1 error", codes: ["custom-scope-without-openid"] },
  {
    file: "jamf-pro-mistakes.mobileconfig",
    code: 1,
    line: "jamf-pro-mistakes.mobileconfig: 8 errors, 2 warnings",
    codes: ["payload-scope", "wrong-type", "unknown-key", "migrate-needs-deny-local", "not-a-guid", "tenant-as-client-id", "scope-spaces", "client-secret", "legacy-key", "license-expired"],
  },
  {
    file: "structure-mistakes.mobileconfig",
    code: 1,
    line: "structure-mistakes.mobileconfig: 4 errors, 4 warnings",
    codes: ["payload-version", "missing-payload-uuid", "duplicate-payload-uuid", "identifier-reused", "duplicate-payload-identifier", "identifier-reused", "mcx-set-once", "duplicate-domain"],
  },
  { file: "empty.mobileconfig", code: 2, line: "error: empty.mobileconfig: is empty" },
  { file: "truncated.mobileconfig", code: 2, line: "error: truncated.mobileconfig: is not a valid property list: line" },
  { file: "truncated-binary.plist", code: 2, line: "error: truncated-binary.plist: is a truncated or damaged binary property list" },
  { file: "html-page.mobileconfig", code: 2, line: "error: html-page.mobileconfig: is an HTML page, not a property list" },
  { file: "not-jamf-connect.mobileconfig", code: 2, line: 'error: not-jamf-connect.mobileconfig: is a configuration profile without a Jamf Connect payload (it holds com.apple.wifi.managed "Office Wi-Fi")' },
  { file: "external-entity.mobileconfig", code: 2, line: "error: external-entity.mobileconfig: is not a valid property list: line 2 has a DOCTYPE with an internal subset" },
  { file: "processing-instruction.mobileconfig", code: 2, line: "error: processing-instruction.mobileconfig: is not a valid property list: line 2 contains the processing instruction <?xml-stylesheet?>" },
  { file: "not-a-plist.mobileconfig", code: 2, line: "error: not-a-plist.mobileconfig: is text, not a property list — give a .mobileconfig or .plist: a Jamf Pro download" },
];

describe("jcprofile lint, per fixture", () => {
  it.each(table)("$file → exit $code", async ({ file, code, line, codes }) => {
    const run = await runCli(["lint", file], { cwd: FIXTURES, now: FIXTURE_NOW });
    expect(run.code).toBe(code);
    if (code === 2) {
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toContain(line);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe("");
    } else {
      expect(run.stdout.split("\n")[0]).toBe(line);
      expect([...run.stdout.matchAll(/ \[([a-z-]+)\]$/gm)].map((match) => match[1])).toEqual(codes);
    }
  });

  it("--json lists every finding with file, domain, path, severity, code, message and fix", async () => {
    const run = await runCli(["lint", "--json", "jamf-pro-mistakes.mobileconfig", "jcc-export-login.mobileconfig"], { cwd: FIXTURES, now: FIXTURE_NOW });
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(findings).toHaveLength(10);
    expect(findings).toContainEqual({
      file: "jamf-pro-mistakes.mobileconfig",
      domain: "com.jamf.connect.login",
      payload: 1,
      path: "DenyLocal",
      severity: "error",
      code: "migrate-needs-deny-local",
      message: "Migrate is true but DenyLocal is not",
      fix: "set DenyLocal to true (Jamf Connect only migrates accounts when local login is denied)",
    });
    expect(findings.find((finding) => finding.code === "client-secret")?.path).toBe("OIDCClientSecret");
    expect(run.stdout).not.toContain("s3cr3t~value");
  });

  it("--strict turns warnings into a failing exit code", async () => {
    expect((await runCli(["lint", "menubar-binary.plist"], { cwd: FIXTURES, now: FIXTURE_NOW })).code).toBe(0);
    expect((await runCli(["lint", "--strict", "menubar-binary.plist"], { cwd: FIXTURES, now: FIXTURE_NOW })).code).toBe(1);
  });

  it("reads a bare preferences file as the domain given, and says it guessed otherwise", async () => {
    const guessed = await runCli(["lint", "menubar-binary.plist"], { cwd: FIXTURES, now: FIXTURE_NOW });
    expect(guessed.stdout).toContain("domain com.jamf.connect guessed from its keys (IdPSettings, SignIn)");
    const given = await runCli(["lint", "--domain", "com.jamf.connect.login", "menubar-binary.plist"], { cwd: FIXTURES, now: FIXTURE_NOW });
    expect(given.code).toBe(1);
    expect(given.stdout).toContain("com.jamf.connect.login: IdPSettings: unknown key here [unknown-key]\n    fix: it is a com.jamf.connect key");
  });

  it("lints every file and exits 2 when one of them could not be read", async () => {
    const run = await runCli(["lint", "jcc-export-login.mobileconfig", "empty.mobileconfig", "missing.mobileconfig"], { cwd: FIXTURES, now: FIXTURE_NOW });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("jcc-export-login.mobileconfig: clean");
    expect(run.stderr).toContain("error: empty.mobileconfig: is empty");
    expect(run.stderr).toContain("error: missing.mobileconfig: not found");
  });

  it("refuses an unknown --domain and a missing file argument as usage errors", async () => {
    const domain = await runCli(["lint", "--domain", "com.jamf.connect.sync", "x.plist"], { cwd: FIXTURES, now: FIXTURE_NOW });
    expect(domain.code).toBe(2);
    expect(domain.stderr).toContain('--domain: "com.jamf.connect.sync" is not a Jamf Connect preference domain — use com.jamf.connect.login or com.jamf.connect');
    expect((await runCli(["lint"], { cwd: FIXTURES, now: FIXTURE_NOW })).code).toBe(2);
  });
});

describe("jcprofile lint on an mcx state macOS does not read", () => {
  const { dir, cleanup } = tempDir("jcprofile-lint-often-");
  afterAll(cleanup);

  it("reports the menu bar's preferences under Often as an error (they are not set), with Forced as the fix", async () => {
    const text = readFileSync(join(FIXTURES, "jamf-pro-both-domains.mobileconfig"), "utf8");
    const second = text.indexOf("<key>Forced</key>", text.indexOf("<key>Forced</key>") + 1);
    writeFileSync(join(dir, "often.mobileconfig"), `${text.slice(0, second)}<key>Often</key>${text.slice(second + "<key>Forced</key>".length)}`);
    const run = await runCli(["lint", "often.mobileconfig", "--json"], { cwd: dir, now: FIXTURE_NOW });
    expect(run.code, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({
      domain: "com.jamf.connect", severity: "error", code: "mcx-unknown-state", path: `PayloadContent["com.jamf.connect"].Often`,
      fix: expect.stringContaining("move them to Forced"),
    })]);
  });

  it("a profile whose only Jamf Connect preferences sit under Often: each entry's mcx-unknown-state, exit 1 (was: cannot read, exit 2)", async () => {
    const text = readFileSync(join(FIXTURES, "jamf-pro-both-domains.mobileconfig"), "utf8").replaceAll("<key>Forced</key>", "<key>Often</key>");
    writeFileSync(join(dir, "only-often.mobileconfig"), text);
    const run = await runCli(["lint", "only-often.mobileconfig"], { cwd: dir, now: FIXTURE_NOW });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toBe("");
    const often = (payload: string, domain: string) =>
      `  error: ${payload} ${domain}: PayloadContent["${domain}"].Often: is an mcx state macOS does not read (it knows Forced and Set-Once), so the preferences under it are not set [mcx-unknown-state]\n` +
      "    fix: move them to Forced (Often is the deprecated MCX state; Jamf Connect's settings must be enforced)\n";
    expect(run.stdout).toBe(`only-often.mobileconfig: 2 errors\n${often("payload 1", "com.jamf.connect.login")}${often("payload 2", "com.jamf.connect")}`);
  });
});

describe("jcprofile lint on an mcx entry not in the shape macOS reads", () => {
  const { dir, cleanup } = tempDir("jcprofile-lint-mcx-shape-");
  afterAll(cleanup);
  const FIX = "write the shape macOS reads: PayloadContent → com.jamf.connect → Forced → an array of dictionaries, each holding the preferences in a mcx_preference_settings dictionary";
  const UNVERIFIED = "so jcprofile reads no preferences from this entry (whether macOS does is not documented, UNVERIFIED)";

  it.each(Object.keys(MENUBAR_SHAPES) as MenubarShape[])("%s: an error naming the payload, domain and path, with the shape macOS reads as the fix (was: clean, exit 0)", async (shape) => {
    writeFileSync(join(dir, `${shape}.mobileconfig`), bothDomainsXml(shape));
    const run = await runCli(["lint", `${shape}.mobileconfig`, "--json"], { cwd: dir, now: FIXTURE_NOW });
    expect(run.code, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([{
      file: `${shape}.mobileconfig`, domain: "com.jamf.connect", payload: 2, path: MENUBAR_SHAPES[shape].path, severity: "error", code: "mcx-malformed",
      message: expect.stringMatching(new RegExp(`^is .*, ${UNVERIFIED.replace(/[()]/g, "\\$&")}$`)), fix: FIX,
    }]);
  });

  it("in the text report: the finding, its code and the fix", async () => {
    writeFileSync(join(dir, "forced-dict.mobileconfig"), bothDomainsXml("forced-dict"));
    const run = await runCli(["lint", "forced-dict.mobileconfig"], { cwd: dir, now: FIXTURE_NOW });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      "forced-dict.mobileconfig: 1 error\n" +
        `  error: payload 2 com.jamf.connect: PayloadContent["com.jamf.connect"].Forced: is a dictionary, not an array of dictionaries, ${UNVERIFIED} [mcx-malformed]\n` +
        `    fix: ${FIX}\n`,
    );
  });

  it("a profile whose only Jamf Connect entries are badly formed: each entry's mcx-malformed with its domain's fix, exit 1 (was: cannot read, exit 2)", async () => {
    writeFileSync(join(dir, "only-bad.mobileconfig"), bothDomainsXml("no-settings").replace("<key>mcx_preference_settings</key>", "<key>mcx_preferences</key>"));
    const run = await runCli(["lint", "only-bad.mobileconfig"], { cwd: dir, now: FIXTURE_NOW });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toBe("");
    const missing = (payload: string, domain: string) =>
      `  error: ${payload} ${domain}: PayloadContent["${domain}"].Forced[0].mcx_preference_settings: is missing, ${UNVERIFIED} [mcx-malformed]\n    fix: ${FIX.replace("com.jamf.connect", domain)}\n`;
    expect(run.stdout).toBe(`only-bad.mobileconfig: 2 errors\n${missing("payload 1", "com.jamf.connect.login")}${missing("payload 2", "com.jamf.connect")}`);
  });

  it.each(["forced-dict", "no-settings"] as const)("--domain given a domain held only badly formed (%s): its mcx-malformed, not that the profile has no such payload (exit 1; was: cannot read, exit 2)", async (shape) => {
    writeFileSync(join(dir, `domain-${shape}.mobileconfig`), bothDomainsXml(shape));
    const run = await runCli(["lint", `domain-${shape}.mobileconfig`, "--domain", "com.jamf.connect"], { cwd: dir, now: FIXTURE_NOW });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toBe("");
    const entry = shape === "forced-dict" ? "Forced: is a dictionary, not an array of dictionaries" : "Forced[0].mcx_preference_settings: is missing";
    expect(run.stdout).toBe(`domain-${shape}.mobileconfig: 1 error\n  error: payload 2 com.jamf.connect: PayloadContent["com.jamf.connect"].${entry}, ${UNVERIFIED} [mcx-malformed]\n    fix: ${FIX}\n`);
  });

  it("--domain given a domain held only under an mcx state macOS does not read: its mcx-unknown-state (exit 1; was: cannot read, exit 2)", async () => {
    const xml = bothDomainsXml();
    const second = xml.indexOf("<key>Forced</key>", xml.indexOf("<key>Forced</key>") + 1);
    writeFileSync(join(dir, "domain-often.mobileconfig"), `${xml.slice(0, second)}<key>Often</key>${xml.slice(second + "<key>Forced</key>".length)}`);
    const run = await runCli(["lint", "domain-often.mobileconfig", "--domain", "com.jamf.connect"], { cwd: dir, now: FIXTURE_NOW });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(
      "domain-often.mobileconfig: 1 error\n" +
        '  error: payload 2 com.jamf.connect: PayloadContent["com.jamf.connect"].Often: is an mcx state macOS does not read (it knows Forced and Set-Once), so the preferences under it are not set [mcx-unknown-state]\n' +
        "    fix: move them to Forced (Often is the deprecated MCX state; Jamf Connect's settings must be enforced)\n",
    );
  });

  it("items of one list wrong the same way are one finding that counts them (was: one each — a million, 8 MB of <true/>, made --json throw 'Invalid string length')", async () => {
    const item = "<string>IdPSettings</string>";
    writeFileSync(join(dir, "many.mobileconfig"), bothDomainsXml("item-string").replace(item, `${item.repeat(1000)}<true/><true/>`));
    const run = await runCli(["lint", "many.mobileconfig", "--json"], { cwd: dir, now: FIXTURE_NOW });
    expect(run.code, run.stderr).toBe(1);
    const findings = JSON.parse(run.stdout) as { path: string; message: string; fix: string }[];
    expect(findings.map(({ path, message, fix }) => ({ path, message, fix }))).toEqual([
      { path: 'PayloadContent["com.jamf.connect"].Forced[0]', message: "is a string, not a dictionary holding mcx_preference_settings (the same for 999 more items of Forced), so jcprofile reads no preferences from these entries (whether macOS does is not documented, UNVERIFIED)", fix: FIX },
      { path: 'PayloadContent["com.jamf.connect"].Forced[1000]', message: "is a boolean, not a dictionary holding mcx_preference_settings (the same for 1 more item of Forced), so jcprofile reads no preferences from these entries (whether macOS does is not documented, UNVERIFIED)", fix: FIX },
    ]);
    const refused = await runCli(["import", "many.mobileconfig", "--env", "prod", "--organization", "Contoso", "--yes"], { cwd: dir, now: FIXTURE_NOW });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Forced[0]: is a string, not a dictionary holding mcx_preference_settings (the same for 999 more items of Forced)");
  });

  it("a profile whose menu bar is badly formed and whose login window is under Often: each entry's own finding and fix, exit 1 (was: cannot read, the fix naming no one domain, exit 2)", async () => {
    const xml = bothDomainsXml("forced-dict");
    writeFileSync(join(dir, "bad-and-often.mobileconfig"), xml.replace("<key>Forced</key>", "<key>Often</key>"));
    const run = await runCli(["lint", "bad-and-often.mobileconfig"], { cwd: dir, now: FIXTURE_NOW });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(
      "bad-and-often.mobileconfig: 2 errors\n" +
        '  error: payload 1 com.jamf.connect.login: PayloadContent["com.jamf.connect.login"].Often: is an mcx state macOS does not read (it knows Forced and Set-Once), so the preferences under it are not set [mcx-unknown-state]\n' +
        "    fix: move them to Forced (Often is the deprecated MCX state; Jamf Connect's settings must be enforced)\n" +
        `  error: payload 2 com.jamf.connect: PayloadContent["com.jamf.connect"].Forced: is a dictionary, not an array of dictionaries, ${UNVERIFIED} [mcx-malformed]\n` +
        `    fix: ${FIX}\n`,
    );
  });

  it("a custom-settings payload whose PayloadContent is an array holding the menu bar: the payload's mcx-malformed, in the text report (was: clean, 'not Jamf Connect's; ignored')", async () => {
    writeFileSync(join(dir, "content-array.mobileconfig"), bothDomainsXml("content-array"));
    const run = await runCli(["lint", "content-array.mobileconfig"], { cwd: dir, now: FIXTURE_NOW });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      "content-array.mobileconfig: 1 error\n" +
        `  error: payload 2 com.jamf.connect: PayloadContent: is an array, not a dictionary of preference domains, ${UNVERIFIED} [mcx-malformed]\n` +
        `    fix: ${FIX}\n`,
    );
  });

  it("such a payload holding no Jamf Connect domain is still not Jamf Connect's (clean, noted)", async () => {
    writeFileSync(join(dir, "safari-array.mobileconfig"), bothDomainsXml("content-array").replace("<key>com.jamf.connect</key>", "<key>com.apple.Safari</key>"));
    const run = await runCli(["lint", "safari-array.mobileconfig"], { cwd: dir, now: FIXTURE_NOW });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toBe('safari-array.mobileconfig: clean\n  note: payload 2 (com.apple.ManagedClient.preferences "Custom Settings") is not Jamf Connect\'s; ignored\n');
  });

  it("such a payload whose array holds another tool's settings naming com.jamf.connect only as a value (a Dock tile's bundle-identifier) is still not Jamf Connect's (clean, noted; was: mcx-malformed)", async () => {
    writeFileSync(join(dir, "dock-array.mobileconfig"), menubarContentXml([DOCK_SETTINGS]));
    const run = await runCli(["lint", "dock-array.mobileconfig"], { cwd: dir, now: FIXTURE_NOW });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toBe('dock-array.mobileconfig: clean\n  note: payload 2 (com.apple.ManagedClient.preferences "Custom Settings") is not Jamf Connect\'s; ignored\n');
  });

  it("the profile as Jamf Pro writes it is still clean", async () => {
    writeFileSync(join(dir, "good.mobileconfig"), bothDomainsXml());
    const run = await runCli(["lint", "good.mobileconfig"], { cwd: dir, now: FIXTURE_NOW });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toBe("good.mobileconfig: clean\n");
  });

  it("an entry whose mcx_preference_settings is empty: a warning that it holds no preferences (it has the key)", async () => {
    const root = readPlist(readFileSync(join(FIXTURES, "jamf-pro-both-domains.mobileconfig"))).value as unknown as { PayloadContent: { PayloadContent: Record<string, { Forced: Record<string, unknown>[] }> }[] };
    root.PayloadContent[1]!.PayloadContent["com.jamf.connect"]!.Forced[0]!.mcx_preference_settings = {};
    writeFileSync(join(dir, "empty-settings.mobileconfig"), foreignXml(root as unknown as Parameters<typeof foreignXml>[0]));
    const run = await runCli(["lint", "empty-settings.mobileconfig"], { cwd: dir, now: FIXTURE_NOW });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "warning: payload 2 com.jamf.connect: the mcx Forced entry for com.jamf.connect holds no preferences (no mcx_preference_settings, or an empty one), so it sets nothing [mcx-no-settings]\n",
    );
  });
});

describe("jcprofile lint on what build writes", () => {
  const { dir, cleanup } = tempDir("jcprofile-lint-");
  afterAll(cleanup);

  it("finds the example's built profiles clean: 0 errors, 0 warnings, in both payload styles", async () => {
    const config = copyExample(dir);
    expect((await runCli(["build", "--config", config], { cwd: dir })).code).toBe(0);
    const files = ["test", "prod"].flatMap((env) => [`out/${env}/jamf-connect-login.mobileconfig`, `out/${env}/jamf-connect-menubar.mobileconfig`]);
    const run = await runCli(["lint", "--strict", ...files], { cwd: dir, now: FIXTURE_NOW });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim().split("\n")).toEqual(files.map((file) => `${file}: clean`));
    expect(run.code).toBe(0);
  });
});
