/**
 * Import into an environment that already exists: the parts (preference domains) the sources carry
 * replace those parts; the other part and everything import never writes (cloud, authorityHost,
 * jamfPro) stay as they are. So importing the login window, then the menu bar, into one environment
 * gives an environment with both — the second import never wipes the first.
 */
import { isPlainObject } from "../config/merge.js";
import { ELEVATION_KEY, type PayloadPart } from "../profile/layout.js";

type Json = Record<string, unknown>;

/**
 * The environment fields each part owns; everything else is shared. Privilege elevation is the
 * menu bar's TemporaryUserPermissions, which the menu bar part leaves to it.
 */
const PART_FIELDS: Readonly<Record<PayloadPart, { own: readonly string[]; conditionalAccess: readonly string[]; profile: readonly string[] }>> = {
  login: { own: ["login"], conditionalAccess: ["loginRopgScopes", "oidcScopes", "exemptInteractiveLogin"], profile: ["loginDisplayName"] },
  menubar: { own: ["menubar"], conditionalAccess: ["menubarRopgScopes"], profile: ["menubarDisplayName"] },
  elevation: { own: ["menubar", "settings", ELEVATION_KEY], conditionalAccess: [], profile: ["elevationDisplayName"] },
};

const PARTS: readonly PayloadPart[] = ["login", "menubar", "elevation"];

/** Fields import never derives from a profile: an existing environment's are always kept. */
const NOT_IMPORTED = ["cloud", "authorityHost", "jamfPro"] as const;

export interface MergedEnvironment {
  environment: Json;
  /** The parts the environment had and the sources did not carry: kept as they were. */
  kept: PayloadPart[];
}

export function mergeIntoExisting(before: Json | undefined, imported: Json, carried: ReadonlySet<PayloadPart>): MergedEnvironment {
  if (before === undefined) return { environment: imported, kept: [] };
  // Privilege elevation kept inside the menu bar payload is part of the menu bar a source replaces.
  const inline = objectAt(before, "profile")["privilegeElevation"] === "menubar";
  const parts = inline && carried.has("menubar") ? new Set([...carried, "elevation" as const]) : carried;
  const environment: Json = { ...imported };
  for (const key of NOT_IMPORTED) if (before[key] !== undefined && environment[key] === undefined) environment[key] = before[key];
  const kept = PARTS.filter((part) => !parts.has(part) && holdsPart(before, part));
  if (kept.length === 0) return { environment, kept };

  // Shared fields the sources did not set stay as the kept part had them.
  for (const key of ["license", "unknownKeys"]) if (before[key] !== undefined && environment[key] === undefined) environment[key] = before[key];
  const ca = { ...objectAt(before, "conditionalAccess"), ...objectAt(environment, "conditionalAccess") };
  const profile = { ...objectAt(before, "profile"), ...objectAt(environment, "profile") };
  for (const part of PARTS.filter((name) => parts.has(name))) {
    // The imported part's own overrides come from the sources only: an old one would outlive them.
    for (const key of PART_FIELDS[part].conditionalAccess) if (!hasKey(environment, "conditionalAccess", key)) delete ca[key];
    for (const key of PART_FIELDS[part].profile) if (!hasKey(environment, "profile", key)) delete profile[key];
  }
  // A source that is mcx says so by leaving payloadStyle out; the kept part's style must not overrule it.
  if (!hasKey(environment, "profile", "payloadStyle")) delete profile["payloadStyle"];
  if (kept.includes("login")) environment["login"] = before["login"];
  // The menu bar next: privilege elevation, kept or imported, sits inside it.
  const menubar = kept.includes("menubar") ? before["menubar"] : environment["menubar"];
  if (menubar !== undefined) environment["menubar"] = menubar;
  else delete environment["menubar"];
  if (kept.includes("elevation")) setPath(environment, PART_FIELDS.elevation.own, valueAtPath(before, PART_FIELDS.elevation.own));
  else if (parts.has("elevation") && kept.includes("menubar")) setPath(environment, PART_FIELDS.elevation.own, valueAtPath(imported, PART_FIELDS.elevation.own));
  setOrDrop(environment, "conditionalAccess", ca);
  setOrDrop(environment, "profile", profile);
  return { environment, kept };
}

/** Whether the environment holds anything of this part: its own object, or an override of its scopes. */
function holdsPart(environment: Json, part: PayloadPart): boolean {
  const fields = PART_FIELDS[part];
  const own = valueAtPath(environment, fields.own);
  // The menu bar part is more than privilege elevation alone.
  const holdsOwn = part === "menubar" ? isPlainObject(own) && !onlyElevation(own as Json) : own !== undefined;
  return holdsOwn || fields.conditionalAccess.some((key) => hasKey(environment, "conditionalAccess", key));
}

function onlyElevation(menubar: Json): boolean {
  const settings = objectAt(menubar, "settings");
  return Object.keys(menubar).every((key) => key === "settings") && Object.keys(settings).every((key) => key === ELEVATION_KEY);
}

function valueAtPath(object: Json, path: readonly string[]): unknown {
  let node: unknown = object;
  for (const key of path) node = isPlainObject(node) ? (node as Json)[key] : undefined;
  return node;
}

/** Sets (or, for undefined, removes) a value, making the dictionaries on the way as copies. */
function setPath(object: Json, path: readonly string[], value: unknown): void {
  const [key, ...rest] = path;
  if (key === undefined) return;
  if (rest.length === 0) {
    if (value === undefined) delete object[key];
    else object[key] = value;
    return;
  }
  const child = { ...objectAt(object, key) };
  setPath(child, rest, value);
  if (Object.keys(child).length > 0) object[key] = child;
  else delete object[key];
}

function objectAt(environment: Json, key: string): Json {
  const value = environment[key];
  return isPlainObject(value) ? (value as Json) : {};
}

function hasKey(environment: Json, object: string, key: string): boolean {
  return Object.hasOwn(objectAt(environment, object), key);
}

function setOrDrop(environment: Json, key: string, value: Json): void {
  if (Object.keys(value).length > 0) environment[key] = value;
  else delete environment[key];
}

/** Every value of `before` is in `after`, unchanged: the change only adds. */
export function onlyAdds(before: unknown, after: unknown): boolean {
  if (isPlainObject(before) && isPlainObject(after)) {
    return Object.entries(before as Json).every(([key, value]) => Object.hasOwn(after as Json, key) && onlyAdds(value, (after as Json)[key]));
  }
  return JSON.stringify(before) === JSON.stringify(after);
}
