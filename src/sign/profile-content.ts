/**
 * Whether the bytes inside a signed file are a Jamf Connect profile. Kept in this one function so
 * it can switch to the project's own profile reader (src/profile/) when that lands; until then the
 * `plist` package parses, loaded only here.
 */
const JAMF_CONNECT_DOMAINS = ["com.jamf.connect.login", "com.jamf.connect"];
const MCX = "com.apple.ManagedClient.preferences";

export type PlistObject = { [key: string]: unknown };

export interface ProfileContent {
  dictionary?: PlistObject;
  identifier?: string;
  /** The Jamf Connect domains its payloads configure. */
  domains: string[];
  /** undefined when it is a Jamf Connect profile. */
  problem?: string;
}

export async function readProfileContent(content: Buffer): Promise<ProfileContent> {
  let parsed: unknown;
  try {
    const { parse } = await import("plist");
    parsed = parse(content.toString("utf8"));
  } catch {
    return { domains: [], problem: "the content is not an XML property list" };
  }
  if (!isObject(parsed) || parsed["PayloadType"] !== "Configuration") return { domains: [], problem: "the content is not a configuration profile" };
  const identifier = typeof parsed["PayloadIdentifier"] === "string" ? parsed["PayloadIdentifier"] : undefined;
  const payloads = Array.isArray(parsed["PayloadContent"]) ? parsed["PayloadContent"].filter(isObject) : [];
  const domains = payloads.flatMap((payload) => {
    if (payload["PayloadType"] === MCX && isObject(payload["PayloadContent"])) return Object.keys(payload["PayloadContent"]);
    return typeof payload["PayloadType"] === "string" ? [payload["PayloadType"]] : [];
  }).filter((domain) => JAMF_CONNECT_DOMAINS.includes(domain));
  return {
    dictionary: parsed,
    ...(identifier !== undefined && { identifier }),
    domains,
    ...(domains.length === 0 && { problem: "the profile has no Jamf Connect payload (com.jamf.connect.login or com.jamf.connect)" }),
  };
}

export function isObject(value: unknown): value is PlistObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date) && !Buffer.isBuffer(value);
}

/** The key paths where two parsed profiles differ, e.g. `PayloadContent[0].…OIDCClientID`. */
export function differingKeyPaths(a: unknown, b: unknown, path = ""): string[] {
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => differingKeyPaths(a[key], b[key], path === "" ? key : `${path}.${key}`));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const length = Math.max(a.length, b.length);
    return Array.from({ length }, (_, index) => differingKeyPaths(a[index], b[index], `${path}[${index}]`)).flat();
  }
  return sameLeaf(a, b) ? [] : [path === "" ? "(whole profile)" : path];
}

function sameLeaf(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  return a === b;
}
