/**
 * The one place that knows which preference domains Jamf Connect reads and which profile kind
 * carries each: the login window (`com.jamf.connect.login`) and the menu bar app
 * (`com.jamf.connect`, called Self Service+ from Jamf Connect 3.0).
 */

export const PROFILE_KINDS = {
  login: { domain: "com.jamf.connect.login", fileName: "jamf-connect-login.mobileconfig", title: "login window" },
  menubar: { domain: "com.jamf.connect", fileName: "jamf-connect-menubar.mobileconfig", title: "menu bar" },
} as const;

export type ProfileKind = keyof typeof PROFILE_KINDS;

/** The two preference domains jcprofile writes and reads. */
export type Domain = (typeof PROFILE_KINDS)[ProfileKind]["domain"];

export const PROFILE_KIND_NAMES: readonly ProfileKind[] = ["login", "menubar"];

export const DOMAINS: readonly Domain[] = PROFILE_KIND_NAMES.map((kind) => PROFILE_KINDS[kind].domain);

export function isDomain(value: unknown): value is Domain {
  return typeof value === "string" && (DOMAINS as readonly string[]).includes(value);
}

export function kindOfDomain(domain: Domain): ProfileKind {
  return domain === PROFILE_KINDS.login.domain ? "login" : "menubar";
}

/** The payload type of Apple's managed-preferences (MCX) payload, Jamf Pro's custom settings form. */
export const MCX_PAYLOAD_TYPE = "com.apple.ManagedClient.preferences";

/**
 * The states a domain's entry in that payload may hold, as macOS reads them: Forced (enforced) and
 * Set-Once (a default the user may change) — Apple's ManagedPreferences payload reference ("the
 * corresponding forced and set-once preferences"). The old MCX "Often" (and "Once") became Set-Once;
 * "Often" is deprecated (mosen/profiledocs, Legacy Custom Settings). That macOS ignores an entry
 * under any other name is inferred, UNVERIFIED on a Mac.
 */
export const MCX_STATES = ["Forced", "Set-Once"] as const;
export type McxState = (typeof MCX_STATES)[number];
