/**
 * lint on a Jamf Connect profile none of whose entries macOS reads (every one under an mcx state
 * macOS does not read, or not in the shape macOS reads): still a Jamf Connect profile, with one
 * finding per entry — lint's mcx-unknown-state / mcx-malformed in the words, location and fix lint
 * gives that entry when it is the file's only bad one — exit 1, as with one bad domain. It was one
 * "cannot read" line on stderr, exit 2, and `--json` printed `[]`. import still refuses such a
 * source (exit 2, nothing written) with the reader's sentence.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../folders.js";
import { FIXTURE_NOW, fixtureSet } from "../profiles/fixture-set.js";
import { bothDomainsXml, shapedXml } from "../profiles/mcx-shapes.js";
import { runCli } from "../run-cli.js";

const { dir, cleanup } = tempDir("jcprofile-lint-nothing-read-");
afterAll(cleanup);

const lint = (...args: string[]) => runCli(["lint", ...args], { cwd: dir, now: FIXTURE_NOW });

const FORCED = "<key>Forced</key>";
/** `xml` with the login window's Forced (the first) or the menu bar's (the second) renamed Often. */
function often(xml: string, which: "login" | "menubar"): string {
  const at = which === "login" ? xml.indexOf(FORCED) : xml.indexOf(FORCED, xml.indexOf(FORCED) + 1);
  return `${xml.slice(0, at)}<key>Often</key>${xml.slice(at + FORCED.length)}`;
}

interface Case {
  readonly name: string;
  /** Both entries bad: nothing is read from the profile. */
  readonly all: string;
  /** Only the login window's entry bad, the same way. */
  readonly login: string;
  /** Only the menu bar's entry bad, the same way. */
  readonly menubar: string;
  readonly codes: readonly [string, string];
}

const CASES: readonly Case[] = [
  { name: "both under Often", all: bothDomainsXml().replaceAll(FORCED, "<key>Often</key>"), login: often(bothDomainsXml(), "login"), menubar: often(bothDomainsXml(), "menubar"), codes: ["mcx-unknown-state", "mcx-unknown-state"] },
  { name: "both badly formed", all: shapedXml("forced-dict", "no-settings"), login: shapedXml("forced-dict", undefined), menubar: shapedXml(undefined, "no-settings"), codes: ["mcx-malformed", "mcx-malformed"] },
  { name: "one of each", all: often(bothDomainsXml("forced-dict"), "login"), login: often(bothDomainsXml(), "login"), menubar: bothDomainsXml("forced-dict"), codes: ["mcx-unknown-state", "mcx-malformed"] },
];

/** Writes the case's three files under `prefix`, returning their names. */
function writeCase(prefix: string, { all, login, menubar }: Case): { all: string; login: string; menubar: string } {
  const names = { all: `${prefix}-all.mobileconfig`, login: `${prefix}-login.mobileconfig`, menubar: `${prefix}-menubar.mobileconfig` };
  writeFileSync(join(dir, names.all), all);
  writeFileSync(join(dir, names.login), login);
  writeFileSync(join(dir, names.menubar), menubar);
  return names;
}

type Finding = Record<string, unknown> & { file: string };
const withoutFile = ({ file: _file, ...rest }: Finding) => rest;

describe("lint on a Jamf Connect profile none of whose entries macOS reads", () => {
  it.each(CASES.map((one, index) => ({ ...one, index })))("$name, --json: one finding per entry, as lint gives each when it is the only bad one, exit 1 (was: [], exit 2)", async (one) => {
    const files = writeCase(`json-${one.index}`, one);
    const run = await lint(files.all, "--json");
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toBe("");
    const findings = JSON.parse(run.stdout) as Finding[];
    const [login, menubar] = [JSON.parse((await lint(files.login, "--json")).stdout) as Finding[], JSON.parse((await lint(files.menubar, "--json")).stdout) as Finding[]];
    expect(login).toHaveLength(1);
    expect(menubar).toHaveLength(1);
    expect(findings.map((finding) => finding.file)).toEqual([files.all, files.all]);
    expect(findings.map(withoutFile)).toEqual([withoutFile(login[0]!), withoutFile(menubar[0]!)]);
    expect(findings.map((finding) => [finding.code, finding.domain, finding.payload, finding.severity])).toEqual([
      [one.codes[0], "com.jamf.connect.login", 1, "error"],
      [one.codes[1], "com.jamf.connect", 2, "error"],
    ]);
  });

  it.each(CASES.map((one, index) => ({ ...one, index })))("$name, text: the report with both entries' lines and fixes, exit 1 (was: one 'cannot read' line, exit 2)", async (one) => {
    const files = writeCase(`text-${one.index}`, one);
    const run = await lint(files.all);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toBe("");
    // The lines under each single-entry file's "N: 1 error" summary.
    const linesOf = async (file: string) => (await lint(file)).stdout.split("\n").slice(1).join("\n");
    expect(run.stdout).toBe(`${files.all}: 2 errors\n${(await linesOf(files.login)).trimEnd()}\n${await linesOf(files.menubar)}`);
    expect(run.stdout.match(/ \[([a-z-]+)\]$/gm)).toEqual(one.codes.map((code) => ` [${code}]`));
    expect(run.stdout.match(/^ {4}fix: /gm)).toHaveLength(2);
  });

  it("beside a clean profile: both reported, exit 1; beside a profile without any Jamf Connect domain: that one cannot be read, exit 2", async () => {
    writeFileSync(join(dir, "good.mobileconfig"), bothDomainsXml());
    writeFileSync(join(dir, "nothing.mobileconfig"), shapedXml("no-settings", "forced-dict"));
    writeFileSync(join(dir, "wifi.mobileconfig"), fixtureSet()["not-jamf-connect.mobileconfig"]!);
    const both = await lint("nothing.mobileconfig", "good.mobileconfig");
    expect(both.code, both.stderr).toBe(1);
    expect(both.stdout).toMatch(/^nothing\.mobileconfig: 2 errors\n[\s\S]*\ngood\.mobileconfig: clean\n$/);
    const json = await lint("nothing.mobileconfig", "wifi.mobileconfig", "--json");
    expect(json.code).toBe(2);
    expect((JSON.parse(json.stdout) as Finding[]).map((finding) => [finding.file, finding.code])).toEqual([
      ["nothing.mobileconfig", "mcx-malformed"],
      ["nothing.mobileconfig", "mcx-malformed"],
    ]);
    expect(json.stderr).toBe('error: wifi.mobileconfig: is a configuration profile without a Jamf Connect payload (it holds com.apple.wifi.managed "Office Wi-Fi")\n');
  });

  it.each(CASES.map((one, index) => ({ ...one, index })))("$name: import still refuses it with the reader's one sentence (exit 2, nothing written)", async (one) => {
    const { dir: folder, cleanup: remove } = tempDir("jcprofile-import-nothing-read-");
    try {
      writeFileSync(join(folder, "in.mobileconfig"), one.all);
      const run = await runCli(["import", "in.mobileconfig", "--env", "prod", "--organization", "Contoso", "--yes"], { cwd: folder, now: FIXTURE_NOW });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^error: in\.mobileconfig: is a configuration profile whose Jamf Connect preferences are (not in the shape macOS reads|under an mcx state macOS does not read) \(.*\), so (none are read from it|they set nothing) — [^\n]+\n$/);
      expect(readdirSync(folder)).toEqual(["in.mobileconfig"]);
    } finally {
      remove();
    }
  });
});
