/**
 * verify names a Jamf Connect domain's mcx entry under a state macOS does not read (`Often`, a typo
 * such as `forced`) as lint does: the same code, wording and fix, located the same way; the file is
 * not valid (exit 1), signed or not. Before, a signed and trusted profile whose menu bar preferences
 * sat under `Often` was "valid" (exit 0), though no Mac gets those preferences. The same for an mcx
 * entry not in the shape macOS reads (lint's `mcx-malformed`): `Forced` a dictionary, an item
 * without `mcx_preference_settings`. A profile whose every entry is so is still a Jamf Connect
 * profile, with one such problem per entry (it was `not-jamf-connect` with no fix when signed, and
 * unreadable, exit 2, when not).
 */
import { createPrivateKey, X509Certificate } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { encodeSignedData } from "../../src/signing/cms-sign.js";
import { readCertificateFacts } from "../../src/signing/certificate-facts.js";
import { REPO_ROOT } from "../folders.js";
import { pkiTime, usePkiDir } from "../sign/pki.js";
import { runCli } from "../run-cli.js";
import { bothDomainsXml, DOCK_SETTINGS, menubarContentXml, shapedXml } from "../profiles/mcx-shapes.js";
import { fixtureSet } from "../profiles/fixture-set.js";

const SOURCE = readFileSync(join(REPO_ROOT, "test", "fixtures", "profiles", "jamf-pro-both-domains.mobileconfig"), "utf8");
const FORCED = "<key>Forced</key>";

/** The fixture with its second mcx entry (the menu bar's, payload 2) under `state` instead of Forced. */
function withMenubarUnder(state: string): string {
  const second = SOURCE.indexOf(FORCED, SOURCE.indexOf(FORCED) + 1);
  return `${SOURCE.slice(0, second)}<key>${state}</key>${SOURCE.slice(second + FORCED.length)}`;
}

let dir: string;
usePkiDir((made) => (dir = made), { prefix: "jcprofile-verify-mcx-" });

/** Signed with the test PKI's signer and intermediate, as `jcprofile sign` signs: any content, not only what a config builds. */
function writeSigned(name: string, content: string): void {
  const signer = new X509Certificate(readFileSync(join(dir, "signer.pem")));
  const bytes = encodeSignedData({
    content: Buffer.from(content, "utf8"),
    signer,
    signerFacts: readCertificateFacts(signer),
    key: createPrivateKey(readFileSync(join(dir, "signer-key.pem"))),
    chain: [new X509Certificate(readFileSync(join(dir, "intermediate.pem")))],
    signingTime: pkiTime(),
  });
  writeFileSync(join(dir, name), bytes);
}

beforeAll(() => {
  writeSigned("often-signed.mobileconfig", withMenubarUnder("Often"));
  writeSigned("good-signed.mobileconfig", SOURCE);
  writeFileSync(join(dir, "often.mobileconfig"), withMenubarUnder("Often"));
  writeFileSync(join(dir, "typo.mobileconfig"), withMenubarUnder("forced"));
  writeSigned("forced-dict-signed.mobileconfig", bothDomainsXml("forced-dict"));
  writeFileSync(join(dir, "no-settings.mobileconfig"), bothDomainsXml("no-settings"));
  writeSigned("content-array-signed.mobileconfig", bothDomainsXml("content-array"));
  writeSigned("all-forced-dict-signed.mobileconfig", shapedXml("forced-dict", "forced-dict"));
  writeFileSync(join(dir, "all-no-settings.mobileconfig"), shapedXml("no-settings", "no-settings"));
  writeSigned("all-often-signed.mobileconfig", SOURCE.replaceAll(FORCED, "<key>Often</key>"));
  writeFileSync(join(dir, "login-forced-dict.mobileconfig"), shapedXml("forced-dict", undefined));
  writeSigned("dock-signed.mobileconfig", menubarContentXml([DOCK_SETTINGS], true));
  writeSigned("wifi-signed.mobileconfig", Buffer.from(fixtureSet()["not-jamf-connect.mobileconfig"]!).toString("utf8"));
});

const verify = (...args: string[]) => runCli(["verify", ...args, "--ca", "root.pem"], { cwd: dir, now: pkiTime() });

interface JsonVerdict {
  file: string;
  valid: boolean;
  signed: boolean;
  trusted: boolean;
  jamfConnect: boolean;
  problems: { code: string; message: string; fix: string }[];
}

/** What lint says of the same file: its one `code` finding (mcx-unknown-state by default), as verify should word it. */
async function lintWords(file: string, code = "mcx-unknown-state"): Promise<{ code: string; message: string; fix: string; line: string }> {
  const json = await runCli(["lint", file, "--json"], { cwd: dir, now: pkiTime() });
  const [finding] = (JSON.parse(json.stdout) as { code: string; payload: number; domain: string; path: string; message: string; fix: string }[]).filter((found) => found.code === code);
  expect(finding).toBeDefined();
  const text = await runCli(["lint", file], { cwd: dir, now: pkiTime() });
  const line = new RegExp(`^ {2}error: (.*) \\[${code}\\]$`, "m").exec(text.stdout)?.[1];
  expect(line).toBeDefined();
  return { code: finding!.code, message: `payload ${finding!.payload} ${finding!.domain}: ${finding!.path}: ${finding!.message}`, fix: finding!.fix, line: line! };
}

describe("verify: preferences under an mcx state macOS does not read", () => {
  it("a signed, trusted profile with the menu bar under Often is INVALID (exit 1), in lint's words", async () => {
    const lint = await lintWords("often-signed.mobileconfig");
    expect(lint.line).toBe(lint.message);
    const run = await verify("often-signed.mobileconfig");
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toBe("");
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("often-signed.mobileconfig: INVALID");
    expect(lines).toContain("  signature   valid for the content");
    expect(lines.filter((line) => line.startsWith("  problem"))).toEqual([`  problem     ${lint.message} — ${lint.fix}`]);
    expect(run.stdout).toContain(
      'problem     payload 2 com.jamf.connect: PayloadContent["com.jamf.connect"].Often: is an mcx state macOS does not read (it knows Forced and Set-Once), ' +
        "so the preferences under it are not set — move them to Forced (Often is the deprecated MCX state; Jamf Connect's settings must be enforced)",
    );
  });

  it("--json: valid false, the problem as lint gives it (code, message located as lint's report, fix apart)", async () => {
    const lint = await lintWords("often-signed.mobileconfig");
    const run = await verify("often-signed.mobileconfig", "--json");
    expect(run.code, run.stderr).toBe(1);
    const [verdict] = JSON.parse(run.stdout) as JsonVerdict[];
    expect(verdict).toMatchObject({ file: "often-signed.mobileconfig", valid: false, signed: true, trusted: true, jamfConnect: true });
    expect(verdict!.problems).toEqual([{ code: "mcx-unknown-state", message: lint.message, fix: lint.fix }]);
  });

  it("an unsigned one lists it after `not signed`; a typo'd state gets Forced as the fix", async () => {
    const run = await verify("often.mobileconfig", "typo.mobileconfig", "--json");
    expect(run.code, run.stderr).toBe(1);
    const verdicts = JSON.parse(run.stdout) as JsonVerdict[];
    expect(verdicts.map((verdict) => verdict.problems.map((problem) => problem.code))).toEqual([["unsigned", "mcx-unknown-state"], ["unsigned", "mcx-unknown-state"]]);
    const typo = await lintWords("typo.mobileconfig");
    expect(verdicts[1]!.problems[1]).toEqual({ code: "mcx-unknown-state", message: typo.message, fix: "move them to Forced" });
    const text = await verify("typo.mobileconfig");
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`  problem     not signed\n  problem     ${typo.message} — move them to Forced\n`);
  });

  it("the same profile with every entry under Forced is still valid (exit 0)", async () => {
    const run = await verify("good-signed.mobileconfig");
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain("good-signed.mobileconfig: valid");
    expect(run.stdout).not.toContain("problem");
  });
});

describe("verify: an mcx entry not in the shape macOS reads", () => {
  it("a signed, trusted profile whose menu bar Forced is a dictionary is INVALID (exit 1), in lint's words (was: valid, exit 0)", async () => {
    const lint = await lintWords("forced-dict-signed.mobileconfig", "mcx-malformed");
    expect(lint.line).toBe(lint.message);
    const run = await verify("forced-dict-signed.mobileconfig");
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toBe("");
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("forced-dict-signed.mobileconfig: INVALID");
    expect(lines).toContain("  signature   valid for the content");
    expect(lines.filter((line) => line.startsWith("  problem"))).toEqual([
      '  problem     payload 2 com.jamf.connect: PayloadContent["com.jamf.connect"].Forced: is a dictionary, not an array of dictionaries, ' +
        "so jcprofile reads no preferences from this entry (whether macOS does is not documented, UNVERIFIED) — write the shape macOS reads: " +
        "PayloadContent → com.jamf.connect → Forced → an array of dictionaries, each holding the preferences in a mcx_preference_settings dictionary",
    ]);
    expect(lines.filter((line) => line.startsWith("  problem"))).toEqual([`  problem     ${lint.message} — ${lint.fix}`]);
  });

  it("--json: valid false, lint's code, located message and fix; unsigned files list it after `not signed`", async () => {
    const signed = await lintWords("forced-dict-signed.mobileconfig", "mcx-malformed");
    const unsigned = await lintWords("no-settings.mobileconfig", "mcx-malformed");
    const run = await verify("forced-dict-signed.mobileconfig", "no-settings.mobileconfig", "--json");
    expect(run.code, run.stderr).toBe(1);
    const verdicts = JSON.parse(run.stdout) as JsonVerdict[];
    expect(verdicts[0]).toMatchObject({ file: "forced-dict-signed.mobileconfig", valid: false, signed: true, trusted: true, jamfConnect: true });
    expect(verdicts[0]!.problems).toEqual([{ code: "mcx-malformed", message: signed.message, fix: signed.fix }]);
    expect(verdicts[1]!.problems.map((problem) => problem.code)).toEqual(["unsigned", "mcx-malformed"]);
    expect(verdicts[1]!.problems[1]).toEqual({ code: "mcx-malformed", message: unsigned.message, fix: unsigned.fix });
    expect(unsigned.message).toBe('payload 2 com.jamf.connect: PayloadContent["com.jamf.connect"].Forced[0].mcx_preference_settings: is missing, so jcprofile reads no preferences from this entry (whether macOS does is not documented, UNVERIFIED)');
  });
});

/** The line lint's report gives a profile's one `code` finding, located, with its fix. */
const lintLine = (found: { code: string; message: string; fix: string }) => `${found.message} — ${found.fix}`;

describe("verify: a custom-settings payload whose PayloadContent is an array holding the menu bar", () => {
  it("is lint's mcx-malformed at the payload level, with its fix: INVALID, exit 1 (was: valid, exit 0)", async () => {
    const lint = await lintWords("content-array-signed.mobileconfig", "mcx-malformed");
    expect(lint.message).toBe("payload 2 com.jamf.connect: PayloadContent: is an array, not a dictionary of preference domains, so jcprofile reads no preferences from this entry (whether macOS does is not documented, UNVERIFIED)");
    const run = await verify("content-array-signed.mobileconfig");
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout.split("\n").filter((line) => line.startsWith("  problem"))).toEqual([`  problem     ${lint.message} — ${lint.fix}`]);
    const json = await verify("content-array-signed.mobileconfig", "--json");
    expect(json.code, json.stderr).toBe(1);
    const [verdict] = JSON.parse(json.stdout) as JsonVerdict[];
    expect(verdict).toMatchObject({ valid: false, signed: true, trusted: true, jamfConnect: true });
    expect(verdict!.problems).toEqual([{ code: "mcx-malformed", message: lint.message, fix: lint.fix }]);
  });
});

describe("verify: a Jamf Connect profile none of whose entries macOS reads", () => {
  // Each entry as lint words it, when it is the file's only bad one, the words lint gives each entry of a file with nothing readable too.
  const LOGIN_DICT =
    'payload 1 com.jamf.connect.login: PayloadContent["com.jamf.connect.login"].Forced: is a dictionary, not an array of dictionaries, ' +
    "so jcprofile reads no preferences from this entry (whether macOS does is not documented, UNVERIFIED)";
  const MENUBAR_DICT = LOGIN_DICT.replace("payload 1 com.jamf.connect.login", "payload 2 com.jamf.connect").replace('["com.jamf.connect.login"]', '["com.jamf.connect"]');
  const shapeFix = (domain: string) => `write the shape macOS reads: PayloadContent → ${domain} → Forced → an array of dictionaries, each holding the preferences in a mcx_preference_settings dictionary`;

  it("signed, every entry badly formed: a Jamf Connect profile with lint's mcx-malformed for each, exit 1 (was: NOT a Jamf Connect profile, no fix)", async () => {
    const one = await lintWords("forced-dict-signed.mobileconfig", "mcx-malformed");
    expect(one).toMatchObject({ message: MENUBAR_DICT, fix: shapeFix("com.jamf.connect") });
    const login = await lintWords("login-forced-dict.mobileconfig", "mcx-malformed");
    expect(login).toMatchObject({ message: LOGIN_DICT, fix: shapeFix("com.jamf.connect.login") });
    const run = await verify("all-forced-dict-signed.mobileconfig");
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toBe("");
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("all-forced-dict-signed.mobileconfig: INVALID");
    expect(lines).toContain("  signature   valid for the content");
    expect(lines).toContain("  content     Jamf Connect profile 1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E01");
    expect(lines.filter((line) => line.startsWith("  problem"))).toEqual([`  problem     ${lintLine(login)}`, `  problem     ${lintLine(one)}`]);
    const json = await verify("all-forced-dict-signed.mobileconfig", "--json");
    expect(json.code, json.stderr).toBe(1);
    const [verdict] = JSON.parse(json.stdout) as JsonVerdict[];
    expect(verdict).toMatchObject({ valid: false, signed: true, trusted: true, jamfConnect: true, identifier: "1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E01" });
    expect(verdict!.problems).toEqual([
      { code: "mcx-malformed", message: login.message, fix: login.fix },
      { code: "mcx-malformed", message: one.message, fix: one.fix },
    ]);
  });

  it("signed, every entry under Often: lint's mcx-unknown-state for each, exit 1", async () => {
    const one = await lintWords("often-signed.mobileconfig");
    const login = { ...one, message: one.message.replace("payload 2 com.jamf.connect", "payload 1 com.jamf.connect.login").replace('["com.jamf.connect"]', '["com.jamf.connect.login"]') };
    const run = await verify("all-often-signed.mobileconfig");
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain("  content     Jamf Connect profile 1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E01\n");
    expect(run.stdout.split("\n").filter((line) => line.startsWith("  problem"))).toEqual([`  problem     ${lintLine(login)}`, `  problem     ${lintLine(one)}`]);
    const [verdict] = JSON.parse((await verify("all-often-signed.mobileconfig", "--json")).stdout) as JsonVerdict[];
    expect(verdict).toMatchObject({ valid: false, jamfConnect: true });
    expect(verdict!.problems).toEqual([
      { code: "mcx-unknown-state", message: login.message, fix: one.fix },
      { code: "mcx-unknown-state", message: one.message, fix: one.fix },
    ]);
  });

  it("unsigned, every entry badly formed: `not signed` and the entries, exit 1 (was: unreadable, exit 2)", async () => {
    const one = await lintWords("no-settings.mobileconfig", "mcx-malformed");
    const login = { ...one, message: one.message.replace("payload 2 com.jamf.connect", "payload 1 com.jamf.connect.login").replace('["com.jamf.connect"]', '["com.jamf.connect.login"]'), fix: shapeFix("com.jamf.connect.login") };
    const run = await verify("all-no-settings.mobileconfig");
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(
      "all-no-settings.mobileconfig: INVALID\n  signed      no\n  content     Jamf Connect profile 1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E01\n" +
        `  problem     not signed\n  problem     ${lintLine(login)}\n  problem     ${lintLine(one)}\n`,
    );
    const json = await verify("all-no-settings.mobileconfig", "--json");
    expect(json.code, json.stderr).toBe(1);
    const [verdict] = JSON.parse(json.stdout) as (JsonVerdict & { readable: boolean })[];
    expect(verdict).toMatchObject({ readable: true, valid: false, signed: false, jamfConnect: true });
    expect(verdict!.problems).toEqual([
      { code: "unsigned", message: "not signed", fix: "" },
      { code: "mcx-malformed", message: login.message, fix: login.fix },
      { code: "mcx-malformed", message: one.message, fix: one.fix },
    ]);
  });

  it("a signed profile without any Jamf Connect domain is still NOT a Jamf Connect profile (not-jamf-connect)", async () => {
    const run = await verify("wifi-signed.mobileconfig");
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain("  content     NOT a Jamf Connect profile\n");
    const [verdict] = JSON.parse((await verify("wifi-signed.mobileconfig", "--json")).stdout) as JsonVerdict[];
    expect(verdict).toMatchObject({ jamfConnect: false });
    expect(verdict!.problems.map((problem) => problem.code)).toEqual(["not-jamf-connect"]);
  });

  it("a signed Dock profile whose badly formed custom settings name com.jamf.connect only as a Dock tile's bundle ID is NOT a Jamf Connect profile (was: jamfConnect true, mcx-malformed)", async () => {
    const run = await verify("dock-signed.mobileconfig");
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain("  content     NOT a Jamf Connect profile\n");
    const [verdict] = JSON.parse((await verify("dock-signed.mobileconfig", "--json")).stdout) as JsonVerdict[];
    expect(verdict).toMatchObject({ jamfConnect: false });
    expect(verdict!.problems.map((problem) => problem.code)).toEqual(["not-jamf-connect"]);
  });
});
