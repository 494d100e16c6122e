import type { KeyMap, KeySpec } from "./types.js";

/** Shorthands that keep the key tables to one readable line per key. */

type Extra = Omit<KeySpec, "type" | "description">;

export function str(description: string, extra: Extra = {}): KeySpec {
  return { type: "string", description, ...extra };
}

export function bool(description: string, extra: Extra = {}): KeySpec {
  return { type: "bool", description, ...extra };
}

export function int(description: string, extra: Extra = {}): KeySpec {
  return { type: "int", description, ...extra };
}

export function data(description: string, extra: Extra = {}): KeySpec {
  return { type: "data", description, ...extra };
}

/** An array of strings; `item` carries value lists that apply to each entry. */
export function strings(description: string, extra: Extra = {}, item: Extra = {}): KeySpec {
  return { type: "array", description, items: { type: "string", description: "", ...item }, ...extra };
}

/**
 * An array whose every item follows `item`, e.g. a list of dictionaries with known keys
 * (`UserPromotionRole`). `strings` is the common case of string items.
 */
export function list(description: string, item: KeySpec, extra: Extra = {}): KeySpec {
  return { type: "array", description, items: item, ...extra };
}

/**
 * A nested dictionary; without `keys` its contents are free-form. Keys inside it that name no
 * sources of their own come from the dictionary's sources (most sources document a dictionary
 * as one table), so only the exceptions name theirs.
 */
export function dict(description: string, keys?: KeyMap, extra: Extra = {}): KeySpec {
  if (!keys) return { type: "dict", description, ...extra };
  return { type: "dict", description, keys: extra.sources ? withSources(keys, extra.sources) : keys, ...extra };
}

function withSources(keys: KeyMap, sources: readonly string[]): KeyMap {
  return Object.fromEntries(Object.entries(keys).map(([name, spec]) => [name, inherit(spec, sources)]));
}

function inherit(spec: KeySpec, sources: readonly string[]): KeySpec {
  const own = spec.sources ?? sources;
  return {
    ...spec,
    sources: own,
    ...(spec.keys && { keys: withSources(spec.keys, own) }),
    ...(spec.items?.keys && { items: { ...spec.items, keys: withSources(spec.items.keys, own) } }),
  };
}
