/**
 * Import into an environment that already exists: the parts (preference domains) the sources carry
 * replace those parts; the other part and everything import never writes (cloud, authorityHost,
 * jamfPro) stay as they are. So importing the login window, then the menu bar, into one environment
 * gives an environment with both — the second import never wipes the first.
 */
import { isPlainObject } from "../config/merge.js";
import { PROFILE_KIND_NAMES, type ProfileKind } from "../profile/domains.js";

type Json = Record<string, unknown>;

/** The environment fields each part owns; everything else is shared by both parts. */
const PART_FIELDS: Readonly<Record<ProfileKind, { own: string; conditionalAccess: readonly string[]; profile: readonly string[] }>> = {
  login: { own: "login", conditionalAccess: ["loginRopgScopes", "oidcScopes", "exemptInteractiveLogin"], profile: ["loginDisplayName"] },
  menubar: { own: "menubar", conditionalAccess: ["menubarRopgScopes"], profile: ["menubarDisplayName"] },
};

/** Fields import never derives from a profile: an existing environment's are always kept. */
const NOT_IMPORTED = ["cloud", "authorityHost", "jamfPro"] as const;

export interface MergedEnvironment {
  environment: Json;
  /** The parts the environment had and the sources did not carry: kept as they were. */
  kept: ProfileKind[];
}

export function mergeIntoExisting(before: Json | undefined, imported: Json, parts: ReadonlySet<ProfileKind>): MergedEnvironment {
  if (before === undefined) return { environment: imported, kept: [] };
  const environment: Json = { ...imported };
  for (const key of NOT_IMPORTED) if (before[key] !== undefined && environment[key] === undefined) environment[key] = before[key];
  const kept = PROFILE_KIND_NAMES.filter((part) => !parts.has(part) && holdsPart(before, part));
  if (kept.length === 0) return { environment, kept };

  // Shared fields the sources did not set stay as the kept part had them.
  for (const key of ["license", "unknownKeys"]) if (before[key] !== undefined && environment[key] === undefined) environment[key] = before[key];
  const ca = { ...objectAt(before, "conditionalAccess"), ...objectAt(environment, "conditionalAccess") };
  const profile = { ...objectAt(before, "profile"), ...objectAt(environment, "profile") };
  for (const part of PROFILE_KIND_NAMES.filter((name) => parts.has(name))) {
    // The imported part's own overrides come from the sources only: an old one would outlive them.
    for (const key of PART_FIELDS[part].conditionalAccess) if (!hasKey(environment, "conditionalAccess", key)) delete ca[key];
    for (const key of PART_FIELDS[part].profile) if (!hasKey(environment, "profile", key)) delete profile[key];
  }
  // A source that is mcx says so by leaving payloadStyle out; the kept part's style must not overrule it.
  if (!hasKey(environment, "profile", "payloadStyle")) delete profile["payloadStyle"];
  for (const part of kept) environment[PART_FIELDS[part].own] = before[PART_FIELDS[part].own];
  setOrDrop(environment, "conditionalAccess", ca);
  setOrDrop(environment, "profile", profile);
  return { environment, kept };
}

/** Whether the environment holds anything of this part: its own object, or an override of its scopes. */
function holdsPart(environment: Json, part: ProfileKind): boolean {
  const fields = PART_FIELDS[part];
  return environment[fields.own] !== undefined || fields.conditionalAccess.some((key) => hasKey(environment, "conditionalAccess", key));
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
