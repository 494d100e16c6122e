import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configJsonSchema, renderSchemaJson } from "./json-schema.js";

describe("schema/jcprofile.schema.json", () => {
  it("is the committed copy of what the config definition generates (run npm run schema)", () => {
    const committed = readFileSync(new URL("../../schema/jcprofile.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(renderSchemaJson());
  });

  it("describes the config fields and each domain's keys for editors", () => {
    const schema = configJsonSchema() as any;
    expect(schema.required).toEqual(["organization", "identifier", "environments"]);
    expect(schema.additionalProperties).toBe(false);
    const environment = schema.properties.environments.additionalProperties;
    expect(environment.properties.login.properties.clientId.pattern).toBeDefined();
    expect(environment.properties.login.properties.settings.properties.OIDCProvider.enum).toContain("Azure");
    expect(environment.properties.menubar.properties.settings.properties.IdPSettings.properties.ROPGID.type).toBe("string");
    expect(environment.properties.conditionalAccess.properties.mode.enum).toEqual(["none", "custom-scope"]);
  });
});
