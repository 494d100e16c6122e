import { describe, expect, it } from "vitest";
import { compareKeyPaths, samePlist } from "./diff.js";
import type { PlistDict } from "./plist-xml.js";

const profile = (payload: PlistDict): PlistDict => ({ PayloadType: "Configuration", PayloadIdentifier: "com.contoso.prod.login", PayloadContent: [payload] });
const mcx = (settings: PlistDict): PlistDict =>
  profile({ PayloadType: "com.apple.ManagedClient.preferences", PayloadContent: { "com.jamf.connect.login": { Forced: [{ mcx_preference_settings: settings }] } } });

describe("compareKeyPaths", () => {
  it("names nested keys and array items that differ, added or removed, in sorted key order", () => {
    const before = { A: 1, B: { C: [1, 2], D: "x" }, E: true };
    const after = { A: 1, B: { C: [1, 3], D: "x", F: 0 } };
    expect(compareKeyPaths(before, after).map((difference) => difference.path)).toEqual(["B.C[1]", "B.F", "E"]);
    expect(compareKeyPaths(before, after)[2]).toMatchObject({ parts: ["E"], before: true, after: undefined });
  });

  it("ignores key order and compares data and dates by value", () => {
    const a = { X: Buffer.from("v1"), Y: new Date("2026-01-01T00:00:00Z"), Z: 1 };
    const b = { Z: 1, Y: new Date("2026-01-01T00:00:00Z"), X: Buffer.from("v1") };
    expect(compareKeyPaths(a, b)).toEqual([]);
    expect(compareKeyPaths(a, { ...b, X: Buffer.from("v2") }).map((difference) => difference.path)).toEqual(["X"]);
  });

  it("reads an mcx setting and a domain-style payload's key under its preference domain", () => {
    expect(compareKeyPaths(mcx({ DenyLocal: false }), mcx({ DenyLocal: true }))[0]!.path).toBe("com.jamf.connect.login.DenyLocal");
    const domain = (value: boolean) => profile({ PayloadType: "com.jamf.connect", PayloadUUID: "u", SignIn: { AutoAuthenticate: value } });
    expect(compareKeyPaths(domain(true), domain(false))[0]!.path).toBe("com.jamf.connect.SignIn.AutoAuthenticate");
  });

  it("keeps payload keys and profile keys as they stand in the plist", () => {
    const a = { ...mcx({}), PayloadOrganization: "Contoso" };
    const payload = (mcx({}).PayloadContent as readonly PlistDict[])[0]!;
    const b = { ...a, PayloadOrganization: "Fabrikam", PayloadContent: [{ ...payload, PayloadUUID: "NEW" }] };
    expect(compareKeyPaths(a, b).map((difference) => difference.path)).toEqual(["PayloadContent[0].PayloadUUID", "PayloadOrganization"]);
  });

  it("leaves out what the ignore option names, with everything below it", () => {
    const a = { PayloadEnabled: true, Nested: { Jamf: 1, Ours: 1 } };
    const b = { Nested: { Ours: 2 } };
    const ignore = (parent: readonly (string | number)[], key: string) => key === "PayloadEnabled" || (parent[0] === "Nested" && key === "Jamf");
    expect(compareKeyPaths(a, b, { ignore }).map((difference) => difference.path)).toEqual(["Nested.Ours"]);
  });
});

describe("compareKeyPaths for import: arrays whole, keys as found", () => {
  it("reports an array once, and keeps the first side's key order before the keys only the second has", () => {
    const before = { Z: [1, 2], A: { Y: 1, X: 1 }, M: 1 };
    const after = { Z: [1, 3], A: { X: 2, Y: 1, W: 0 }, B: 0 };
    expect(compareKeyPaths(before, after, { arrays: "whole", sortKeys: false }).map((difference) => difference.path)).toEqual(["Z", "A.X", "A.W", "M", "B"]);
  });

  it("reads only own keys, so a key named like an Object property is just a key", () => {
    const before = JSON.parse('{"constructor": "x"}') as Record<string, string>;
    expect(compareKeyPaths(before, {})).toMatchObject([{ path: "constructor", before: "x", after: undefined }]);
  });
});

describe("samePlist", () => {
  it("compares all the way down, by type", () => {
    expect(samePlist({ A: [1, { B: Buffer.from("x") }] }, { A: [1, { B: new Uint8Array([120]) }] })).toBe(true);
    expect(samePlist({ A: "1" }, { A: 1 })).toBe(false);
    expect(samePlist([1, 2], [1, 2, 3])).toBe(false);
  });
});
