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
