import { describe, expect, it } from "vitest";
import { ENTRA_KEYS, ENTRA_PROVIDERS, valueAtPath } from "../catalog/entra-keys.js";
import { DOMAINS } from "../profile/domains.js";
import { templateMap } from "./fields.js";

describe("templateMap: the templates and the Entra key table agree", () => {
  it.each(DOMAINS)("%s: the tenant, the password check's app and its scopes are filled where the table says", (domain) => {
    const keys = ENTRA_KEYS[domain];
    const { owned, defaults } = templateMap(domain);
    expect(owned.get(keys.tenant.join("."))).toBe("tenant");
    expect(owned.get(keys.ropgClientId.join("."))).toMatch(/\.ropgClientId$/);
    expect(owned.get(keys.ropgScopes.join("."))).toMatch(/RopgScopes$/);
    expect(ENTRA_PROVIDERS).toContain(valueAtPath(defaults, keys.provider));
  });

  it("keeps a `?` default out of the owned keys and out of the fixed values", () => {
    const { owned, defaults } = templateMap("com.jamf.connect.login");
    expect(owned.has("OIDCAdminAttribute")).toBe(false);
    expect(defaults).toEqual({ OIDCProvider: "Azure", OIDCNewPassword: false });
  });
});
