import { toJsonSchema } from "@valibot/to-json-schema";
import { catalogJsonSchema } from "../catalog/index.js";
import {
  DOMAIN_PATTERN,
  GUID_PATTERN,
  absoluteUriSchema,
  configSchema,
  httpsUrlSchema,
  loginSettingsSchema,
  menubarSettingsSchema,
  refusedSecretSchema,
  tenantSchema,
} from "./schema.js";

/**
 * The published JSON Schema: the valibot definition, with each domain's `settings` described
 * key by key from the catalogue so editors complete Jamf Connect keys too.
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(configSchema, {
    errorMode: "throw",
    overrideSchema: ({ valibotSchema }) => {
      // A pipe is converted through its first schema, so match either object.
      if (valibotSchema === loginSettingsSchema || valibotSchema === loginSettingsSchema.pipe[0]) {
        return withoutDraft(catalogJsonSchema("com.jamf.connect.login"));
      }
      if (valibotSchema === menubarSettingsSchema || valibotSchema === menubarSettingsSchema.pipe[0]) {
        return withoutDraft(catalogJsonSchema("com.jamf.connect"));
      }
      if (valibotSchema === tenantSchema) {
        return {
          type: "string",
          pattern: `${GUID_PATTERN.source}|${DOMAIN_PATTERN.source}`,
          description: "Directory (tenant) ID, or a verified domain such as contoso.onmicrosoft.com",
        };
      }
      // Never valid: the field exists only so that resolve can refuse it in its own words.
      if (valibotSchema === refusedSecretSchema.pipe[0]) return { not: {} };
      if (valibotSchema === httpsUrlSchema) return { type: "string", format: "uri", pattern: "^https://" };
      if (valibotSchema === absoluteUriSchema) return { type: "string", format: "uri" };
      return undefined;
    },
    // The environments check (at least one) has no JSON Schema form; minProperties says it.
    overrideAction: ({ valibotAction, jsonSchema }) => (valibotAction.type === "check" ? { ...jsonSchema, minProperties: 1 } : undefined),
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: "jcprofile.json",
    description: "Jamf Connect profiles for Microsoft Entra ID, per environment (jcprofile build / probe / init)",
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema")),
  };
}

function withoutDraft(schema: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema"));
}

export function renderSchemaJson(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
