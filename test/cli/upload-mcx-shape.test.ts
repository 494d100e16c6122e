/**
 * `jcprofile upload` over a stored profile whose Jamf Connect preferences sit where no Mac is known
 * to read them: under an mcx state macOS does not read (lint's mcx-unknown-state) or in a shape
 * jcprofile reads nothing from (mcx-malformed). Such a domain is still held by the stored profile:
 * an update that drops it is refused as any removal is (was: written, exit 0, under Often or with
 * Forced a dictionary). An update that
 * replaces such entries says so (Macs in scope may get settings they did not have).
 */
import { build, type PlistValue } from "plist";
import { describe, expect, it } from "vitest";
import type { JamfProDouble } from "../jamfpro/server.js";
import { combine } from "../jamfpro/seed.js";
import { readStoredPlist } from "../jamfpro/stored-plist.js";
import { upload, uploadJson, useUploadWorld } from "../jamfpro/upload-cli.js";

const LOGIN_PROD = "Jamf Connect Login (prod)";
const MENUBAR_PROD = "Jamf Connect Menu Bar (prod)";

let jamf: JamfProDouble;
let dir: string;
let config: string;
useUploadWorld("jcprofile-upload-mcx-shape-", (world) => ({ jamf, dir, config } = world));

type Dict = { [key: string]: PlistValue };
const puts = () => jamf.writes().filter((request) => request.method === "PUT");

/**
 * The stored profile `name` with its `domain` entry rewritten by `change` (from its Forced entry's
 * settings); with `inArray`, the payload's PayloadContent becomes an array holding its dictionary of domains.
 */
function reshape(name: string, domain: string, change: (settings: Dict) => PlistValue, inArray = false): void {
  const profile = jamf.world.profiles.find((item) => item.name === name)!;
  const plist = readStoredPlist(profile.payloads) as Dict;
  for (const payload of plist["PayloadContent"] as Dict[]) {
    const content = payload["PayloadContent"] as Dict;
    if (content[domain] === undefined) continue;
    content[domain] = change((((content[domain] as Dict)["Forced"] as Dict[])[0] as Dict)["mcx_preference_settings"] as Dict);
    if (inArray) payload["PayloadContent"] = [content];
  }
  profile.payloads = build(plist, { indent: "  " });
}

const SHAPES: [string, (settings: Dict) => PlistValue, string, boolean?][] = [
  ["under Often", (settings) => ({ Often: [{ mcx_preference_settings: settings }] }), 'com.jamf.connect: "Often", an mcx state macOS does not read'],
  ["Forced a dictionary", (settings) => ({ Forced: { mcx_preference_settings: settings } }), "com.jamf.connect: Forced is a dictionary, not an array of dictionaries (whether macOS reads it is not documented, UNVERIFIED)"],
  ["without mcx_preference_settings", (settings) => ({ Forced: [{ mcx_preference_setting: settings }] }), "com.jamf.connect: Forced[0].mcx_preference_settings is missing (whether macOS reads it is not documented, UNVERIFIED)"],
  // Was: 'it also holds other payloads (com.apple.ManagedClient.preferences)', not this environment's (not-ours).
  [
    "PayloadContent an array holding it",
    (settings) => ({ Forced: [{ mcx_preference_settings: settings }] }),
    "PayloadContent holding com.jamf.connect is an array, not a dictionary of preference domains (whether macOS reads it is not documented, UNVERIFIED)",
    true,
  ],
];

describe("upload over a stored profile holding the menu bar where no Mac is known to read it", () => {
  it.each(SHAPES)("%s: dropping it is a removal — refused without --allow-removal", async (_name, change, _words, inArray) => {
    expect((await upload(dir, config, ["--env", "prod"])).code).toBe(0);
    const live = combine(jamf.world, LOGIN_PROD, MENUBAR_PROD);
    reshape(LOGIN_PROD, "com.jamf.connect", change, inArray);
    const before = live.payloads;
    const run = await upload(dir, config, ["--env", "prod", "--dry-run"]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`not written: this update would remove the menu bar settings (com.jamf.connect) from the Jamf Pro profile "${LOGIN_PROD}" (id ${live.id}`);
    const json = await uploadJson(dir, config, ["--env", "prod"]);
    expect(json.code).toBe(1);
    expect(json.results.find((result) => result.name === LOGIN_PROD)).toMatchObject({ action: "refused", code: "would-remove" });
    expect(puts()).toEqual([]);
    expect(live.payloads).toBe(before);
  });

  it.each(SHAPES)("%s, replaced by this environment's menu bar: updated (exit 0), with a warning naming the entry", async (_name, change, words, inArray) => {
    expect((await upload(dir, config, ["--env", "prod"])).code).toBe(0);
    reshape(MENUBAR_PROD, "com.jamf.connect", change, inArray);
    const warning = `warning: prod menubar "${MENUBAR_PROD}": the stored profile holds Jamf Connect preferences Macs may not get (${words}) — this update replaces them with this environment's, in the shape macOS reads, so the Macs in its scope may get settings they did not have before\n`;
    const dry = await upload(dir, config, ["--env", "prod", "--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`prod  menubar  would update  "${MENUBAR_PROD}"`);
    expect(dry.stderr).toBe(warning);
    const json = await uploadJson(dir, config, ["--env", "prod"]);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stderr).toBe(warning);
    expect(json.results.find((result) => result.name === MENUBAR_PROD)).toMatchObject({ action: "updated", error: null });
    const again = await upload(dir, config, ["--env", "prod"]);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe("");
    expect(again.stdout).toContain(`prod  menubar  unchanged  "${MENUBAR_PROD}"`);
  });
});

describe("upload over a stored custom-settings payload whose PayloadContent is an array holding the menu bar beside another tool's domain", () => {
  it("is not this environment's: refused (it also holds another tool's settings), nothing sent — was: updated, replacing them", async () => {
    expect((await upload(dir, config, ["--env", "prod"])).code).toBe(0);
    const profile = jamf.world.profiles.find((item) => item.name === MENUBAR_PROD)!;
    const plist = readStoredPlist(profile.payloads) as Dict;
    for (const payload of plist["PayloadContent"] as Dict[]) {
      const content = payload["PayloadContent"] as Dict;
      if (content["com.jamf.connect"] === undefined) continue;
      payload["PayloadContent"] = [{ ...content, "com.apple.Safari": { Forced: [{ mcx_preference_settings: { HomePage: "https://intranet.example" } }] } }];
    }
    profile.payloads = build(plist, { indent: "  " });
    const before = profile.payloads;
    const run = await upload(dir, config, ["--env", "prod"]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`"${MENUBAR_PROD}" (id ${profile.id}, `);
    expect(run.stderr).toContain("is not this environment's: it also holds other payloads (com.apple.Safari)");
    expect(puts()).toEqual([]);
    expect(profile.payloads).toBe(before);
  });

  it("another tool's domain named as text beside it (['com.jamf.connect', 'com.microsoft.teams']) is one too: refused, nothing sent — was: taken for ours and replaced", async () => {
    expect((await upload(dir, config, ["--env", "prod"])).code).toBe(0);
    const profile = jamf.world.profiles.find((item) => item.name === MENUBAR_PROD)!;
    const plist = readStoredPlist(profile.payloads) as Dict;
    for (const payload of plist["PayloadContent"] as Dict[]) {
      if ((payload["PayloadContent"] as Dict)["com.jamf.connect"] !== undefined) payload["PayloadContent"] = ["com.jamf.connect", "com.microsoft.teams"];
    }
    profile.payloads = build(plist, { indent: "  " });
    const before = profile.payloads;
    const run = await upload(dir, config, ["--env", "prod"]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain("is not this environment's: it also holds other payloads (com.microsoft.teams)");
    expect(puts()).toEqual([]);
    expect(profile.payloads).toBe(before);
  });
});
