/**
 * The double's `/JSSResource/osxconfigurationprofiles` endpoints: list, get, create and update,
 * with Jamf Pro's rules — duplicate names refused with a 409 status page, `<payloads>` decoded once
 * more than XML says (PI-827), an unknown category refused, the plist stored as Jamf Pro stores it
 * (stored-plist.ts), the scope kept by an update that sends only `general` — and the category list.
 */
import { randomUUID } from "node:crypto";
import { decodeEntitiesOnceMore, escape, isWellFormedXml, parseSentProfile, statusPage, type SentProfile } from "./classic-xml.js";
import { payloadUuidsOf, storeProfilePlist } from "./stored-plist.js";
import type { JamfWorld, StoredJamfProfile } from "./world.js";

export interface ClassicAnswer {
  status: number;
  body: string;
  contentType: string;
}

const EMPTY_SCOPE =
  "<scope><all_computers>false</all_computers><all_jss_users>false</all_jss_users><computers/><computer_groups/>" +
  "<buildings/><departments/><jss_users/><jss_user_groups/><limitations/><exclusions/></scope>";

const xml = (body: string, status = 200): ClassicAnswer => ({ status, body: `<?xml version="1.0" encoding="UTF-8"?>${body}`, contentType: "text/xml;charset=UTF-8" });
export const page = (status: number, title: string, reason: string): ClassicAnswer => ({ status, body: statusPage(status, title, reason), contentType: "text/html;charset=UTF-8" });

export function listXml(world: JamfWorld): ClassicAnswer {
  const items = world.profiles.map((profile) => `<os_x_configuration_profile><id>${profile.id}</id><name>${escape(profile.name)}</name></os_x_configuration_profile>`);
  return xml(`<os_x_configuration_profiles><size>${items.length}</size>${items.join("")}</os_x_configuration_profiles>`);
}

export function profileXml(profile: StoredJamfProfile): ClassicAnswer {
  const category = profile.category === undefined ? "<category><id>-1</id><name>No category assigned</name></category>" : `<category><id>5</id><name>${escape(profile.category)}</name></category>`;
  return xml(
    "<os_x_configuration_profile><general>" +
      `<id>${profile.id}</id><name>${escape(profile.name)}</name><description>${escape(profile.description)}</description>` +
      `<site><id>-1</id><name>None</name></site>${category}<distribution_method>${escape(profile.distribution)}</distribution_method>` +
      `<user_removable>false</user_removable><level>${escape(profile.level)}</level><uuid>${profile.id}-uuid</uuid>` +
      // Jamf Pro reads back a fixed value here whatever was sent (TFJP).
      "<redeploy_on_update>Newly Assigned</redeploy_on_update>" +
      `<payloads>${escape(profile.payloads)}</payloads></general>${profile.scope}<self_service/></os_x_configuration_profile>`,
  );
}

export function categoriesXml(world: JamfWorld): ClassicAnswer {
  const items = world.categories.map((category) => `<category><id>${category.id}</id><name>${escape(category.name)}</name></category>`);
  return xml(`<categories><size>${items.length}</size>${items.join("")}</categories>`);
}

/** A category named in a write must exist: the issue 18 trial saw "409 Conflict: Problem with category". */
function unknownCategory(world: JamfWorld, general: SentProfile["general"]): ClassicAnswer | undefined {
  if (general.category === undefined || world.categories.some((category) => category.name === general.category)) return undefined;
  return page(409, "Conflict", "Error: Problem with category");
}

/**
 * `<payloads>` through Jamf Pro's extra decode (PI-827): what its plist parser then reads, or the
 * 409 it answers when that is no longer XML (a single-escaped `&amp;` or `&lt;` in escaped text).
 */
function ingestPayloads(payloads: string): string | ClassicAnswer {
  const plist = decodeEntitiesOnceMore(payloads);
  return isWellFormedXml(plist) ? plist : page(409, "Conflict", "Unable to update the database");
}

function parseOrRefuse(body: string): SentProfile | ClassicAnswer {
  try {
    return parseSentProfile(body);
  } catch (error) {
    return page(400, "Bad Request", `Error: ${(error as Error).message.split("\n")[0]}`);
  }
}

export function createProfile(world: JamfWorld, body: string): ClassicAnswer {
  const sent = parseOrRefuse(body);
  if ("status" in sent) return sent;
  const { general } = sent;
  if (!general.name || general.payloads === undefined) return page(400, "Bad Request", "Error: general/name and general/payloads are required");
  if (world.profiles.some((profile) => profile.name === general.name)) return page(409, "Conflict", "Error: Duplicate name");
  const refused = unknownCategory(world, general);
  if (refused !== undefined) return refused;
  const plist = ingestPayloads(general.payloads);
  if (typeof plist !== "string") return plist;
  const uuid = randomUUID().toUpperCase();
  const stored = storeProfilePlist(plist, { name: general.name, description: general.description ?? "", uuid, payloadUuids: [] });
  const profile: StoredJamfProfile = {
    id: world.nextId++,
    uuid,
    name: general.name,
    description: general.description ?? "",
    ...(general.category !== undefined && { category: general.category }),
    distribution: general.distribution ?? "Install Automatically",
    level: general.level === "computer" ? "System" : (general.level ?? "System"),
    redeployOnUpdate: general.redeployOnUpdate ?? "Newly Assigned",
    payloads: stored.text,
    scope: sent.scope ?? EMPTY_SCOPE,
  };
  world.profiles.push(profile);
  return xml(`<os_x_configuration_profile><id>${profile.id}</id></os_x_configuration_profile>`, 201);
}

export function updateProfile(world: JamfWorld, id: number, body: string): ClassicAnswer {
  const profile = world.profiles.find((item) => item.id === id);
  if (profile === undefined) return page(404, "Not Found", "The server has not found anything matching the request URI");
  const sent = parseOrRefuse(body);
  if ("status" in sent) return sent;
  const { general } = sent;
  if (general.name !== undefined && world.profiles.some((item) => item.id !== id && item.name === general.name)) {
    return page(409, "Conflict", "Error: Duplicate name");
  }
  const refused = unknownCategory(world, general);
  if (refused !== undefined) return refused;
  const plist = general.payloads === undefined ? undefined : ingestPayloads(general.payloads);
  if (plist !== undefined && typeof plist !== "string") return plist;
  if (general.name !== undefined) profile.name = general.name;
  if (general.description !== undefined) profile.description = general.description;
  if (general.category !== undefined) profile.category = general.category;
  if (general.distribution !== undefined) profile.distribution = general.distribution;
  if (general.redeployOnUpdate !== undefined) profile.redeployOnUpdate = general.redeployOnUpdate;
  if (plist !== undefined) {
    profile.uuid ??= randomUUID().toUpperCase();
    const context = { name: profile.name, description: profile.description, uuid: profile.uuid, payloadUuids: payloadUuidsOf(profile.payloads) };
    profile.payloads = storeProfilePlist(plist, context).text;
  }
  if (sent.scope !== undefined) profile.scope = sent.scope;
  return xml(`<os_x_configuration_profile><id>${profile.id}</id></os_x_configuration_profile>`, 201);
}
