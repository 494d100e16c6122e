import type { KeySpec } from "./types.js";

/** Wording shared by the checker's messages. */

/** What a spec wants, in the admin's JSON terms. */
export function expectedKind(spec: KeySpec): string {
  switch (spec.type) {
    case "string":
      return "a string";
    case "bool":
      return "a boolean";
    case "int":
      return "an integer";
    case "data":
      return "data";
    case "dict":
      return "an object";
    case "array":
      return spec.items ? `an array of ${pluralKind(spec.items)}` : "an array";
  }
}

function pluralKind(spec: KeySpec): string {
  const plurals: Record<KeySpec["type"], string> = {
    string: "strings",
    bool: "booleans",
    int: "integers",
    data: "data values",
    dict: "objects",
    array: "arrays",
  };
  return plurals[spec.type];
}

/** Lists values the way messages quote them: `Azure, EntraID, IBMCI`. */
export function listValues(values: readonly string[]): string {
  return values.join(", ");
}
