/**
 * The Classic API's `os_x_configuration_profile` documents: what upload sends (create with an empty
 * scope, update with `general` only) and what it reads back (the list, one profile, a created id).
 */
import { escapeXmlText } from "../profile/plist-xml.js";
import { child, childText, parseXml, XmlSyntaxError, type XmlElement } from "./xml.js";

export interface GeneralFields {
  name: string;
  description?: string;
  category?: string;
  distribution: "Install Automatically" | "Make Available in Self Service";
  redeployOnUpdate: "Newly Assigned" | "All";
  /** The unsigned profile, as plist text; escaped here as XML text. */
  payloads: string;
}

export interface ListedProfile {
  id: number;
  name: string;
}

export class BodyError extends Error {}

function generalXml(fields: GeneralFields): string {
  // Without a category in the config, none is sent, so one set in Jamf Pro is kept on update.
  const category = fields.category === undefined ? "" : `<category><name>${escapeXmlText(fields.category)}</name></category>`;
  return (
    "<general>" +
    `<name>${escapeXmlText(fields.name)}</name>` +
    `<description>${escapeXmlText(fields.description ?? "")}</description>` +
    category +
    `<distribution_method>${fields.distribution}</distribution_method>` +
    "<user_removable>false</user_removable>" +
    "<level>computer</level>" +
    // Always sent: Jamf Pro acts on it only at update time and reads back a fixed value.
    `<redeploy_on_update>${fields.redeployOnUpdate}</redeploy_on_update>` +
    `<payloads>${escapeXmlText(fields.payloads)}</payloads>` +
    "</general>"
  );
}

/** A new profile: no computer, group or user in scope, so nothing is installed until the admin scopes it. */
export function createBody(fields: GeneralFields): string {
  const scope =
    "<scope><all_computers>false</all_computers><all_jss_users>false</all_jss_users>" +
    "<computers/><computer_groups/><buildings/><departments/><jss_users/><jss_user_groups/></scope>";
  return `<?xml version="1.0" encoding="UTF-8"?><os_x_configuration_profile>${generalXml(fields)}${scope}</os_x_configuration_profile>`;
}

/** `general` only: Jamf Pro keeps the scope, exclusions and Self Service settings it has. */
export function updateBody(fields: GeneralFields): string {
  return `<?xml version="1.0" encoding="UTF-8"?><os_x_configuration_profile>${generalXml(fields)}</os_x_configuration_profile>`;
}

function parse(text: string, what: string): XmlElement {
  try {
    return parseXml(text);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new BodyError(`${what} is not the XML the Classic API sends (${error.message})`);
    throw error;
  }
}

function idOf(element: XmlElement | undefined, what: string): number {
  const text = childText(element, "id")?.trim() ?? "";
  const id = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(id)) throw new BodyError(`${what} has no profile id`);
  return id;
}

export function parseProfileList(text: string): ListedProfile[] {
  const root = parse(text, "the profile list");
  if (root.name !== "os_x_configuration_profiles") throw new BodyError(`the profile list has <${root.name}> instead of <os_x_configuration_profiles>`);
  return root.children
    .filter((item) => item.name === "os_x_configuration_profile")
    .map((item) => ({ id: idOf(item, "a listed profile"), name: childText(item, "name") ?? "" }));
}

/** The stored profile's plist text (`general/payloads`, unescaped). */
export interface StoredGeneral {
  id: number;
  name: string;
  payloads: string;
  distribution?: string;
  /** Absent when the profile has no category. */
  category?: string;
}

export function parseStoredProfile(text: string): StoredGeneral {
  const root = parse(text, "the stored profile");
  const general = child(root, "general");
  const payloads = childText(general, "payloads");
  if (root.name !== "os_x_configuration_profile" || payloads === undefined) throw new BodyError("the stored profile has no general/payloads");
  const distribution = childText(general, "distribution_method");
  const category = childText(general, "category", "name");
  const categoryId = childText(general, "category", "id")?.trim();
  return {
    id: idOf(general, "the stored profile"),
    name: childText(general, "name") ?? "",
    payloads,
    ...(distribution !== undefined && { distribution }),
    // Jamf Pro names the absence "No category assigned" with id -1.
    ...(category !== undefined && categoryId !== "-1" && category !== "No category assigned" && { category }),
  };
}

/** `<os_x_configuration_profile><id>N</id></os_x_configuration_profile>`, the answer to a create. */
export function parseCreatedId(text: string): number {
  return idOf(parse(text, "the answer to the create"), "the answer to the create");
}
