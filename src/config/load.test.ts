import { describe, expect, it } from "vitest";
import { UserError } from "../errors.js";
import { parseConfigText, validateConfig } from "./load.js";

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const valid = () => ({ organization: "Contoso", identifier: "com.contoso.jc", environments: { prod: { tenant: TENANT, login: { clientId: CLIENT } } } });

function messagesOf(raw: unknown): string[] {
  try {
    validateConfig(raw, "jcprofile.json");
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    const userError = error as UserError;
    return userError.details.length > 0 ? [...userError.details] : [userError.message.replace("jcprofile.json: ", "")];
  }
  return [];
}

describe("validateConfig", () => {
  it("accepts a valid config", () => {
    expect(messagesOf(valid())).toEqual([]);
    expect(messagesOf({ ...valid(), $schema: "./schema/jcprofile.schema.json" })).toEqual([]);
  });

  it.each<[string, (config: any) => void, string]>([
    ["unknown top-level field", (c) => (c.enviroments = {}), 'enviroments: unknown field — did you mean "environments"?'],
    ["unknown environment field", (c) => (c.environments.prod.tenantId = TENANT), 'environments.prod.tenantId: unknown field — did you mean "tenant"?'],
    ["unknown field in defaults", (c) => (c.defaults = { conditionalAcess: {} }), 'defaults.conditionalAcess: unknown field — did you mean "conditionalAccess"?'],
    ["no close field", (c) => (c.environments.prod.profile = { zzzzzz: 1 }), "environments.prod.profile.zzzzzz: unknown field — known fields here: payloadStyle, removalDisallowed, loginDisplayName, menubarDisplayName, description"],
    ["missing organization", (c) => delete c.organization, "organization: is missing — add it"],
    ["bad picklist", (c) => (c.environments.prod.cloud = "gov"), 'environments.prod.cloud: "gov" is not one of "public", "usgov", "china"'],
    ["bad env name", (c) => (c.environments["prod env"] = c.environments.prod), 'environments["prod env"]'],
    ["no environments", (c) => (c.environments = {}), 'environments: {} has no environments — add one, e.g. "prod": { … }'],
    ["array expected", (c) => (c.environments.prod.login.adminRoles = "Admin"), 'environments.prod.login.adminRoles: "Admin" is a string, expected an array [ … ]'],
    ["array item", (c) => (c.environments.prod.login.adminRoles = ["Admin", ""]), 'environments.prod.login.adminRoles[1]: "" is empty'],
    ["redirect URI", (c) => (c.environments.prod.login.redirectUri = "127.0.0.1/jamfconnect"), 'environments.prod.login.redirectUri: "127.0.0.1/jamfconnect" is not an absolute URI'],
    ["http authority", (c) => (c.environments.prod.authorityHost = "http://login.example"), "is not an https URL"],
    ["api app id", (c) => (c.environments.prod.conditionalAccess = { mode: "custom-scope", apiAppId: "api://x" }), 'environments.prod.conditionalAccess.apiAppId: "api://x" is not a GUID — use the Application (client) ID of the "Jamf Connect - Conditional Access Policy API" app registration'],
  ])("%s", (_name, breakIt, expected) => {
    const config = valid();
    breakIt(config);
    expect(messagesOf(config).join("\n")).toContain(expected);
  });

  it("refuses a top level that is not an object", () => {
    expect(() => validateConfig([], "jcprofile.json")).toThrow("the top level must be an object");
  });
});

describe("parseConfigText", () => {
  it("names file, line and column", () => {
    expect(() => parseConfigText('{\n "a": 1\n "b": 2}', "c.json")).toThrow("c.json:3:2: invalid JSON: expected '}' but found '\"'");
  });

  it("accepts a byte order mark", () => {
    expect(parseConfigText('\uFEFF{"a": 1}', "c.json")).toEqual({ a: 1 });
  });
});
