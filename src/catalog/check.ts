import { catalogKeys, locateKey, specOf } from "./catalog.js";
import { closestMatch } from "./suggest.js";
import { isSecretName } from "../secrets.js";
import { findUnwritableChar, kindOf, showValue } from "../values.js";
import { expectedKind, jsonTypeHint, listValues, plistTypeHint } from "./text.js";
import type { Problem, Domain, KeyMap, KeySpec } from "./types.js";

export type { Problem, Domain } from "./types.js";

export interface CheckOptions {
  /**
   * "warn" lets keys newer than the catalogue through, with a warning. "typos" (lint): a key
   * that looks like a known one, or belongs elsewhere, is an error; any other is a warning.
   */
  readonly unknownKeys: "error" | "warn" | "typos";
  /**
   * "settings" (default): JSON from the config, where data keys are jcprofile's to write.
   * "profile": preferences read from a profile, which hold data and dates and are fixed in plist terms.
   */
  readonly source?: "settings" | "profile";
}

type Path = readonly (string | number)[];

interface Context {
  readonly domain: Domain;
  readonly options: CheckOptions;
  readonly issues: Problem[];
}

/**
 * Checks an environment's `settings` for one domain against the catalogue: key names, value
 * types, allowed values and what a property list can hold. Returns every problem found; never
 * throws on user input.
 */
export function checkSettings(
  domain: Domain,
  settings: Readonly<Record<string, unknown>>,
  options: CheckOptions,
): Problem[] {
  const context: Context = { domain, options, issues: [] };
  if (!isPlainObject(settings)) {
    error(context, [], `${showValue(settings)} is ${kindOf(settings)}, expected an object of ${domain} keys`, "wrong-type");
  } else {
    checkDict(context, catalogKeys(domain), settings, []);
  }
  return context.issues;
}

function checkDict(context: Context, keys: KeyMap, dict: Readonly<Record<string, unknown>>, path: Path): void {
  for (const [name, value] of Object.entries(dict)) {
    const here = [...path, name];
    checkKeyName(context, name, here);
    const spec = specOf(keys, name);
    if (spec === undefined) {
      reportUnknown(context, keys, name, here);
      // Passed through unchecked, but it still has to fit in a property list.
      checkFreeForm(context, value, here);
    } else {
      checkValue(context, spec, value, here);
    }
  }
}

function checkValue(context: Context, spec: KeySpec, value: unknown, path: Path): void {
  // A merge can leave `undefined` behind; like JSON.stringify, treat it as an absent key.
  if (value === undefined) return;
  if (spec.type === "data" && context.options.source === "profile") return checkProfileData(context, value, path);
  if (spec.type === "data") {
    const message = spec.owner ? `is set by jcprofile from the "${spec.owner}" field` : "holds binary data, which settings cannot express";
    return error(context, path, message, "data-in-settings", "remove it from settings");
  }
  if (value === null) return reportNull(context, path);
  switch (spec.type) {
    case "string":
      if (typeof value !== "string") return mismatch(context, spec, value, path);
      return checkString(context, spec, value, path);
    case "bool":
      if (typeof value !== "boolean") return mismatch(context, spec, value, path);
      return;
    case "int":
      return checkInt(context, spec, value, path);
    case "array":
      if (!Array.isArray(value)) return mismatch(context, spec, value, path);
      value.forEach((item, index) => {
        if (spec.items) checkValue(context, spec.items, item, [...path, index]);
        else checkFreeForm(context, item, [...path, index]);
      });
      return;
    case "dict":
      if (!isPlainObject(value)) return mismatch(context, spec, value, path);
      if (spec.keys) return checkDict(context, spec.keys, value, path);
      return checkFreeForm(context, value, path);
  }
}

function checkString(context: Context, spec: KeySpec, value: string, path: Path): void {
  if (!checkText(context, value, path, "")) return;
  if (spec.values && !spec.values.includes(value)) {
    const near = closestMatch(value, spec.values);
    error(context, path, `${showValue(value)} is not one of ${listValues(spec.values)}`, "not-allowed-value", near === undefined ? undefined : `did you mean "${near}"?`);
  }
}

function checkInt(context: Context, spec: KeySpec, value: unknown, path: Path): void {
  if (typeof value !== "number") return mismatch(context, spec, value, path);
  if (!Number.isFinite(value)) return error(context, path, `${value} is not a finite number, expected an integer`, "wrong-type");
  if (!Number.isInteger(value)) return error(context, path, `${value} is not a whole number, expected an integer`, "wrong-type");
  if (!Number.isSafeInteger(value)) {
    error(context, path, `${showValue(value)} is too large, expected an integer between -9007199254740991 and 9007199254740991`, "wrong-type");
  }
}

/** Contents of dictionaries the catalogue does not describe: any JSON a plist can hold. */
function checkFreeForm(context: Context, value: unknown, path: Path): void {
  if (value === undefined || typeof value === "boolean") return;
  if (context.options.source === "profile" && (value instanceof Uint8Array || value instanceof Date)) return;
  if (value === null) return reportNull(context, path);
  if (typeof value === "string") {
    checkText(context, value, path, "");
  } else if (typeof value === "number") {
    if (!Number.isFinite(value)) error(context, path, `${value} is not a finite number, which a property list cannot hold`, "unwritable-value");
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkFreeForm(context, item, [...path, index]));
  } else if (isPlainObject(value)) {
    for (const [name, item] of Object.entries(value)) {
      checkKeyName(context, name, [...path, name]);
      checkFreeForm(context, item, [...path, name]);
    }
  } else {
    error(context, path, `is ${kindOf(value)}, which is not a JSON value`, "wrong-type");
  }
}

function checkKeyName(context: Context, name: string, path: Path): void {
  checkText(context, name, path, "key name ");
}

/** False when the text cannot go into a plist, after reporting it. */
function checkText(context: Context, text: string, path: Path, subject: string): boolean {
  const bad = findUnwritableChar(text);
  if (bad === undefined) return true;
  error(context, path, `${subject}contains ${bad}, which a property list cannot hold`, "unwritable-value");
  return false;
}

function mismatch(context: Context, spec: KeySpec, value: unknown, path: Path): void {
  // Under a secret's name no part of the value is shown, not even in a "write …" hint.
  if (path.some((step) => typeof step === "string" && isSecretName(step))) {
    return error(context, path, `${showValue(value, { secret: true })} is ${kindOf(value)}, expected ${expectedKind(spec)}`, "wrong-type");
  }
  if (spec.assumedType === true) return assumedMismatch(context, spec, value, path);
  const hint = context.options.source === "profile" ? plistTypeHint(spec, value) : jsonTypeHint(spec, value);
  error(context, path, `${showValue(value)} is ${kindOf(value)}, expected ${expectedKind(spec)}${hint}`, "wrong-type");
}

/**
 * No source shows this key's type, so the catalogue's is a guess: another type may be the right
 * one, and a correct profile must not fail. Warn, and pass the value through as free-form.
 */
function assumedMismatch(context: Context, spec: KeySpec, value: unknown, path: Path): void {
  const message = `${showValue(value)} is ${kindOf(value)}; jcprofile assumes ${expectedKind(spec)}, but no source shows this key's type (UNVERIFIED), so it is passed through`;
  context.issues.push({ path, message, fix: "keep it if Jamf Connect Configuration writes it this way", severity: "warning", code: "unverified-type" });
  checkFreeForm(context, value, path);
}

/** A data key in a read profile: bytes are right; base64 text is found in the wild but UNVERIFIED. */
function checkProfileData(context: Context, value: unknown, path: Path): void {
  if (value instanceof Uint8Array) return;
  if (typeof value === "string") {
    const message = "is base64 text in a <string>; whether Jamf Connect accepts that is UNVERIFIED";
    context.issues.push({ path, message, fix: "store the bytes as <data>", severity: "warning", code: "data-as-string" });
    return;
  }
  mismatch(context, { type: "data", description: "" }, value, path);
}

function reportNull(context: Context, path: Path): void {
  const what = typeof path[path.length - 1] === "number" ? "item" : "key";
  error(context, path, "is null, which a property list cannot hold", "unwritable-value", `remove the ${what} instead`);
}

function reportUnknown(context: Context, keys: KeyMap, name: string, path: Path): void {
  const parents = path.slice(0, -1).filter((step): step is string => typeof step === "string");
  const near = closestMatch(name, Object.keys(keys));
  const elsewhere = near === undefined ? placeElsewhere(context.domain, name) : undefined;
  const mode = context.options.unknownKeys;
  const warn = mode === "warn" || (mode === "typos" && near === undefined && elsewhere === undefined);
  const lead = `unknown key${elsewhere === undefined ? "" : " here"}${mode === "warn" ? ", passed through unchecked" : ""}`;
  // A key with nothing to suggest keeps its note in the message: there is no fix to give apart.
  const fix = near !== undefined ? `did you mean "${near}"?` : elsewhere;
  let message = lead;
  if (fix === undefined) {
    message += warn ? " (fine if it is newer than jcprofile's catalogue)" : ` (jcprofile knows no ${parents.length > 0 ? parents.join(".") : context.domain} key like it)`;
  }
  context.issues.push({ path, message, ...(fix !== undefined && { fix }), severity: warn ? "warning" : "error", code: "unknown-key" });
}

/** "it belongs inside IdPSettings" for a key put at the wrong level or in the wrong domain. */
function placeElsewhere(domain: Domain, name: string): string | undefined {
  const places = locateKey(name);
  const own = places.find((place) => place.domain === domain);
  if (own !== undefined) {
    return own.parents.length > 0 ? `it belongs inside ${own.parents.join(".")}` : "it belongs at the top level";
  }
  const other = places[0];
  if (other === undefined) return undefined;
  return other.parents.length > 0
    ? `it is a ${other.domain} key (inside ${other.parents.join(".")})`
    : `it is a ${other.domain} key`;
}

function error(context: Context, path: Path, message: string, code: string, fix?: string): void {
  context.issues.push({ path, message, ...(fix !== undefined && { fix }), severity: "error", code });
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
