import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatJson, newConfigText, schemaReference, setConfigValue } from "./write-config.js";

const example = readFileSync(new URL("../../examples/contoso.jcprofile.json", import.meta.url), "utf8");
const staging = { tenant: "contoso.onmicrosoft.com", login: { clientId: "2c4f7e10-6b3d-4a8e-9f21-5d7c3b8a1e64", adminRoles: ["Admin"] } };

/** The text is `original` with one insertion: returns what was inserted. */
function insertion(original: string, edited: string): string {
  let prefix = 0;
  while (prefix < original.length && edited[prefix] === original[prefix]) prefix++;
  let suffix = 0;
  while (suffix < original.length - prefix && edited[edited.length - 1 - suffix] === original[original.length - 1 - suffix]) suffix++;
  expect(prefix + suffix).toBe(original.length);
  return edited.slice(prefix, edited.length - suffix);
}

describe("setConfigValue", () => {
  it("adds an environment after the last one, leaving every other byte (order, inline arrays, $schema) alone", () => {
    const edited = setConfigValue(example, ["environments", "staging"], staging);
    expect(insertion(example, edited)).toBe(
      [
        ",",
        '    "staging": {',
        '      "tenant": "contoso.onmicrosoft.com",',
        '      "login": {',
        '        "clientId": "2c4f7e10-6b3d-4a8e-9f21-5d7c3b8a1e64",',
        '        "adminRoles": ["Admin"]',
        "      }",
        "    }",
      ].join("\n"),
    );
    const parsed = JSON.parse(edited) as { environments: Record<string, unknown>; $schema: string };
    expect(Object.keys(parsed.environments)).toEqual(["test", "prod", "staging"]);
    expect(parsed.environments["staging"]).toEqual(staging);
    expect(edited.endsWith("}\n")).toBe(true);
  });

  it("replaces one environment's value and keeps the text around it", () => {
    const edited = setConfigValue(example, ["environments", "test"], { tenant: "fabrikam.onmicrosoft.com" });
    const start = example.indexOf('"test": ') + '"test": '.length;
    const end = example.indexOf('    "prod": {');
    expect(edited.slice(0, start)).toBe(example.slice(0, start));
    expect(edited.slice(edited.indexOf('    "prod": {'))).toBe(example.slice(end));
    expect(edited.slice(start, edited.indexOf('    "prod": {'))).toBe('{\n      "tenant": "fabrikam.onmicrosoft.com"\n    },\n');
  });

  it("is the identity when the value is set to what the text already says, when formatted the same way", () => {
    const text = newConfigText({ organization: "A", identifier: "com.a.b", environments: { prod: staging } });
    expect(setConfigValue(text, ["environments", "prod"], staging)).toBe(text);
  });

  it("creates missing objects on the way, and keeps CRLF line endings and tab indentation", () => {
    const text = '{\r\n\t"organization": "A",\r\n\t"environments": {}\r\n}\r\n';
    const edited = setConfigValue(text, ["environments", "prod"], { tenant: "x.example.com" });
    expect(edited).toBe('{\r\n\t"organization": "A",\r\n\t"environments": {\r\n\t\t"prod": {\r\n\t\t\t"tenant": "x.example.com"\r\n\t\t}\r\n\t}\r\n}\r\n');
    const nested = setConfigValue(edited, ["defaults", "login", "adminRoles"], ["Admin"]);
    expect(JSON.parse(nested)).toEqual({ organization: "A", environments: { prod: { tenant: "x.example.com" } }, defaults: { login: { adminRoles: ["Admin"] } } });
  });

  it("writes into an object kept on one line as one line", () => {
    const text = '{ "organization": "A", "environments": { "test": { "tenant": "t.example.com" } } }';
    const edited = setConfigValue(text, ["environments", "prod"], { tenant: "p.example.com" });
    expect(edited).toBe('{ "organization": "A", "environments": { "test": { "tenant": "t.example.com" }, "prod": {"tenant":"p.example.com"} } }');
    expect(setConfigValue(text, ["organization"], "B")).toBe(text.replace('"A"', '"B"'));
  });

  it("finds keys with escapes and values with brackets inside strings", () => {
    const text = '{\n  "a\\"}": "[{\\"",\n  "environments": { "x": [1, {"y": "}"}] }\n}\n';
    const edited = setConfigValue(text, ["environments", "x"], 2);
    expect(JSON.parse(edited)).toEqual({ 'a"}': '[{"', environments: { x: 2 } });
  });
});

describe("formatJson and newConfigText", () => {
  it("indents two spaces, keeps short lists of plain values inline and ends with a newline", () => {
    expect(newConfigText({ $schema: "./s.json", list: ["a", "b"], empty: {}, none: [], nested: { objects: [{ a: 1 }] } })).toBe(
      '{\n  "$schema": "./s.json",\n  "list": ["a", "b"],\n  "empty": {},\n  "none": [],\n  "nested": {\n    "objects": [\n      {\n        "a": 1\n      }\n    ]\n  }\n}\n',
    );
    const long = Array.from({ length: 12 }, (_unused, index) => `role-number-${index}`);
    expect(formatJson(long).split("\n")).toHaveLength(14);
  });
});

describe("schemaReference", () => {
  const VERSION = "1.2.3";
  const PUBLISHED = "https://cdn.jsdelivr.net/npm/jcprofile@1.2.3/schema/jcprofile.schema.json";

  it("points at the package's schema when it is installed in a node_modules at or above the config's folder", () => {
    const project = join("/", "work", "mac");
    expect(schemaReference(project, join(project, "node_modules", "jcprofile"), VERSION)).toBe("./node_modules/jcprofile/schema/jcprofile.schema.json");
    expect(schemaReference(join(project, "profiles"), join(project, "node_modules", "jcprofile"), VERSION)).toBe("../node_modules/jcprofile/schema/jcprofile.schema.json");
  });

  it("points into jcprofile's own checkout for a config inside it", () => {
    const checkout = join("/", "src", "jcprofile");
    expect(schemaReference(join(checkout, "examples"), checkout, VERSION)).toBe("../schema/jcprofile.schema.json");
  });

  it("uses the published schema for a global install, an npx cache or another checkout: paths a colleague's clone would not have", () => {
    const project = join("/", "work", "mac");
    expect(schemaReference(project, join("/", "usr", "lib", "node_modules", "jcprofile"), VERSION)).toBe(PUBLISHED);
    expect(schemaReference(project, join("/", "root", ".npm", "_npx", "ab12", "node_modules", "jcprofile"), VERSION)).toBe(PUBLISHED);
    expect(schemaReference(project, join("/", "src", "jcprofile"), VERSION)).toBe(PUBLISHED);
  });
});
