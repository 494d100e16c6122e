import { describe, expect, it } from "vitest";
import { formatPath } from "../problem.js";
import { parseConfig } from "../project/render-config.js";
import { validateConfig } from "./validate.js";

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const valid = () => ({ organization: "Contoso", identifier: "com.contoso.jc", environments: { prod: { tenant: TENANT, login: { clientId: CLIENT } } } });

/** Each problem as `path: message [fix: fix]`, so a case shows which words are the message and which the fix. */
function messagesOf(raw: unknown): string[] {
  return validateConfig(raw).problems.map((problem) => `${formatPath(problem.path)}: ${problem.message}${problem.fix === undefined ? "" : ` [fix: ${problem.fix}]`}`);
}

describe("validateConfig", () => {
  it("accepts a valid config", () => {
    expect(messagesOf(valid())).toEqual([]);
    expect(messagesOf({ ...valid(), $schema: "./schema/jcprofile.schema.json" })).toEqual([]);
  });

  it.each<[string, (config: any) => void, string]>([
    ["unknown top-level field", (c) => (c.enviroments = {}), 'enviroments: unknown field [fix: did you mean "environments"?]'],
    ["unknown environment field", (c) => (c.environments.prod.tenantId = TENANT), 'environments.prod.tenantId: unknown field [fix: did you mean "tenant"?]'],
    ["unknown field in defaults", (c) => (c.defaults = { conditionalAcess: {} }), 'defaults.conditionalAcess: unknown field [fix: did you mean "conditionalAccess"?]'],
    ["no close field", (c) => (c.environments.prod.profile = { zzzzzz: 1 }), "environments.prod.profile.zzzzzz: unknown field [fix: known fields here: payloadStyle, layout, privilegeElevation, removalDisallowed, loginDisplayName, menubarDisplayName, combinedDisplayName, elevationDisplayName, description]"],
    ["missing organization", (c) => delete c.organization, "organization: is missing [fix: add it]"],
    ["bad picklist", (c) => (c.environments.prod.cloud = "gov"), 'environments.prod.cloud: "gov" is not one of "public", "usgov", "china"'],
    ["bad env name", (c) => (c.environments["prod env"] = c.environments.prod), 'environments["prod env"]'],
    ["no environments", (c) => (c.environments = {}), 'environments: {} has no environments [fix: add one, e.g. "prod": { … }]'],
    ["array expected", (c) => (c.environments.prod.login.adminRoles = "Admin"), 'environments.prod.login.adminRoles: "Admin" is a string, expected an array [ … ]'],
    ["array item", (c) => (c.environments.prod.login.adminRoles = ["Admin", ""]), 'environments.prod.login.adminRoles[1]: "" is empty'],
    ["redirect URI", (c) => (c.environments.prod.login.redirectUri = "127.0.0.1/jamfconnect"), 'environments.prod.login.redirectUri: "127.0.0.1/jamfconnect" is not an absolute URI'],
    ["http authority", (c) => (c.environments.prod.authorityHost = "http://login.example"), "is not an https URL"],
    ["api app id", (c) => (c.environments.prod.conditionalAccess = { mode: "custom-scope", apiAppId: "api://x" }), 'environments.prod.conditionalAccess.apiAppId: "api://x" is not a GUID [fix: use the Application (client) ID of the "Jamf Connect - Conditional Access Policy API" app registration]'],
  ])("%s", (_name, breakIt, expected) => {
    const config = valid();
    breakIt(config);
    expect(messagesOf(config).join("\n")).toContain(expected);
  });

  it.each<[string, (config: any) => void, string]>([
    ["unknown-field", (c) => (c.enviroments = {}), "enviroments"],
    ["missing-field", (c) => delete c.organization, "organization"],
    ["not-allowed-value", (c) => (c.environments.prod.cloud = "gov"), "environments.prod.cloud"],
    ["wrong-type", (c) => (c.environments.prod.login.adminRoles = "Admin"), "environments.prod.login.adminRoles"],
    ["invalid-value", (c) => (c.environments.prod.tenant = "nope"), "environments.prod.tenant"],
    ["wrong-type", (c) => (c.environments.prod.login = []), "environments.prod.login"],
    ["case-twin", (c) => (c.environments.Prod = c.environments.prod), "environments.Prod"],
  ])("code %s", (code, breakIt, path) => {
    const config = valid();
    breakIt(config);
    expect(validateConfig(config).problems.map((problem) => [formatPath(problem.path), problem.code])).toEqual([[path, code]]);
  });

  it("refuses a top level that is not an object", () => {
    expect(messagesOf([]).join("")).toContain("the top level must be an object");
  });
});

describe("parseConfig", () => {
  it("names file, line and column", () => {
    expect(parseConfig({ text: '{\n "a": 1\n "b": 2}', displayPath: "c.json" }).problems).toEqual([
      { severity: "error", path: [], file: "c.json", line: 3, column: 2, message: "invalid JSON: expected '}' but found '\"'", code: "invalid-json" },
    ]);
  });

  it("gives the scanner's fix apart", () => {
    const [problem] = parseConfig({ text: '{"a": "C:\\xyz"}', displayPath: "c.json" }).problems;
    expect(problem).toMatchObject({ code: "invalid-json", message: "invalid JSON: \\x is not a JSON escape", fix: expect.stringMatching(/^write \\\\ for a backslash/) });
  });

  it("accepts a byte order mark and comments", () => {
    expect(parseConfig({ text: '\uFEFF// note\n{"a": /* x */ 1}', displayPath: "c.json" }).raw).toEqual({ a: 1 });
  });
});

describe("names valibot would skip, and arrays where objects belong", () => {
  it.each(["constructor", "prototype", "toString"])("an environment named %s is kept and checked", (name) => {
    const config = valid() as any;
    config.environments = JSON.parse(`{"${name}": {"tenant": "nope"}}`);
    expect(messagesOf(config)).toEqual([`environments.${name}.tenant: "nope" is not a tenant ID or domain [fix: use the Directory (tenant) ID from the Entra admin center's Overview page, or a verified domain such as contoso.onmicrosoft.com]`]);
    config.environments[name].tenant = TENANT;
    expect(Object.keys(validateConfig(config).config!.environments)).toEqual([name]);
  });

  it("__proto__ as an environment is refused by the name rule, not dropped", () => {
    const config = valid() as any;
    config.environments = JSON.parse('{"__proto__": {"tenant": "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f"}}');
    expect(messagesOf(config).join("\n")).toContain('environments.__proto__: "__proto__" is not a usable environment name');
  });

  it.each([
    ["defaults", (c: any) => (c.defaults = [])],
    ["environments.prod", (c: any) => (c.environments.prod = [])],
    ["environments.prod.login", (c: any) => (c.environments.prod.login = [{ clientId: CLIENT }])],
    ["environments.prod.login.settings", (c: any) => (c.environments.prod.login.settings = [])],
    ["environments.prod.conditionalAccess", (c: any) => (c.environments.prod.conditionalAccess = [])],
    ["environments.prod.profile", (c: any) => (c.environments.prod.profile = [])],
  ])("an array at %s is 'expected an object'", (path, breakIt) => {
    const config = valid();
    breakIt(config);
    expect(messagesOf(config)).toEqual([expect.stringMatching(new RegExp(`^${path.replaceAll(".", "\\.")}: \\[.*\\] is an array, expected an object`))]);
  });

  it("two environments differing only in case are refused", () => {
    const config = valid() as any;
    config.environments.Prod = config.environments.prod;
    expect(messagesOf(config)).toEqual(['environments.Prod: differs from "prod" only in letter case [fix: on a Mac\'s case-insensitive disk both would build into one folder; rename one]']);
  });
});
