import type { ProfileKind } from "../profile/domains.js";
import type { ReadSources } from "./read-sources.js";

/**
 * The payload-level facts of the source profiles → the environment's `profile` fields: payload
 * style, display names, description, removal. A value equal to what jcprofile writes by default
 * is left out. A bare preferences file has none of these, so the defaults stay.
 */
export function profileFields(env: string, profiles: ReadSources["profiles"]): { profile: Record<string, unknown>; notes: string[] } {
  const profile: Record<string, unknown> = {};
  const notes: string[] = [];
  const login = profiles.login;
  const menubar = profiles.menubar;
  const first = login ?? menubar;
  if (first === undefined) return { profile, notes };

  if (first.style !== "mcx") profile.payloadStyle = first.style;
  if (login !== undefined && menubar !== undefined && login.style !== menubar.style) {
    notes.push(`the login window profile is ${login.style} style and the menu bar's is ${menubar.style}; jcprofile writes both in one style (${first.style}) — set profile.payloadStyle to change it`);
  }
  const defaults: Record<ProfileKind, string> = { login: `Jamf Connect Login (${env})`, menubar: `Jamf Connect Menu Bar (${env})` };
  for (const [kind, found] of [["login", login], ["menubar", menubar]] as const) {
    const name = found?.model.root.PayloadDisplayName;
    if (typeof name === "string" && name !== "" && name !== defaults[kind]) profile[`${kind}DisplayName`] = name;
  }
  const description = first.model.root.PayloadDescription;
  if (typeof description === "string" && description !== "") profile.description = description;
  // macOS treats a missing PayloadRemovalDisallowed as false; jcprofile writes true unless told.
  if (first.model.root.PayloadRemovalDisallowed !== true) profile.removalDisallowed = false;
  return { profile, notes };
}
