/**
 * One profile against one server's list: create it, update it in place with the server's
 * identifiers, or leave it alone. With dryRun nothing is written.
 */
import { serializePlist, type PlistDict, type PlistValue } from "../profile/plist-xml.js";
import { createBody, parseCreatedId, parseProfileList, parseStoredProfile, updateBody, type GeneralFields, type ListedProfile } from "../jamfpro/classic-body.js";
import type { JamfClient } from "../jamfpro/client.js";
import { JamfError } from "../jamfpro/errors.js";
import { carryIdentifiers, compareProfiles, type Change } from "./reconcile.js";
import { readProfilePlist } from "../jamfpro/stored-profile.js";
import { domainWords, judgeOwnership, type Ownership } from "./ownership.js";

export type SyncAction = "created" | "updated" | "unchanged" | "would create" | "would update" | "refused";

export interface SyncOutcome {
  action: SyncAction;
  id?: number;
  changes: Change[];
  /** What upload leaves to the admin, e.g. a description it does not change. */
  notes: string[];
  /** refused: why nothing was written, and the way to allow it. */
  refusal?: Refusal;
}

/** Why upload itself (not Jamf Pro) writes nothing to a stored profile, and the flag that allows it. */
export interface Refusal {
  code: "not-ours" | "would-remove";
  message: string;
  fix: string;
}

/** Stored profiles the admin named with --take-over / --allow-removal (a name or a Jamf Pro id). */
export interface Overrides {
  takeOver: readonly string[];
  allowRemoval: readonly string[];
}

export interface SyncInput {
  general: Omit<GeneralFields, "payloads">;
  /** The unsigned profile as build renders it (RenderedProfile.dictionary): compared, and sent as its canonical text. */
  profile: PlistDict;
  dryRun: boolean;
  overrides: Overrides;
  /** The config field that names this profile, for the way out of a refusal: `profile.loginDisplayName`. */
  nameField: string;
}

export async function listProfiles(client: JamfClient): Promise<ListedProfile[]> {
  return parseProfileList((await client.classic("GET", "/osxconfigurationprofiles")).text);
}

export async function syncProfile(client: JamfClient, listed: readonly ListedProfile[], input: SyncInput): Promise<SyncOutcome> {
  const name = input.general.name;
  const same = listed.filter((profile) => profile.name === name);
  if (same.length > 1) {
    throw new JamfError(
      "duplicate-name",
      `Jamf Pro at ${client.url} has ${same.length} profiles named "${name}" (ids ${same.map((profile) => profile.id).join(", ")})`,
      "delete or rename all but one, then run upload again",
    );
  }
  const existing = same[0];
  if (existing === undefined) {
    if (input.dryRun) return { action: "would create", changes: [], notes: [] };
    // The same bytes build writes: RenderedProfile.text is this serialization.
    return { action: "created", id: await createProfile(client, { ...input.general, payloads: serializePlist(input.profile) }), changes: [], notes: [] };
  }
  const stored = parseStoredProfile((await client.classic("GET", `/osxconfigurationprofiles/id/${existing.id}`)).text);
  const storedPlist = readProfilePlist(stored.payloads);
  const rendered = input.profile;
  const ours = carryIdentifiers(rendered, storedPlist);
  const changes = [...compareProfiles(ours, storedPlist), ...generalChanges(input.general, stored)].map((change) =>
    change.words === undefined ? change : { ...change, words: `${change.words} — this profile is scoped to ${stored.scope}` },
  );
  const ownership = judgeOwnership(storedPlist, rendered);
  const notes = [...descriptionNote(input.general.description, stored.description), ...unreadNote(ownership)];
  const refusal = refuse(ownership, { ...existing, scope: stored.scope, link: `${client.url}/OSXConfigurationProfiles.html?id=${existing.id}` }, input);
  if (refusal !== undefined) return { action: "refused", id: existing.id, changes, notes: [], refusal };
  if (changes.length === 0) return { action: "unchanged", id: existing.id, changes, notes };
  if (input.dryRun) return { action: "would update", id: existing.id, changes, notes };
  const payloads = serializePlist(ours as PlistValue);
  const { description: _left, ...general } = input.general;
  await client.classic("PUT", `/osxconfigurationprofiles/id/${existing.id}`, updateBody({ ...general, payloads }));
  return { action: "updated", id: existing.id, changes, notes };
}

const named = (list: readonly string[], profile: { id: number; name: string }) => list.some((item) => item === String(profile.id) || item === profile.name);

/**
 * Why the stored profile may not be written, in one line with the flag that allows it: someone
 * else's profile needs --take-over (which also allows any removal), dropping a domain of ours
 * --allow-removal.
 */
function refuse(ownership: Ownership, profile: { id: number; name: string; scope: string; link: string }, { overrides, nameField }: SyncInput): Refusal | undefined {
  if (named(overrides.takeOver, profile)) return undefined;
  const where = `the Jamf Pro profile "${profile.name}" (id ${profile.id}, ${profile.link}), scoped to ${profile.scope}`;
  if (ownership.foreign.length > 0) {
    return {
      code: "not-ours",
      message: `not written: ${where}, is not this environment's: ${ownership.foreign.join("; ")}`,
      fix: `give this environment's profile another name (${nameField}), or, to replace that profile with this one, run upload again with --take-over ${profile.id}`,
    };
  }
  if (ownership.removes.length > 0 && !named(overrides.allowRemoval, profile)) {
    return {
      code: "would-remove",
      message: `not written: this update would remove ${ownership.removes.map(domainWords).join(" and ")} from ${where}`,
      fix: `keep those settings in this environment's profile, or, if those Macs are to lose them, run upload again with --allow-removal ${profile.id}`,
    };
  }
  return undefined;
}

/**
 * An update never sends the description: changing it while the payloads carry no
 * PayloadDescription emptied stored profiles (terraform-provider-jamfpro #351). A different one is
 * named, for the admin to change in Jamf Pro.
 */
function descriptionNote(ours: string | undefined, stored: string): string[] {
  if ((ours ?? "").trim() === stored.trim()) return [];
  return [`its description in Jamf Pro differs from profile.description (${JSON.stringify(stored)} there) — upload does not change the description of a stored profile (that has emptied profiles: terraform-provider-jamfpro #351); edit it in Jamf Pro if it matters`];
}

/**
 * The stored profile holds Jamf Connect preferences the Macs in its scope do not get (lint's
 * mcx-unknown-state) or may not get (mcx-malformed): the update makes them get ours, which is a
 * change on those Macs the key-by-key changes alone do not spell out.
 */
function unreadNote(ownership: Ownership): string[] {
  if (ownership.unread.length === 0) return [];
  return [`the stored profile holds Jamf Connect preferences Macs may not get (${ownership.unread.join("; ")}) — this update replaces them with this environment's, in the shape macOS reads, so the Macs in its scope may get settings they did not have before`];
}

/** The Jamf Pro settings of the config that are not in the plist: how it is distributed, its category. */
function generalChanges(general: SyncInput["general"], stored: { distribution?: string; category?: string }): Change[] {
  const changes: Change[] = [];
  if (stored.distribution !== undefined && stored.distribution !== general.distribution) {
    changes.push({ path: "jamfPro.distribution", old: JSON.stringify(stored.distribution), new: JSON.stringify(general.distribution) });
  }
  if (general.category !== undefined && stored.category !== general.category) {
    changes.push({ path: "jamfPro.category", old: stored.category === undefined ? "(none)" : JSON.stringify(stored.category), new: JSON.stringify(general.category) });
  }
  return changes;
}

/**
 * POST, and when the answer is lost (dropped connection, timeout) look for the name before trying
 * again: the server may have committed it, and a second POST would make a duplicate.
 */
async function createProfile(client: JamfClient, fields: GeneralFields): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return parseCreatedId((await client.classic("POST", "/osxconfigurationprofiles/id/0", createBody(fields))).text);
    } catch (error) {
      if (!(error instanceof JamfError) || !error.answerLost) throw error;
      const found = (await listProfiles(client)).find((profile) => profile.name === fields.name);
      if (found !== undefined) return found.id;
      if (attempt >= 2) throw error;
    }
  }
}
