import { catalogKeys } from "./catalog.js";
import { factLines, factsOf } from "./explain.js";
import type { Domain, KeyMap, KeySpec, ValueType } from "./types.js";

/**
 * The catalogue as a draft-07 JSON Schema for editors: completion and hover text for
 * `settings`. Unknown keys stay allowed at every level (jcprofile itself decides whether they
 * are errors or warnings), so this schema never contradicts `checkSettings`.
 */

export interface JsonSchema {
  $schema?: string;
  title?: string;
  description?: string;
  type?: "string" | "boolean" | "integer" | "array" | "object";
  enum?: string[];
  examples?: string[];
  default?: boolean | number | string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean;
}

const DRAFT_07 = "http://json-schema.org/draft-07/schema#";

const DOMAIN_DESCRIPTIONS: Readonly<Record<Domain, string>> = {
  "com.jamf.connect.login": "Preference keys of the Jamf Connect login window (com.jamf.connect.login).",
  "com.jamf.connect":
    "Preference keys of the Jamf Connect menu bar app (com.jamf.connect, new in Jamf Connect 2.0.0; Self Service+ from 3.0).",
};

const JSON_TYPES: Readonly<Record<Exclude<ValueType, "data">, NonNullable<JsonSchema["type"]>>> = {
  string: "string",
  bool: "boolean",
  int: "integer",
  array: "array",
  dict: "object",
};

export function catalogJsonSchema(domain: Domain): JsonSchema {
  return {
    $schema: DRAFT_07,
    title: `${domain} settings`,
    description: DOMAIN_DESCRIPTIONS[domain],
    type: "object",
    properties: propertiesOf(domain, catalogKeys(domain), ""),
    additionalProperties: true,
  };
}

/** Data keys are left out: settings cannot set them, so editors should not offer them. */
function propertiesOf(domain: Domain, keys: KeyMap, prefix: string): Record<string, JsonSchema> {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, spec] of Object.entries(keys)) {
    const schema = schemaOf(domain, spec, `${prefix}${name}`);
    if (schema !== undefined) properties[name] = schema;
  }
  return properties;
}

/**
 * `path` is the catalogue path (`UserPromotionRole[]` for an array's items). Keys get the hover
 * text `jcprofile keys` prints; array item specs are not keys and get none.
 */
function schemaOf(domain: Domain, spec: KeySpec, path: string, isKey = true): JsonSchema | undefined {
  if (spec.type === "data") return undefined;
  // An assumed type is left out, so that an editor never rejects what jcprofile only warns about.
  const schema: JsonSchema = spec.assumedType ? {} : { type: JSON_TYPES[spec.type] };
  if (isKey) schema.description = factLines(factsOf(domain, path, spec)).join("\n");
  if (spec.default !== undefined) schema.default = spec.default;
  if (spec.values) schema.enum = [...spec.values];
  // Documented but unenforced values: offered for completion without rejecting others.
  if (spec.knownValues) schema.examples = [...spec.knownValues];
  if (spec.type === "array" && spec.items) {
    const items = schemaOf(domain, spec.items, `${path}[]`, false);
    if (items !== undefined) schema.items = items;
  }
  if (spec.type === "dict") {
    if (spec.keys) schema.properties = propertiesOf(domain, spec.keys, `${path}.`);
    schema.additionalProperties = true;
  }
  return schema;
}
