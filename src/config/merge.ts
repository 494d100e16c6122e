/** Plain JSON objects merge key by key; arrays and values replace. Inputs are never mutated. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/**
 * Deep merge used for `defaults` → environment and template → settings. Key order: the base's
 * keys first, then new keys in the order the override lists them (so rebuilt output and
 * re-written configs stay stable). Keys are defined, not assigned, so a key named `__proto__`
 * (JSON.parse makes it an ordinary own key) stays a key instead of replacing the prototype.
 */
export function deepMerge<T extends Record<string, unknown>>(base: T, override: Record<string, unknown>): T {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    const current = Object.hasOwn(merged, key) ? merged[key] : undefined;
    const next = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
    Object.defineProperty(merged, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return merged as T;
}

/** The own value at `key`, never one inherited from Object.prototype (`toString`, `constructor`). */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * A copy of `value` without the members at `paths` (each cut at its first array index, so a bad
 * item removes its list). Used to keep checking what is left after a part was found wrong:
 * every problem of a config is found in one pass, and no check trips over a value already reported.
 */
export function withoutPaths<T>(value: T, paths: readonly (readonly (string | number)[])[]): T {
  if (paths.length === 0) return value;
  const copy = structuredClone(value);
  for (const full of paths) {
    const cut = full.findIndex((step) => typeof step === "number");
    const path = cut < 0 ? full : full.slice(0, cut);
    if (path.length === 0) continue;
    let node: unknown = copy;
    for (const step of path.slice(0, -1)) node = isPlainObject(node) && Object.hasOwn(node, step) ? node[step as string] : undefined;
    if (isPlainObject(node)) delete node[path[path.length - 1] as string];
  }
  return copy;
}
