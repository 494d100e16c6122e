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

describe("closestMatch's shortcuts change no answer", () => {
  it("gives what a plain comparison with every candidate gives, over 3000 seeded random names", () => {
    let seed = 12345;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const word = (length: number) => Array.from({ length }, () => "abcdeOIDCRopg1_"[Math.floor(next() * 15)]).join("");
    const candidates = Array.from({ length: 60 }, () => word(3 + Math.floor(next() * 12)));
    const plain = (name: string) => {
      const limit = name.length <= 4 ? 1 : name.length <= 8 ? 2 : 3;
      let best: string | undefined;
      let bestDistance = Infinity;
      for (const candidate of candidates) {
        if (candidate.toLowerCase() === name.toLowerCase()) return candidate;
        const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
        if (distance <= limit && distance < bestDistance) [best, bestDistance] = [candidate, distance];
      }
      return best;
    };
    for (let round = 0; round < 3000; round++) {
      // Half of them near a candidate (one or two letters changed), half anywhere.
      const base = round % 2 === 0 ? candidates[Math.floor(next() * candidates.length)]! : word(3 + Math.floor(next() * 12));
      const name = base.slice(0, Math.floor(next() * base.length)) + word(Math.floor(next() * 3)) + base.slice(Math.floor(next() * base.length));
      expect(closestMatch(name, candidates), name).toBe(plain(name));
    }
  });
});
