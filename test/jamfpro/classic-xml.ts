/**
 * The double's side of the Classic API XML: incoming bodies parsed with a real DOM parser (xmldom,
 * which the plist package brings), so a body that is not well-formed XML is refused as Jamf Pro
 * would; outgoing documents written with escaped text, and Jamf's HTML status pages.
 */
import { DOMParser, type Element } from "@xmldom/xmldom";

export interface SentGeneral {
  name?: string;
  description?: string;
  category?: string;
  distribution?: string;
  level?: string;
  redeployOnUpdate?: string;
  payloads?: string;
}

export interface SentProfile {
  general: SentGeneral;
  /** The scope element as sent, or undefined when the body had none. */
  scope?: string;
}

export const escape = (text: string): string => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

function childElement(parent: Element | null | undefined, name: string): Element | null {
  if (!parent) return null;
  for (let node = parent.firstChild; node; node = node.nextSibling) if (node.nodeType === 1 && (node as Element).tagName === name) return node as Element;
  return null;
}

function text(parent: Element | null, ...path: string[]): string | undefined {
  let node = parent;
  for (const name of path) node = childElement(node, name);
  return node ? (node.textContent ?? "") : undefined;
}

/** Throws on anything but a well-formed `<os_x_configuration_profile>`. */
export function parseSentProfile(body: string): SentProfile {
  const errors: string[] = [];
  const document = new DOMParser({ onError: (level, message) => void (level !== "warning" && errors.push(message)) }).parseFromString(body, "text/xml");
  const root = document.documentElement;
  if (errors.length > 0 || !root || root.tagName !== "os_x_configuration_profile") throw new Error(`bad XML: ${errors.join("; ") || root?.tagName}`);
  const general = childElement(root, "general");
  const field = (...path: string[]) => text(general, ...path);
  const scope = childElement(root, "scope");
  const out: SentProfile = { general: {} };
  const assign = (key: keyof SentGeneral, value: string | undefined) => value !== undefined && (out.general[key] = value);
  assign("name", field("name"));
  assign("description", field("description"));
  assign("category", field("category", "name"));
  assign("distribution", field("distribution_method"));
  assign("level", field("level"));
  assign("redeployOnUpdate", field("redeploy_on_update"));
  assign("payloads", field("payloads"));
  if (scope) out.scope = scope.toString();
  return out;
}

/**
 * Jamf Pro's extra pass over `<payloads>` (Jamf issue PI-827): after the XML parser has read the
 * element (CDATA raw, text decoded once), the server decodes entities once more before it parses
 * the plist. So escaped text is decoded twice and CDATA once (Jamf-Concepts/jamf-cli
 * docs/solutions/conventions/classic-profile-payload-ampersand-escaping-2026-07-30.md, verified live).
 */
export function decodeEntitiesOnceMore(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g, (whole, decimal?: string, hex?: string, name?: string) =>
    decimal !== undefined ? String.fromCodePoint(Number(decimal)) : hex !== undefined ? String.fromCodePoint(parseInt(hex, 16)) : (named[name ?? ""] ?? whole),
  );
}

/** The plist after that pass is XML Jamf's own parser must accept; a bare `&` or `<` breaks it (409 "Unable to update the database"). */
export function isWellFormedXml(text: string): boolean {
  let errors = 0;
  new DOMParser({ onError: (level) => void (level !== "warning" && errors++) }).parseFromString(text, "text/xml");
  return errors === 0;
}

/** Jamf Pro's Classic API status page: a title paragraph, the reason, and a paragraph of links. */
export function statusPage(status: number, title: string, reason: string): string {
  return (
    "<html>\n<head>\n   <title>Status page</title>\n</head>\n<body style=\"font-family: sans-serif;\">\n" +
    `<p style="font-size: 1.2em;font-weight: bold;margin: 1em 0px;">${escape(title)}</p>\n` +
    `<p style="font-size: 1.2em;margin: 1em 0px;">${escape(reason)}</p>\n` +
    `<p>You can get technical details <a href="http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec${status}">here</a>.<br>\n` +
    "Please continue your visit at our <a href=\"/\">home page</a>.\n</p>\n</body>\n</html>\n"
  );
}
