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

interface Shape {
  /** The domain's value in the payload's PayloadContent, from the preferences. */
  readonly entry: (settings: Dict) => Encodable;
  /** The payload's PayloadContent, from the dictionary of domains holding that value (as it is, when absent). */
  readonly content?: (domains: Dict) => Encodable;
  /** Where lint finds it, inside payload 2. */
  readonly path: string;
}

const FORCED = (settings: Dict): Encodable => ({ Forced: [{ mcx_preference_settings: settings }] });

/** Each badly formed shape, from the menu bar's preferences, and the path lint names (inside payload 2). */
export const MENUBAR_SHAPES = {
  "forced-dict": { entry: (settings) => ({ Forced: { mcx_preference_settings: settings } }), path: 'PayloadContent["com.jamf.connect"].Forced' },
  "no-settings": { entry: (settings) => ({ Forced: [{ mcx_preference_setting: settings }] }), path: 'PayloadContent["com.jamf.connect"].Forced[0].mcx_preference_settings' },
  "settings-array": { entry: (settings) => ({ Forced: [{ mcx_preference_settings: [settings] }] }), path: 'PayloadContent["com.jamf.connect"].Forced[0].mcx_preference_settings' },
  "item-string": { entry: () => ({ Forced: ["IdPSettings"] }), path: 'PayloadContent["com.jamf.connect"].Forced[0]' },
  "domain-array": { entry: (settings) => [FORCED(settings)], path: 'PayloadContent["com.jamf.connect"]' },
  // The custom-settings payload's own content an array holding the dictionary of domains.
  "content-array": { entry: FORCED, content: (domains) => [domains], path: "PayloadContent" },
} satisfies Record<string, Shape>;

export type MenubarShape = keyof typeof MENUBAR_SHAPES;

/** The profile as XML, its menu bar entry in `shape` (or as it is), with `top` over its top-level keys. */
export function bothDomainsXml(shape?: MenubarShape, top: Dict = {}): string {
  const root = bothDomains();
  if (shape !== undefined) reshape(root, 1, "com.jamf.connect", shape);
  return foreignXml({ ...root, ...top });
}

/** The profile as XML with the login window's entry (payload 1) and the menu bar's in the shapes given; both badly formed, no preferences are read from it. */
export function shapedXml(login: MenubarShape | undefined, menubar: MenubarShape | undefined): string {
  const root = bothDomains();
  if (login !== undefined) reshape(root, 0, "com.jamf.connect.login", login);
  if (menubar !== undefined) reshape(root, 1, "com.jamf.connect", menubar);
  return foreignXml(root);
}

/** The Dock's settings, keeping Jamf Connect in the Dock (bundle ID com.jamf.connect): another tool's settings naming the domain only as a value. */
export const DOCK_SETTINGS: Dict = { "com.apple.dock": { Forced: [{ mcx_preference_settings: { "persistent-apps": [{ "tile-data": { "bundle-identifier": "com.jamf.connect" } }] } }] } };

/** The profile as XML with payload 2's PayloadContent replaced by `content`; `alone`: without payload 1 (the login window). */
export function menubarContentXml(content: Encodable, alone = false): string {
  const root = bothDomains();
  const payloads = root.PayloadContent as Dict[];
  payloads[1]!.PayloadContent = content;
  if (alone) root.PayloadContent = [payloads[1]!];
  return foreignXml(root);
}

function reshape(root: Dict, index: number, domain: string, shape: MenubarShape): void {
  const payload = (root.PayloadContent as Dict[])[index]!;
  const content = payload.PayloadContent as Dict;
  const settings = ((content[domain] as Dict).Forced as Dict[])[0]!.mcx_preference_settings as Dict;
  content[domain] = MENUBAR_SHAPES[shape].entry(settings);
  const wrap: Shape["content"] = (MENUBAR_SHAPES[shape] as Shape).content;
  if (wrap !== undefined) payload.PayloadContent = wrap(content);
}
