import { describe, expect, it } from "vitest";
import { lookupKey } from "./catalog.js";
import { clientIdPaths, ENTRA_KEYS, scopePaths, valueAtPath, type EntraKeys, type KeyPath } from "./entra-keys.js";
import { DOMAINS } from "../profile/domains.js";

const pathsOf = (keys: EntraKeys): KeyPath[] => [
  keys.provider, keys.tenant, keys.ropgClientId, keys.ropgScopes, keys.successCodes, ...clientIdPaths(keys), ...scopePaths(keys), ...keys.clientSecrets,
];

describe("ENTRA_KEYS", () => {
  it.each(DOMAINS)("names only keys the catalogue knows in %s", (domain) => {
    const unknown = pathsOf(ENTRA_KEYS[domain]).filter((path) => lookupKey(domain, path) === undefined);
    expect(unknown).toEqual([]);
  });

  it("puts the login window's sign-in before its password check, and the password check's scopes first", () => {
    const login = ENTRA_KEYS["com.jamf.connect.login"];
    expect(clientIdPaths(login)).toEqual([["OIDCClientID"], ["OIDCROPGID"]]);
    expect(scopePaths(login)).toEqual([["ROPGScopes"], ["OIDCScopes"]]);
    expect(clientIdPaths(ENTRA_KEYS["com.jamf.connect"])).toEqual([["IdPSettings", "ROPGID"]]);
  });
});

describe("valueAtPath", () => {
  it("steps into dictionaries by own keys only, never into arrays or inherited names", () => {
    const prefs = { IdPSettings: { TenantID: "t" }, List: ["a"], Data: new Uint8Array([1]) };
    expect(valueAtPath(prefs, ["IdPSettings", "TenantID"])).toBe("t");
    expect(valueAtPath(prefs, ["List", "0"])).toBeUndefined();
    expect(valueAtPath(prefs, ["Data", "0"])).toBeUndefined();
    expect(valueAtPath(prefs, ["IdPSettings", "constructor"])).toBeUndefined();
    expect(valueAtPath(prefs, [])).toBe(prefs);
  });
});
