/**
 * Profiles an admin made in Jamf Pro before jcprofile came: put into the double's world as Jamf Pro
 * would store them (stored-plist.ts), with the scope the admin gave them.
 */
import { randomUUID } from "node:crypto";
import { build, type PlistValue } from "plist";
import { readStoredPlist, storeProfilePlist } from "./stored-plist.js";
import type { JamfWorld, StoredJamfProfile } from "./world.js";

export const ALL_COMPUTERS_SCOPE =
  "<scope><all_computers>true</all_computers><all_jss_users>false</all_jss_users><computers/><computer_groups/>" +
  "<buildings/><departments/><jss_users/><jss_user_groups/><limitations/><exclusions/></scope>";

/** A stored profile holding these payloads (dictionaries as a .mobileconfig has them). */
export function seedProfile(world: JamfWorld, name: string, payloads: { [key: string]: PlistValue }[], scope = ALL_COMPUTERS_SCOPE): StoredJamfProfile {
  const plist = build({ PayloadContent: payloads, PayloadDisplayName: name, PayloadIdentifier: "seeded", PayloadType: "Configuration", PayloadUUID: "seeded", PayloadVersion: 1 });
  return seedProfileText(world, name, plist, scope);
}

/** A stored profile made from a .mobileconfig's text, e.g. one an admin downloaded from Jamf Pro. */
export function seedProfileText(world: JamfWorld, name: string, plist: string, scope = ALL_COMPUTERS_SCOPE): StoredJamfProfile {
  const uuid = randomUUID().toUpperCase();
  const profile: StoredJamfProfile = {
    id: world.nextId++,
    uuid,
    name,
    description: "",
    distribution: "Install Automatically",
    level: "System",
    redeployOnUpdate: "Newly Assigned",
    payloads: storeProfilePlist(plist, { name, description: "", uuid, payloadUuids: [] }).text,
    scope,
  };
  world.profiles.push(profile);
  return profile;
}

/** Payloads of a stored profile moved into another one: a profile holding both Jamf Connect domains. */
export function combine(world: JamfWorld, into: string, from: string): StoredJamfProfile {
  const target = world.profiles.find((profile) => profile.name === into)!;
  const source = world.profiles.find((profile) => profile.name === from)!;
  const plist = readStoredPlist(target.payloads);
  const more = readStoredPlist(source.payloads)["PayloadContent"] as PlistValue[];
  target.payloads = build({ ...plist, PayloadContent: [...(plist["PayloadContent"] as PlistValue[]), ...more] }, { indent: "  " });
  world.profiles.splice(world.profiles.indexOf(source), 1);
  return target;
}
