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
  /** The unsigned profile, as plist text; put on the wire by payloadsWire. */
  payloads: string;
}

export interface ListedProfile {
  id: number;
  name: string;
}

export class BodyError extends Error {}

/**
 * The `<payloads>` element as Jamf Pro stores it byte for byte. Its Classic API entity-decodes the
 * payloads text once more than XML says (Jamf issue PI-827, not to be fixed): sent as escaped text,
 * a plist holding `&amp;` or `&lt;` reaches Jamf's plist parser as a bare `&` or `<` and the write
 * fails with 409 "Unable to update the database". Inside CDATA with every `&` escaped once more,
 * that one extra decode gives back the plist exactly (Jamf-Concepts/jamf-cli
 * docs/solutions/conventions/classic-profile-payload-ampersand-escaping-2026-07-30.md, verified
 * live there). `]]>` would end the CDATA section early, so it is split across two sections; the
 * plist writer escapes every `>`, so it is only a guard.
 */
export function payloadsWire(plist: string): string {
  return `<payloads><![CDATA[${plist.replaceAll("&", "&amp;").replaceAll("]]>", "]]]]><![CDATA[>")}]]></payloads>`;
}

function generalXml(fields: GeneralFields, options: { description: boolean }): string {
  // Without a category in the config, none is sent, so one set in Jamf Pro is kept on update.
  const category = fields.category === undefined ? "" : `<category><name>${escapeXmlText(fields.category)}</name></category>`;
  return (
    "<general>" +
    `<name>${escapeXmlText(fields.name)}</name>` +
    // On update the description is left as it is: changing it has emptied stored profiles (terraform-provider-jamfpro #351).
    (options.description ? `<description>${escapeXmlText(fields.description ?? "")}</description>` : "") +
    category +
    `<distribution_method>${fields.distribution}</distribution_method>` +
    "<user_removable>false</user_removable>" +
    "<level>computer</level>" +
    // Always sent: Jamf Pro acts on it only at update time and reads back a fixed value.
    `<redeploy_on_update>${fields.redeployOnUpdate}</redeploy_on_update>` +
    payloadsWire(fields.payloads) +
    "</general>"
  );
}

/** A new profile: no computer, group or user in scope, so nothing is installed until the admin scopes it. */
export function createBody(fields: GeneralFields): string {
  const scope =
    "<scope><all_computers>false</all_computers><all_jss_users>false</all_jss_users>" +
    "<computers/><computer_groups/><buildings/><departments/><jss_users/><jss_user_groups/></scope>";
  return `<?xml version="1.0" encoding="UTF-8"?><os_x_configuration_profile>${generalXml(fields, { description: true })}${scope}</os_x_configuration_profile>`;
}

/** `general` only, without a description: Jamf Pro keeps the scope, exclusions, Self Service settings and description it has. */
export function updateBody(fields: Omit<GeneralFields, "description">): string {
  return `<?xml version="1.0" encoding="UTF-8"?><os_x_configuration_profile>${generalXml(fields, { description: false })}</os_x_configuration_profile>`;
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

/** `<categories><category><id/><name/></category>…</categories>`: the names. */
export function parseCategoryNames(text: string): string[] {
  const root = parse(text, "the category list");
  if (root.name !== "categories") throw new BodyError(`the category list has <${root.name}> instead of <categories>`);
  return root.children.filter((item) => item.name === "category").map((item) => childText(item, "name") ?? "");
}

/** The stored profile's plist text (`general/payloads`, unescaped). */
export interface StoredGeneral {
  id: number;
  name: string;
  payloads: string;
  description: string;
  distribution?: string;
  /** Absent when the profile has no category. */
  category?: string;
  /** Who gets it, in an admin's words: `all computers`, `computer group "Pilot Macs"`, `no computer yet (not scoped)`. */
  scope: string;
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
    description: childText(general, "description") ?? "",
    ...(distribution !== undefined && { distribution }),
    // Jamf Pro names the absence "No category assigned" with id -1.
    ...(category !== undefined && categoryId !== "-1" && category !== "No category assigned" && { category }),
    scope: describeScope(child(root, "scope")),
  };
}

/** The scope's targets by name (exclusions and limitations left out: they only narrow it). */
export function describeScope(scope: XmlElement | undefined): string {
  if (childText(scope, "all_computers")?.trim() === "true") return "all computers";
  const named = (list: string, item: string, what: string): string[] => {
    const names = (child(scope, list)?.children ?? []).filter((element) => element.name === item).map((element) => childText(element, "name") ?? childText(element, "id") ?? "?");
    if (names.length === 0) return [];
    const shown = names.slice(0, 3).map((name) => `"${name}"`).join(", ") + (names.length > 3 ? ` and ${names.length - 3} more` : "");
    return [`${names.length === 1 ? what : `${what}s`} ${shown}`];
  };
  const targets = [
    ...named("computer_groups", "computer_group", "computer group"),
    ...named("computers", "computer", "computer"),
    ...named("buildings", "building", "building"),
    ...named("departments", "department", "department"),
    ...(childText(scope, "all_jss_users")?.trim() === "true" ? ["all users"] : []),
    ...named("jss_users", "jss_user", "user"),
    ...named("jss_user_groups", "jss_user_group", "user group"),
  ];
  return targets.length === 0 ? "no computer yet (not scoped)" : targets.join(", ");
}

/** `<os_x_configuration_profile><id>N</id></os_x_configuration_profile>`, the answer to a create. */
export function parseCreatedId(text: string): number {
  return idOf(parse(text, "the answer to the create"), "the answer to the create");
}
