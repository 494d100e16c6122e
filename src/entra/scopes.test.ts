import { describe, expect, it } from "vitest";
import { hasCustomScope, scopeKey, splitScopes } from "./scopes.js";

describe("splitScopes", () => {
  it.each([
    ["api://7d2c/jamfconnect+openid+email+profile", ["api://7d2c/jamfconnect", "openid", "email", "profile"]],
    ["openid profile email", ["openid", "profile", "email"]],
    ["  openid++profile \t email+ ", ["openid", "profile", "email"]],
    ["", []],
  ])("%j", (value, expected) => {
    expect(splitScopes(value)).toEqual(expected);
  });
});

describe("hasCustomScope", () => {
  it("is false for the OIDC scopes, true once an API scope is named", () => {
    expect(hasCustomScope(["openid", "PROFILE", "email", "offline_access"])).toBe(false);
    expect(hasCustomScope(["api://7d2c/jamfconnect", "openid"])).toBe(true);
  });
});

describe("scopeKey", () => {
  it("ignores order and repeats but not case", () => {
    expect(scopeKey(["email", "openid", "email"])).toBe(scopeKey(["openid", "email"]));
    expect(scopeKey(["api://x/JamfConnect"])).not.toBe(scopeKey(["api://x/jamfconnect"]));
  });
});
