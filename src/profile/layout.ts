/**
 * Which profiles an environment builds, and which preference domains each carries: the one place
 * that groups the domains of domains.ts into files.
 *
 * `separate` (the default): the login window and the menu bar each in a profile of their own, so
 * they can be scoped and removed apart. `combined`: one profile holding both domains, the shape a
 * Jamf Pro download has and many deployments already scope to every Mac — kept combined so a
 * migration updates that one profile in place instead of splitting it.
 *
 * A profile's name is a word (login, menubar, combined), never a domain: a later profile of its own
 * for a part of one domain (privilege elevation, Jamf Support's advice for TemporaryUserPermissions)
 * is one more entry here, beside the others.
 */
import { PROFILE_KINDS, type Domain, type ProfileKind } from "./domains.js";

export const PROFILE_LAYOUTS = ["separate", "combined"] as const;
export type ProfileLayout = (typeof PROFILE_LAYOUTS)[number];

export type ProfileName = "login" | "menubar" | "combined";

export interface ProfileShape {
  readonly name: ProfileName;
  /** In `<out>/<env>/`; always `jamf-connect-*.mobileconfig`, the names build --prune knows as its own. */
  readonly fileName: string;
  /** For messages: "the login window profile". */
  readonly title: string;
  /** The parts it carries, one payload each, in this order. */
  readonly parts: readonly ProfileKind[];
}

export const PROFILE_SHAPES: Readonly<Record<ProfileName, ProfileShape>> = {
  login: { name: "login", fileName: PROFILE_KINDS.login.fileName, title: "login window", parts: ["login"] },
  menubar: { name: "menubar", fileName: PROFILE_KINDS.menubar.fileName, title: "menu bar", parts: ["menubar"] },
  combined: { name: "combined", fileName: "jamf-connect-combined.mobileconfig", title: "combined (login window and menu bar)", parts: ["login", "menubar"] },
};

const LAYOUTS: Readonly<Record<ProfileLayout, readonly ProfileName[]>> = {
  separate: ["login", "menubar"],
  combined: ["combined"],
};

/** The profiles a layout builds, in the order build writes and reports them. */
export function profilesOf(layout: ProfileLayout): readonly ProfileShape[] {
  return LAYOUTS[layout].map((name) => PROFILE_SHAPES[name]);
}

export function domainsOf(shape: ProfileShape): Domain[] {
  return shape.parts.map((part) => PROFILE_KINDS[part].domain);
}
