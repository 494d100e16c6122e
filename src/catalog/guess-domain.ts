import { catalogKeys } from "./catalog.js";
import { DOMAINS, type Domain } from "../profile/domains.js";
import type { PlistDict } from "../profile/plist-xml.js";
import type { DomainGuess } from "../profile/read-profile.js";

/**
 * The domain of a bare preferences file macOS did not name, from the keys only one domain's
 * catalogue knows. The profile reader takes it from its callers (lint, import, verify), so
 * src/profile never reaches up into the catalogue.
 */
export function guessDomainFromKeys(preferences: PlistDict): DomainGuess | undefined {
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
