/**
 * The Jamf Pro download holding both domains (test/fixtures/profiles/jamf-pro-both-domains.mobileconfig)
 * with the menu bar's mcx entry (payload 2) in a shape macOS does not read: the badly formed
 * entries lint, import and verify must name instead of dropping. Written as other tools write XML.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readPlist } from "../../src/profile/plist-read.js";
import { REPO_ROOT } from "../folders.js";
import type { Encodable } from "./bplist-encode.js";
import { foreignXml } from "./fixture-set.js";

type Dict = { [key: string]: Encodable };

function bothDomains(): Dict {
  return readPlist(readFileSync(join(REPO_ROOT, "test", "fixtures", "profiles", "jamf-pro-both-domains.mobileconfig"))).value as unknown as Dict;
}

/** Each badly formed shape, from the menu bar's preferences, and the path lint names (inside payload 2). */
export const MENUBAR_SHAPES = {
  "forced-dict": { entry: (settings: Dict): Encodable => ({ Forced: { mcx_preference_settings: settings } }), path: 'PayloadContent["com.jamf.connect"].Forced' },
  "no-settings": { entry: (settings: Dict): Encodable => ({ Forced: [{ mcx_preference_setting: settings }] }), path: 'PayloadContent["com.jamf.connect"].Forced[0].mcx_preference_settings' },
  "settings-array": { entry: (settings: Dict): Encodable => ({ Forced: [{ mcx_preference_settings: [settings] }] }), path: 'PayloadContent["com.jamf.connect"].Forced[0].mcx_preference_settings' },
  "item-string": { entry: (): Encodable => ({ Forced: ["IdPSettings"] }), path: 'PayloadContent["com.jamf.connect"].Forced[0]' },
  "domain-array": { entry: (settings: Dict): Encodable => [{ Forced: [{ mcx_preference_settings: settings }] }], path: 'PayloadContent["com.jamf.connect"]' },
} as const;

export type MenubarShape = keyof typeof MENUBAR_SHAPES;

/** The profile as XML, its menu bar entry in `shape` (or as it is), with `top` over its top-level keys. */
export function bothDomainsXml(shape?: MenubarShape, top: Dict = {}): string {
  const root = bothDomains();
  const payloads = root.PayloadContent as Dict[];
  const menubar = payloads[1]!.PayloadContent as Dict;
  if (shape !== undefined) {
    const settings = ((menubar["com.jamf.connect"] as Dict).Forced as Dict[])[0]!.mcx_preference_settings as Dict;
    menubar["com.jamf.connect"] = MENUBAR_SHAPES[shape].entry(settings);
  }
  return foreignXml({ ...root, ...top });
}
