/** The Jamf Connect key catalogue: key specs as data, a settings checker and cross-key rules. */
export type { Problem, Domain, KeyMap, KeySpec, ValueType } from "./types.js";
export type { CheckOptions } from "./check.js";
export type { JsonSchema } from "./json-schema.js";
export { catalogKeys, lookupKey } from "./catalog.js";
export { checkSettings } from "./check.js";
export { checkRules } from "./rules.js";
export { catalogJsonSchema } from "./json-schema.js";
