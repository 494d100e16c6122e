import { showValue } from "../values.js";
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

/** The edit that fixes a type mismatch in a property list, in plist terms (lint's wording). */
export function plistTypeHint(spec: KeySpec, value: unknown): string {
  switch (spec.type) {
    case "bool":
      return typeof value === "string" && /^(true|false)$/i.test(value.trim())
        ? ` (write <${value.trim().toLowerCase()}/>)`
        : " (write <true/> or <false/>)";
    case "int":
      return typeof value === "string" && /^-?\d+$/.test(value.trim()) ? ` (write <integer>${value.trim()}</integer>)` : " (write an <integer>)";
    case "string":
      return typeof value === "number" || typeof value === "boolean" ? ` (write <string>${String(value)}</string>)` : " (write a <string>)";
    case "array":
      return " (write an <array>)";
    case "dict":
      return " (write a <dict>)";
    case "data":
      return " (write <data>)";
  }
}

/** The edit that most often fixes a type mismatch in the config's JSON, when there is an obvious one. */
export function jsonTypeHint(spec: KeySpec, value: unknown): string {
  if (spec.type === "bool") {
    if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) {
      return ` (write ${value.trim().toLowerCase()} without quotes)`;
    }
    return " (write true or false)";
  }
  if (spec.type === "int" && typeof value === "string" && /^-?\d+$/.test(value.trim())) {
    return ` (write ${value.trim()} without quotes)`;
  }
  if (spec.type === "string" && (typeof value === "number" || typeof value === "boolean")) {
    return ` (write "${String(value)}" with quotes)`;
  }
  if (spec.type === "array" && spec.items?.type === "string" && typeof value === "string") {
    return ` (write [${showValue(value)}])`;
  }
  return "";
}
