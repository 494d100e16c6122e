import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeBinaryPlist, type Encodable } from "../../test/profiles/bplist-encode.js";
import { loadAndRender } from "../project/load-and-render.js";
import type { ResolvedEnvironment } from "../config/resolve.js";
import { renderEnvironment } from "../render/profile.js";
import { renderPreferences } from "../render/preferences.js";
import { DOMAINS, PROFILE_KIND_NAMES } from "./domains.js";
import { serializePlist, type PlistDict, type PlistValue } from "./plist-xml.js";
import { readProfile } from "./read-profile.js";
import { wrapPreferences, type PayloadStyle } from "./wrap.js";

/** A small seeded generator, so a failure names the seed that reproduces it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ALPHABET = ["a", "Z", "0", " ", "<", ">", "&", '"', "'", "\t", "\n", "\r", "é", "東", "🍎", "—", "]]>", "&amp;"];

function randomValue(next: () => number, depth: number): PlistValue {
  const pick = Math.floor(next() * (depth > 2 ? 5 : 7));
  const text = () => Array.from({ length: Math.floor(next() * 8) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join("");
  switch (pick) {
    case 0:
      return text();
    case 1:
      return Math.floor((next() - 0.5) * 2 ** 40);
    case 2:
      return next() < 0.5;
    case 3:
      return new Uint8Array(Array.from({ length: 1 + Math.floor(next() * 40) }, () => Math.floor(next() * 256)));
    case 4:
      return new Date(Math.floor(next() * 4e9) * 1000);
    case 5:
      return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
    default:
      return randomDict(next, depth + 1);
  }
}

function randomDict(next: () => number, depth: number): PlistDict {
  const dict: Record<string, PlistValue> = {};
  const count = Math.floor(next() * 5);
  for (let i = 0; i < count; i++) dict[`K${i}${ALPHABET[Math.floor(next() * 6)]}`] = randomValue(next, depth);
  return dict;
}

/** The license is read into a Buffer; the reader gives plain Uint8Arrays with the same bytes. */
function plainBytes(value: PlistValue): PlistValue {
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (Array.isArray(value)) return value.map(plainBytes);
  if (typeof value === "object" && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainBytes(v)]));
  return value;
}

const identity = (payloadStyle: PayloadStyle) => ({ identifier: "com.example.jc", displayName: "JC", organization: "Example", removalDisallowed: true, payloadStyle });

describe("wrap → write → read → unwrap", () => {
  it.each(Array.from({ length: 40 }, (_, seed) => seed))("gives back the same preferences (seed %i)", (seed) => {
    const next = random(seed + 1);
    for (const domain of DOMAINS) {
      for (const style of ["mcx", "domain"] as const) {
        const preferences = randomDict(next, 0);
        const profile = wrapPreferences(domain, preferences, identity(style));
        const fromXml = readProfile(new Uint8Array(Buffer.from(serializePlist(profile))), { fileName: "p.mobileconfig" });
        expect(fromXml.payloads.map((p) => [p.domain, p.style, p.preferences])).toEqual([[domain, style, preferences]]);
        const fromBinary = readProfile(encodeBinaryPlist(profile as Encodable), { fileName: "p.mobileconfig" });
        expect(fromBinary.payloads[0]!.preferences).toEqual(preferences);
      }
    }
  });
});

describe("every profile build writes reads back to the preferences it was built from", () => {
  const { environments } = loadAndRender({ cwd: join(import.meta.dirname, "..", ".."), config: "examples/contoso.jcprofile.json" });

  /** The example's environments in both payload styles, with and without a description, with extra settings. */
  function variations(): ResolvedEnvironment[] {
    const next = random(99);
    return environments.flatMap((environment) =>
      (["mcx", "domain"] as const).flatMap((payloadStyle, i) => {
        const message = Array.from({ length: 12 }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join("");
        const login = { ...environment.login, settings: { ...environment.login.settings, LoginWindowMessage: message, MigrateUsersHide: ["ladmin", message] } };
        const profile = { ...environment.profile, payloadStyle, ...(i === 1 && { description: `Jamf Connect & ${message}` }) };
        return [{ ...environment, profile }, { ...environment, login, profile }];
      }),
    );
  }

  it.each(variations().map((environment, i) => [i, environment] as const))("variation %i", (_i, environment) => {
    const { profiles, problems } = renderEnvironment(environment);
    expect(problems.filter((problem) => problem.severity === "error")).toEqual([]);
    expect(profiles).toHaveLength(2);
    for (const [index, kind] of PROFILE_KIND_NAMES.entries()) {
      const model = readProfile(new Uint8Array(Buffer.from(profiles[index]!.text)), { fileName: profiles[index]!.relativePath });
      expect(model.payloads).toHaveLength(1);
      expect(model.payloads[0]!.kind).toBe(kind);
      expect(model.payloads[0]!.preferences).toEqual(plainBytes(renderPreferences(environment, kind).preferences));
    }
  });
});
