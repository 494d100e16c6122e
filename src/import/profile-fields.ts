import { holdsElevation, type ProfileName } from "../profile/layout.js";
import type { ReadSources } from "./read-sources.js";

/**
 * The payload-level facts of the source profiles → the environment's `profile` fields: payload
 * style, layout, display names, description, removal. A value equal to what jcprofile writes by default
 * is left out. A bare preferences file has none of these, so the defaults stay.
 */
export function profileFields(env: string, read: Pick<ReadSources, "profiles" | "sources">): { profile: Record<string, unknown>; notes: string[] } {
  const profile: Record<string, unknown> = {};
  const notes: string[] = [];
  const { login, menubar, elevation } = read.profiles;
  // Privilege elevation inside the menu bar payload stays there; from a profile of its own it stays apart (the default).
  if (read.sources.some((source) => source.part === "menubar" && holdsElevation(source.preferences))) profile.privilegeElevation = "menubar";
  const first = login ?? menubar ?? elevation;
  if (first === undefined) return { profile, notes };

  if (first.style !== "mcx") profile.payloadStyle = first.style;
  if (login !== undefined && menubar !== undefined && login.style !== menubar.style) {
    notes.push(`the login window profile is ${login.style} style and the menu bar's is ${menubar.style}; jcprofile writes both in one style (${first.style}) — set profile.payloadStyle to change it`);
  }
  // Both domains in one source profile: it stays one profile (layout combined), so a migration
  // updates the profile Macs already have instead of splitting it in two.
  const combined = login !== undefined && login.model === menubar?.model;
  if (combined) profile.layout = "combined";
  const defaults: Record<ProfileName, string> = {
    login: `Jamf Connect Login (${env})`,
    menubar: `Jamf Connect Menu Bar (${env})`,
    combined: `Jamf Connect (${env})`,
    elevation: `Jamf Connect Privilege Elevation (${env})`,
  };
  type Found = typeof login;
  // Privilege elevation named only when it came in a profile of its own, not beside the others.
  const ownElevation = elevation !== undefined && elevation.model !== login?.model && elevation.model !== menubar?.model ? elevation : undefined;
  const named: (readonly [ProfileName, Found])[] = [...(combined ? [["combined", login] as const] : [["login", login] as const, ["menubar", menubar] as const]), ["elevation", ownElevation] as const];
  for (const [name, found] of named) {
    const displayName = found?.model.root.PayloadDisplayName;
    if (typeof displayName === "string" && displayName !== "" && displayName !== defaults[name]) profile[`${name}DisplayName`] = displayName;
  }
  const description = first.model.root.PayloadDescription;
  if (typeof description === "string" && description !== "") profile.description = description;
  // macOS treats a missing PayloadRemovalDisallowed as false; jcprofile writes true unless told.
  if (first.model.root.PayloadRemovalDisallowed !== true) profile.removalDisallowed = false;
  return { profile, notes };
}
