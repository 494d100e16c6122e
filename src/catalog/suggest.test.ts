import { describe, expect, it } from "vitest";
import { closestMatch, editDistance } from "./suggest.js";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
    ["OIDCProvder", "OIDCProvider", 1],
    // An adjacent swap is one edit, not two.
    ["OIDCPorvider", "OIDCProvider", 1],
    ["ab", "ba", 1],
    ["DenyLocal", "DenyLocal", 0],
  ])("%j → %j is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe("closestMatch", () => {
  const keys = ["OIDCProvider", "OIDCProviderX", "OIDCTenant", "DenyLocal", "Migrate", "HelpURL", "Realm"];

  it.each([
    ["OIDCProvder", "OIDCProvider"],
    ["oidcprovider", "OIDCProvider"],
    ["OIDCPROVIDER", "OIDCProvider"],
    ["OIDCPorvider", "OIDCProvider"],
    ["OIDCTenat", "OIDCTenant"],
    ["denylocal", "DenyLocal"],
    ["Migrat", "Migrate"],
    ["HelpURLs", "HelpURL"],
    ["Relm", "Realm"],
  ])("%j suggests %j", (name, expected) => {
    expect(closestMatch(name, keys)).toBe(expected);
  });

  it.each(["Foo", "SomethingElse", "Mgrt", "ROPGSuccess"])("%j suggests nothing", (name) => {
    expect(closestMatch(name, keys)).toBeUndefined();
  });

  it("prefers a case-only difference over an earlier near miss", () => {
    expect(closestMatch("migratE", ["Migrates", "Migrate"])).toBe("Migrate");
  });

  it("takes the earlier candidate on a tie", () => {
    expect(closestMatch("Realx", ["Realm", "Reals"])).toBe("Realm");
  });

  it("returns undefined for no candidates", () => {
    expect(closestMatch("Realm", [])).toBeUndefined();
  });
});
