import { catalogKeys } from "./catalog.js";
import { DOMAINS, type Domain } from "../profile/domains.js";
import type { PlistDict } from "../profile/plist-xml.js";

export interface DomainGuess {
  readonly domain: Domain;
  /** How it was decided, for the note the reader prints. */
  readonly reason: string;
}

/**
 * The domain of a bare preferences file: from its file name when macOS named it
 * (`com.jamf.connect.login.plist`), else from the keys only one domain's catalogue knows.
 */
export function guessDomain(fileName: string, preferences: PlistDict): DomainGuess | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const named = DOMAINS.find((domain) => base === `${domain}.plist`);
  if (named !== undefined) return { domain: named, reason: "from the file name" };
  const keys = Object.keys(preferences);
  const onlyIn = (domain: Domain): string[] => {
    const other = DOMAINS.find((candidate) => candidate !== domain)!;
    return keys.filter((key) => Object.hasOwn(catalogKeys(domain), key) && !Object.hasOwn(catalogKeys(other), key));
  };
  const [login, menubar] = [onlyIn("com.jamf.connect.login"), onlyIn("com.jamf.connect")];
  if (login.length === menubar.length) return undefined;
  const [domain, evidence] = login.length > menubar.length ? (["com.jamf.connect.login", login] as const) : (["com.jamf.connect", menubar] as const);
  const shown = evidence.slice(0, 3).join(", ") + (evidence.length > 3 ? ", …" : "");
  return { domain, reason: `guessed from its keys (${shown})` };
}
