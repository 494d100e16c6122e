/**
 * What Jamf Pro would change in a rendered profile before any Mac gets it, found before upload
 * sends anything. Pure: the rendered profile dictionary in, problems out.
 *
 * - Payloads of other types than com.apple.ManagedClient.preferences (`payloadStyle: "domain"`) are
 *   stored verbatim: a string keeps the extra entity layer the Classic API needs on the wire, so a
 *   Mac gets `&amp;` for `&` and `&lt;` for `<` (Jamf issue PI-827), and LF and TAB are deleted
 *   (jamf/terraform-provider-jamfplatform STYLE_GUIDE.md "Payload storage categories", wire-probed
 *   on Jamf Pro 11.30; custom domains were not probed there and count as verbatim). No client can
 *   undo it, so upload refuses such a value.
 * - Leading and trailing whitespace of string values is trimmed when Jamf Pro stores a plist
 *   (Jamf-Concepts/jamf-cli classic-profile-payload-ampersand-escaping-2026-07-30.md): a warning
 *   with the key, since the trimmed value is usually what was meant.
 */
import { MCX_PAYLOAD_TYPE, MCX_STATES } from "../profile/domains.js";
import type { PlistDict, PlistValue } from "../profile/plist-xml.js";
import { isDict } from "../profile/unwrap.js";

export interface WireFindings {
  /** Values Jamf Pro would deliver differently in a verbatim payload: `<domain>.<key>` and what happens. */
  verbatim: string[];
  /** Values Jamf Pro trims: `<domain>.<key>` or a top-level key. */
  trimmed: string[];
}

const VERBATIM_DAMAGE: [RegExp, string][] = [
  [/&/, '"&" arrives as "&amp;"'],
  [/</, '"<" arrives as "&lt;"'],
  [/[\n\t]/, "line breaks and tabs are deleted"],
];

export function findWireProblems(profile: PlistDict): WireFindings {
  const findings: WireFindings = { verbatim: [], trimmed: [] };
  const content = profile["PayloadContent"];
  for (const [key, value] of Object.entries(profile)) {
    if (key !== "PayloadContent") visitStrings(value, key, (path, string) => checkTrim(findings, path, string));
  }
  for (const payload of Array.isArray(content) ? content.filter(isDict) : []) {
    const type = typeof payload["PayloadType"] === "string" ? payload["PayloadType"] : "";
    if (type === MCX_PAYLOAD_TYPE) {
      for (const [domain, settings] of Object.entries(isDict(payload["PayloadContent"]) ? payload["PayloadContent"] : {})) {
        for (const [path, values] of mcxSettings(domain, settings)) visitStrings(values, path, (at, string) => checkTrim(findings, at, string));
      }
      continue;
    }
    for (const [key, value] of Object.entries(payload)) {
      if (key.startsWith("Payload")) continue;
      visitStrings(value, `${type}.${key}`, (path, string) => {
        const damage = VERBATIM_DAMAGE.filter(([pattern]) => pattern.test(string)).map(([, what]) => what);
        if (damage.length > 0) findings.verbatim.push(`${path} (${damage.join(", ")})`);
      });
    }
  }
  return findings;
}

/**
 * Every `mcx_preference_settings` a domain's entry holds, each with the path it is named by: the
 * first Forced entry (the one jcprofile writes) as `<domain>`, any other as `<domain>.<state>[<i>]`.
 * A domain holding no settings at all is checked as it is.
 */
function mcxSettings(domain: string, entry: PlistValue): [string, PlistValue][] {
  if (!isDict(entry)) return [[domain, entry]];
  const found: [string, PlistValue][] = [];
  for (const state of MCX_STATES) {
    const list = entry[state];
    if (!Array.isArray(list)) continue;
    (list as readonly PlistValue[]).forEach((item, index) => {
      if (!isDict(item) || item["mcx_preference_settings"] === undefined) return;
      found.push([state === "Forced" && index === 0 ? domain : `${domain}.${state}[${index}]`, item["mcx_preference_settings"]]);
    });
  }
  return found.length > 0 ? found : [[domain, entry]];
}

function checkTrim(findings: WireFindings, path: string, value: string): void {
  if (value !== value.trim()) findings.trimmed.push(path);
}

function visitStrings(value: PlistValue, path: string, visit: (path: string, value: string) => void): void {
  if (typeof value === "string") visit(path, value);
  else if (Array.isArray(value)) (value as readonly PlistValue[]).forEach((item, index) => visitStrings(item, `${path}[${index}]`, visit));
  else if (isDict(value)) for (const [key, item] of Object.entries(value as PlistDict)) visitStrings(item, `${path}.${key}`, visit);
}
