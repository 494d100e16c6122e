import { loginKeys } from "./login-keys.js";
import { menubarKeys } from "./menubar-keys.js";
import { DOMAINS } from "../profile/domains.js";
import type { Domain, KeyMap, KeySpec } from "./types.js";

export { DOMAINS } from "../profile/domains.js";

const catalogs: Readonly<Record<Domain, KeyMap>> = {
  "com.jamf.connect.login": loginKeys,
  "com.jamf.connect": menubarKeys,
};

/** The top-level keys of a domain, with their specs. */
export function catalogKeys(domain: Domain): KeyMap {
  return catalogs[domain];
}

/** Own properties only: settings come from JSON, where "constructor" or "__proto__" are just keys. */
export function specOf(keys: KeyMap | undefined, name: string): KeySpec | undefined {
  return keys !== undefined && Object.hasOwn(keys, name) ? keys[name] : undefined;
}

/**
 * The spec at a settings path: key names step into dictionaries, numbers into array items.
 * `lookupKey("com.jamf.connect", ["IdPSettings", "Provider"])`.
 */
export function lookupKey(domain: Domain, path: readonly (string | number)[]): KeySpec | undefined {
  let spec: KeySpec | undefined;
  for (const [index, step] of path.entries()) {
    if (typeof step === "number") {
      spec = spec?.type === "array" ? spec.items : undefined;
    } else {
      spec = specOf(index === 0 ? catalogs[domain] : spec?.keys, step);
    }
    if (spec === undefined) return undefined;
  }
  return spec;
}

export interface KeyLocation {
  readonly domain: Domain;
  /** Dictionary keys leading to the key; empty at the top level. */
  readonly parents: readonly string[];
  readonly name: string;
}

/** Every place a key name (any case) appears in either catalogue, for "it belongs in X" hints. */
export function locateKey(name: string): KeyLocation[] {
  const wanted = name.toLowerCase();
  const found: KeyLocation[] = [];
  const visit = (domain: Domain, keys: KeyMap, parents: readonly string[]): void => {
    for (const [key, spec] of Object.entries(keys)) {
      if (key.toLowerCase() === wanted) found.push({ domain, parents, name: key });
      if (spec.keys) visit(domain, spec.keys, [...parents, key]);
      if (spec.items?.keys) visit(domain, spec.items.keys, [...parents, `${key}[]`]);
    }
  };
  for (const domain of DOMAINS) visit(domain, catalogs[domain], []);
  return found;
}

export interface CatalogEntry {
  readonly domain: Domain;
  /** `IdPSettings.Provider`; keys of an array's dictionaries as `UserPromotionRole[].Name`. */
  readonly path: string;
  readonly spec: KeySpec;
}

/** Every key of a domain, parents before their children, in catalogue order. */
export function catalogEntries(domain: Domain): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  const visit = (keys: KeyMap, prefix: string): void => {
    for (const [name, spec] of Object.entries(keys)) {
      const path = `${prefix}${name}`;
      entries.push({ domain, path, spec });
      if (spec.keys) visit(spec.keys, `${path}.`);
      if (spec.items?.keys) visit(spec.items.keys, `${path}[].`);
    }
  };
  visit(catalogs[domain], "");
  return entries;
}
