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
import { MCX_PAYLOAD_TYPE } from "../profile/domains.js";
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
        visitStrings(mcxSettings(settings), domain, (path, string) => checkTrim(findings, path, string));
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

/** `{Forced: [{mcx_preference_settings: {...}}]}` → the settings; anything else as it is. */
function mcxSettings(domain: PlistValue): PlistValue {
  const forced = isDict(domain) ? domain["Forced"] : undefined;
  const first = Array.isArray(forced) ? (forced as readonly PlistValue[])[0] : undefined;
  return isDict(first) && first["mcx_preference_settings"] !== undefined ? first["mcx_preference_settings"] : domain;
}

function checkTrim(findings: WireFindings, path: string, value: string): void {
  if (value !== value.trim()) findings.trimmed.push(path);
}

function visitStrings(value: PlistValue, path: string, visit: (path: string, value: string) => void): void {
  if (typeof value === "string") visit(path, value);
  else if (Array.isArray(value)) (value as readonly PlistValue[]).forEach((item, index) => visitStrings(item, `${path}[${index}]`, visit));
  else if (isDict(value)) for (const [key, item] of Object.entries(value as PlistDict)) visitStrings(item, `${path}.${key}`, visit);
}
