import { describe, expect, it } from "vitest";
import { catalogKeys } from "./catalog.js";
import { catalogJsonSchema, type JsonSchema } from "./json-schema.js";
import type { Domain, KeyMap } from "./types.js";

const DOMAINS: readonly Domain[] = ["com.jamf.connect.login", "com.jamf.connect"];

function property(schema: JsonSchema, ...path: string[]): JsonSchema {
  let current = schema;
  for (const step of path) {
    const next = current.properties?.[step];
    if (next === undefined) throw new Error(`no property ${path.join(".")}`);
    current = next;
  }
  return current;
}

/** Every object schema in the tree, with where it is. */
function* objectSchemas(schema: JsonSchema, path = "(root)"): Generator<[string, JsonSchema]> {
  if (schema.type === "object") yield [path, schema];
  for (const [name, child] of Object.entries(schema.properties ?? {})) yield* objectSchemas(child, `${path}.${name}`);
  if (schema.items) yield* objectSchemas(schema.items, `${path}[]`);
}

describe("catalogJsonSchema", () => {
  it("describes the login domain as a draft-07 object", () => {
    const schema = catalogJsonSchema("com.jamf.connect.login");
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.title).toBe("com.jamf.connect.login settings");
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(true);
  });

  it.each([
    [["DenyLocal"], { type: "boolean", description: expect.stringMatching(/^Hide local login so users must authenticate with the IdP\.\nSource: /) }],
    [["OIDCAdmin"], { type: "array", description: expect.any(String), items: { type: "string" } }],
    [["ROPGProvider"], { type: "string", description: expect.any(String), enum: ["Custom", "Azure_v2"] }],
  ] as const)("login %j", (path, expected) => {
    expect(property(catalogJsonSchema("com.jamf.connect.login"), ...path)).toEqual(expected);
  });

  it("maps int to integer in nested dictionaries", () => {
    const schema = catalogJsonSchema("com.jamf.connect");
    expect(property(schema, "PasswordPolicies", "NetworkCheck").type).toBe("integer");
    expect(property(schema, "PasswordPolicies", "PolicyRequirements", "minLength").type).toBe("integer");
  });

  it("writes the lines `jcprofile keys` prints into descriptions", () => {
    const login = catalogJsonSchema("com.jamf.connect.login");
    expect(property(login, "ROPGScopes").description).toBe(
      [
        "Scopes of the login window's ROPG password check, e.g. openid+email+profile.",
        "Since 2.17.",
        "Source: jamf/jamfconnect@f742959 azure_conditional_access/4_-_Modifying_Jamf_Connect_to_apply_Azure_Conditio.pdf",
      ].join("\n"),
    );
    const menubar = catalogJsonSchema("com.jamf.connect");
    expect(property(menubar, "IdPSettings", "ROPGScopes").description).toContain(
      "\nUNVERIFIED: key name for the menu bar ROPG scopes is not confirmed by any source.\n",
    );
    expect(property(login, "OIDCProvider").description).toContain("UNVERIFIED: value Okta-OIDC: the login-window page");
    expect(property(login, "AuthServer").description).toContain("\nUsed only with: Okta, OktaIdentityEngine, Okta-OIDC.\n");
    expect(property(menubar, "TemporaryUserPermissions", "UserPromotionDuration")).toMatchObject({
      type: "integer",
      default: 5,
      description: expect.stringContaining("\nDefault: 5.\n"),
    });
  });

  it("describes the dictionaries of an array item by item (UserPromotionRole)", () => {
    const roles = property(catalogJsonSchema("com.jamf.connect"), "TemporaryUserPermissions", "UserPromotionRole");
    expect(roles.type).toBe("array");
    expect(roles.items?.type).toBe("object");
    expect(roles.items?.description).toBeUndefined();
    expect(Object.keys(roles.items?.properties ?? {})).toEqual(["Name", "Duration", "OIDCAdminAttribute", "Provider"]);
    expect(roles.items?.properties?.Duration?.type).toBe("integer");
    expect(roles.items?.properties?.Provider?.enum).toContain("EntraID");
  });

  it("leaves out a type no source shows, so editors never reject what jcprofile only warns about", () => {
    const size = property(catalogJsonSchema("com.jamf.connect.login"), "LoginWindowSize");
    expect(size.type).toBeUndefined();
    expect(size.description).toContain("\nType assumed (no source shows it)");
    const choices = property(catalogJsonSchema("com.jamf.connect"), "TemporaryUserPermissions", "UserPromotionChoices");
    expect(choices.type).toBe("array");
    expect(choices.items).toEqual({});
  });

  it("offers HiddenMenuItems values without enforcing them", () => {
    const hidden = property(catalogJsonSchema("com.jamf.connect"), "HiddenMenuItems");
    expect(hidden.items?.enum).toBeUndefined();
    expect(hidden.items?.examples).toContain("quitjamfconnect");
    expect(hidden.description).toContain("UNVERIFIED: case-sensitivity");
  });

  it("keeps free-form dictionaries open", () => {
    expect(property(catalogJsonSchema("com.jamf.connect"), "Keychain", "InternetItems")).toEqual({
      type: "object",
      description: expect.stringMatching(/^Internet password items to update\.\nSource: /),
      additionalProperties: true,
    });
  });

  it.each(DOMAINS)("%s leaves out LicenseFile, which settings cannot set", (domain) => {
    expect(catalogJsonSchema(domain).properties).not.toHaveProperty("LicenseFile");
  });

  it.each(DOMAINS)("%s allows additional properties at every level", (domain) => {
    const closed = [...objectSchemas(catalogJsonSchema(domain))].filter(([, schema]) => schema.additionalProperties !== true);
    expect(closed.map(([path]) => path)).toEqual([]);
  });

  it.each(DOMAINS)("%s lists every non-data key of the catalogue", (domain) => {
    const missing: string[] = [];
    const visit = (keys: KeyMap, schema: JsonSchema, path: string): void => {
      for (const [name, spec] of Object.entries(keys)) {
        if (spec.type === "data") continue;
        const child = schema.properties?.[name];
        if (child === undefined) missing.push(`${path}${name}`);
        else if (spec.keys) visit(spec.keys, child, `${path}${name}.`);
        else if (spec.items?.keys) visit(spec.items.keys, child.items ?? {}, `${path}${name}[].`);
      }
    };
    visit(catalogKeys(domain), catalogJsonSchema(domain), "");
    expect(missing).toEqual([]);
  });

  it.each(DOMAINS)("%s is plain JSON data and a fresh object per call", (domain) => {
    const schema = catalogJsonSchema(domain);
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    expect(catalogJsonSchema(domain)).not.toBe(schema);
  });
});
