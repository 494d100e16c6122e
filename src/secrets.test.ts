import { describe, expect, it } from "vitest";
import { catalogKeys } from "./catalog/index.js";
import type { KeyMap } from "./catalog/index.js";
import { DOMAINS } from "./profile/domains.js";
import { findSecrets, isSecretName, isSecretValue } from "./secrets.js";

/** Every string or data key of the catalogue, nested ones included, as "Parent.Key". */
function textKeys(keys: KeyMap, prefix = ""): string[] {
  return Object.entries(keys).flatMap(([name, spec]) => [
    ...(spec.type === "string" || spec.type === "data" || spec.items?.type === "string" ? [`${prefix}${name}`] : []),
    ...(spec.keys !== undefined ? textKeys(spec.keys, `${prefix}${name}.`) : []),
  ]);
}

describe("the one rule for secrets", () => {
  it.each(["OIDCClientSecret", "oidcclientsecret", "OIDCClientSecrt", "OIDCClientScret", "ROPGClientSecert", "MyAppSecret", "client_secret", "JAMF_PASSWORD", "passwrd", "api-key", "AccessToken", "ClientSecretValue", "Secret2"])(
    "%s is a secret's name",
    (name) => expect(isSecretName(name)).toBe(true),
  );

  it.each(["OIDCClientID", "ChangePasswordURL", "ResetPasswordURL", "PasswordLabel", "OnPasswordChange", "OneTimePasswordMessage", "OIDCIDTokenPath", "SecureNetworks", "OIDCSecondaryAccess", "OIDCUsePassthroughAuth"])(
    "%s is not",
    (name) => expect(isSecretName(name)).toBe(false),
  );

  it("among the catalogue's text keys, only Jamf Connect's four client secrets are named like one", () => {
    const named = DOMAINS.flatMap((domain) => textKeys(catalogKeys(domain))).filter((path) => isSecretName(path.split(".").at(-1)!));
    expect(named.sort()).toEqual(["AuthUIOIDCClientSecret", "IdPSettings.ClientSecret", "OIDCClientSecret", "ROPGClientSecret"]);
  });

  it.each([
    ["an Entra secret Value (2020s)", "Abc8Q~dEfGhIjKlMnOpQrStUvWxYz0123456789_a"],
    ["an older base64 secret", "aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5zA7bC9d="],
    ["an older secret with symbols", "aB3:dE5fG7[hI9jK1lM3nO5pQ7rS9t-U"],
    ["a JWT", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGVsZSJ9.c2lnbmF0dXJl"],
  ])("%s is shaped like a secret", (_name, value) => expect(isSecretValue(value)).toBe(true));

  it.each(["9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f", "https://contoso.jamfcloud.com/api/v1/things", "api://e5a8c3f1-9b2d-4e7a-8c6f-3d1b5a9e7c20/jamfconnect", "Contoso Ltd", "Sign in with your Contoso account to continue.", "com.contoso.jamfconnect.login.settings"])(
    "%s is not",
    (value) => expect(isSecretValue(value)).toBe(false),
  );

  it("finds secrets by name and by shape, nested in dictionaries and arrays, and deep nesting is no limit", () => {
    let deep: unknown = { ClientSecret: "x" };
    for (let i = 0; i < 20_000; i++) deep = { Inner: deep };
    const found = findSecrets({ OIDCClientID: "Abc8Q~dEfGhIjKlMnOpQrStUvWxYz0123456789_a", Extra: [{ my_password: "hunter2" }], ChangePasswordURL: "https://x", Deep: deep, Empty: { OIDCClientSecret: "" } });
    expect(found.map((path) => path.slice(0, 2).join("."))).toEqual(["Deep.Inner", "Extra.0", "OIDCClientID"]);
  });
});
