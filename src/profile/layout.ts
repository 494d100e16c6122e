/**
 * Which profiles an environment builds, and which payloads each carries: the one place that groups
 * the preference domains of domains.ts into files.
 *
 * `separate` (the default): the login window and the menu bar each in a profile of their own, so
 * they can be scoped and removed apart. `combined`: one profile holding both domains, the shape a
 * Jamf Pro download has and many deployments already scope to every Mac — kept combined so a
 * migration updates that one profile in place instead of splitting it.
 *
 * Privilege elevation (`TemporaryUserPermissions` of `com.jamf.connect`) goes into a profile of its
 * own in either layout, as Jamf Support recommends, so it can be scoped to some Macs and removed on
 * its own: macOS merges the managed preferences of one domain from several profiles when their keys
 * do not overlap (support.jamf.com/en/articles/11003454). `profile.privilegeElevation: "menubar"`
 * keeps it inside the menu bar payload instead, as some deployments have it.
 */
import { PROFILE_KINDS, type Domain, type ProfileKind } from "./domains.js";

export const PROFILE_LAYOUTS = ["separate", "combined"] as const;
export type ProfileLayout = (typeof PROFILE_LAYOUTS)[number];

/** Where TemporaryUserPermissions goes: a profile of its own, or the menu bar payload. */
export const ELEVATION_PLACES = ["separate", "menubar"] as const;
export type ElevationPlace = (typeof ELEVATION_PLACES)[number];

/** The menu bar key that is privilege elevation. */
export const ELEVATION_KEY = "TemporaryUserPermissions";

/** The menu bar preferences hold privilege elevation (whatever else they hold). */
export function holdsElevation(preferences: Readonly<Record<string, unknown>>): boolean {
  return Object.hasOwn(preferences, ELEVATION_KEY);
}

/** One payload's worth of a config section: login, menubar, or the elevation key of menubar alone. */
export type PayloadPart = "login" | "menubar" | "elevation";

export const PAYLOAD_PARTS: Readonly<Record<PayloadPart, { readonly section: ProfileKind; readonly domain: Domain; readonly title: string }>> = {
  login: { section: "login", domain: PROFILE_KINDS.login.domain, title: "login window" },
  menubar: { section: "menubar", domain: PROFILE_KINDS.menubar.domain, title: "menu bar" },
  elevation: { section: "menubar", domain: PROFILE_KINDS.menubar.domain, title: "privilege elevation" },
};

export type ProfileName = "login" | "menubar" | "combined" | "elevation";

export interface ProfileShape {
  readonly name: ProfileName;
  /** In `<out>/<env>/`; always `jamf-connect-*.mobileconfig`, the names build --prune knows as its own. */
  readonly fileName: string;
  /** For messages: "the login window profile". */
  readonly title: string;
  /** The payloads it carries, in this order. */
  readonly parts: readonly PayloadPart[];
}

export const PROFILE_SHAPES: Readonly<Record<ProfileName, ProfileShape>> = {
  login: { name: "login", fileName: PROFILE_KINDS.login.fileName, title: "login window", parts: ["login"] },
  menubar: { name: "menubar", fileName: PROFILE_KINDS.menubar.fileName, title: "menu bar", parts: ["menubar"] },
  combined: { name: "combined", fileName: "jamf-connect-combined.mobileconfig", title: "combined (login window and menu bar)", parts: ["login", "menubar"] },
  elevation: { name: "elevation", fileName: "jamf-connect-privilege-elevation.mobileconfig", title: "privilege elevation", parts: ["elevation"] },
};

const LAYOUTS: Readonly<Record<ProfileLayout, readonly ProfileName[]>> = {
  separate: ["login", "menubar"],
  combined: ["combined"],
};

/** The profiles an environment builds, in the order build writes and reports them. */
export function profilesOf(layout: ProfileLayout, elevation: { separate: boolean }): readonly ProfileShape[] {
  const names = elevation.separate ? [...LAYOUTS[layout], "elevation" as const] : LAYOUTS[layout];
  return names.map((name) => PROFILE_SHAPES[name]);
}

/**
 * The preferences of one payload part, from its section's whole dictionary: the menu bar without
 * the elevation key when that has a profile of its own, the elevation key alone for that profile.
 */
export function partPreferences<T>(part: PayloadPart, section: Readonly<Record<string, T>>, elevationApart: boolean): Record<string, T> {
  if (part === "elevation") return holdsElevation(section) ? { [ELEVATION_KEY]: section[ELEVATION_KEY]! } : {};
  if (part === "menubar" && elevationApart) {
    const { [ELEVATION_KEY]: _apart, ...rest } = section;
    return rest;
  }
  return { ...section };
}
