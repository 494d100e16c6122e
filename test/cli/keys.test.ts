import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { catalogEntries, catalogKeys } from "../../src/catalog/catalog.js";
import type { Domain, KeyMap, KeySpec } from "../../src/catalog/types.js";
import * as sources from "../../src/catalog/sources.js";
import { formatPath } from "../../src/problem.js";
import { serializePlist, type PlistDict, type PlistValue } from "../../src/profile/plist-xml.js";
import { tempDir } from "../folders.js";
import { runCli } from "../run-cli.js";

const DOMAINS: readonly Domain[] = ["com.jamf.connect.login", "com.jamf.connect"];
const folder = tempDir("jcprofile-keys-");
afterAll(folder.cleanup);
const cwd = folder.dir;

interface ListedKey {
  domain: string;
  key: string;
  type: string;
  description: string;
  sources: string[];
  unverified: string[];
  default?: unknown;
  values?: string[];
}

async function listJson(...args: string[]): Promise<ListedKey[]> {
  const run = await runCli(["keys", ...args, "--json"], { cwd });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ListedKey[];
}

describe("jcprofile keys", () => {
  it("jcprofile keys com.jamf.connect --json lists every catalogue key with its source", async () => {
    const listed = await listJson("com.jamf.connect");
    expect(listed.map((entry) => entry.key)).toEqual(catalogEntries("com.jamf.connect").map((entry) => entry.path));
    expect(listed.filter((entry) => entry.sources.length === 0).map((entry) => entry.key)).toEqual([]);
    expect(new Set(listed.map((entry) => entry.domain))).toEqual(new Set(["com.jamf.connect"]));
  });

  it("names array items' keys Parent[].Child and nested keys Parent.Child", async () => {
    const keys = (await listJson("menubar")).map((entry) => entry.key);
    expect(keys).toContain("TemporaryUserPermissions.UserPromotionRole[].Provider");
    expect(keys).toContain("IdPSettings.Provider");
    expect(keys).toContain("SignIn.AutoOpenAppAtLogin");
  });

  it("gives type, default, values and UNVERIFIED notes", async () => {
    const byKey = new Map((await listJson()).map((entry) => [`${entry.domain} ${entry.key}`, entry]));
    expect(byKey.get("com.jamf.connect TemporaryUserPermissions.UserPromotionDuration")).toMatchObject({ type: "int", default: 5 });
    expect(byKey.get("com.jamf.connect TemporaryUserPermissions.UserPromotionRole")).toMatchObject({ type: "array of dict" });
    expect(byKey.get("com.jamf.connect.login ROPGProvider")).toMatchObject({ values: ["Custom", "Azure_v2"] });
    expect(byKey.get("com.jamf.connect IdPSettings.ROPGScopes")?.unverified).toEqual([
      "key name for the menu bar ROPG scopes is not confirmed by any source",
    ]);
  });

  it("without a domain lists both; a kind and its domain name the same keys", async () => {
    const both = await listJson();
    expect(both).toHaveLength(catalogEntries("com.jamf.connect.login").length + catalogEntries("com.jamf.connect").length);
    const byKind = await runCli(["keys", "login"], { cwd });
    const byDomain = await runCli(["keys", "com.jamf.connect.login"], { cwd });
    expect(byKind.stdout).toBe(byDomain.stdout);
  });

  it("prints one block per key that fits 80 columns, sources whole on their own lines", async () => {
    const run = await runCli(["keys"], { cwd });
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^com\.jamf\.connect\.login — login window \(\d+ keys\)$/);
    expect(lines).toContain("TemporaryUserPermissions.VerifyUserPromotionFIDO2 (bool)");
    // Only a source may pass 80 columns: broken, it could not be copied.
    const sourceLines = new Set(Object.values(sources).map((source) => `    ${source}`));
    const wide = lines.filter((line) => line.length > 80 && !sourceLines.has(line));
    expect(wide).toEqual([]);
    const block = run.stdout.split("\n\n").find((text) => text.startsWith("Unlock.EnableUnlock (bool)"));
    expect(block).toContain("jamfunlock://callback/auth");
    expect(block).toMatch(/\n {2}Sources:\n {4}\S/);
  });

  it.each([["bogus"], ["com.jamf.connect.sync"]])("an unknown domain %j is a usage error naming the choices", async (domain) => {
    const run = await runCli(["keys", domain], { cwd });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `error: unknown domain "${domain}" — use one of login, com.jamf.connect.login, menubar, com.jamf.connect, or none for both\n`,
    );
  });

  it("a second domain is a usage error", async () => {
    const run = await runCli(["keys", "login", "menubar"], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/too many arguments/);
  });
});

/** A value of the key's documented type: a listed value where there is one. */
function sample(spec: KeySpec): PlistValue {
  switch (spec.type) {
    case "string":
      return spec.values?.[0] ?? spec.knownValues?.[0] ?? "x";
    case "bool":
      return true;
    case "int":
      return 5;
    case "data":
      return new Uint8Array([1, 2, 3]);
    case "dict":
      return spec.keys ? fill(spec.keys, sample) : { Any: "thing" };
    case "array":
      return spec.items ? [spec.items.keys ? fill(spec.items.keys, sample) : sample(spec.items)] : ["x"];
  }
}

/** Every key of `keys`, recursing into dictionaries and array items, valued by `value`. */
function fill(keys: KeyMap, value: (spec: KeySpec) => PlistValue): PlistDict {
  const dict: Record<string, PlistValue> = {};
  for (const [name, spec] of Object.entries(keys)) {
    if (spec.type === "dict" && spec.keys) dict[name] = fill(spec.keys, value);
    else if (spec.type === "array" && spec.items?.keys) dict[name] = [fill(spec.items.keys, value)];
    else dict[name] = value(spec);
  }
  return dict;
}

function writePreferences(dir: string, domain: Domain, prefs: PlistDict): string {
  const file = join(dir, `${domain}.plist`);
  writeFileSync(file, serializePlist(prefs));
  return file;
}

interface Finding {
  domain: string;
  path: string;
  severity: string;
  code: string;
}

async function lintJson(file: string): Promise<Finding[]> {
  const run = await runCli(["lint", file, "--json"], { cwd, now: new Date("2026-01-15T12:00:00Z") });
  expect([0, 1]).toContain(run.code);
  return JSON.parse(run.stdout) as Finding[];
}

/** Catalogue paths of a kind of key, as lint prints them (array items at index 0). */
function pathsOf(domain: Domain, type: KeySpec["type"]): string[] {
  return catalogEntries(domain)
    .filter((entry) => entry.spec.type === type)
    .map((entry) => formatPath(entry.path.split(/\.|(?=\[\])/).flatMap((step) => (step === "[]" ? [0] : step.startsWith("[]") ? [0, step.slice(3)] : [step]))));
}

describe("lint against the whole catalogue", () => {
  it.each(DOMAINS)("%s: a profile holding every key with its documented type has no unknown key and no type error", async (domain) => {
    const file = writePreferences(cwd, domain, fill(catalogKeys(domain), sample));
    const findings = await lintJson(file);
    const wrong = findings.filter((finding) => ["unknown-key", "wrong-type", "not-allowed-value"].includes(finding.code));
    expect(wrong).toEqual([]);
  });

  it.each(DOMAINS)('%s: the string "true" is an error for every bool key, the new ones included', async (domain) => {
    const prefs = fill(catalogKeys(domain), (spec) => (spec.type === "bool" ? "true" : sample(spec)));
    const findings = await lintJson(writePreferences(cwd, domain, prefs));
    const flagged = findings.filter((finding) => finding.code === "wrong-type" && finding.severity === "error").map((finding) => finding.path);
    const bools = pathsOf(domain, "bool");
    expect(bools.length).toBeGreaterThan(15);
    expect(flagged.sort()).toEqual(bools.sort());
  });

  it("the bool keys checked include every bool key the issue adds", () => {
    const bools = pathsOf("com.jamf.connect", "bool");
    for (const key of [
      "TemporaryUserPermissions.TemporaryUserPromotion",
      "TemporaryUserPermissions.VerifyUserPromotionFIDO2",
      "TemporaryUserPermissions.URLCommandLineElevation",
      "TemporaryUserPermissions.UserPromotionBiometrics",
      "SignIn.AutoOpenAppAtLogin",
    ]) {
      expect(bools).toContain(key);
    }
  });
});
