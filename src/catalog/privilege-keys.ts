import { bool, dict, int, list, str, strings } from "./define.js";
import { DER_FLOUNDER_PRIVILEGE, DOCS_PRIVILEGE_HOWTO, DOCS_PRIVILEGE_SETTINGS, SUPPORT_PRIVILEGE } from "./sources.js";
import { MENUBAR_PROVIDERS, OKTA_OIDC_MENUBAR } from "./providers.js";
import type { KeyMap } from "./types.js";

/**
 * `TemporaryUserPermissions` of `com.jamf.connect`: Self Service+ privilege elevation
 * (temporary admin rights). Kept apart from menubar-keys.ts because Jamf Support recommends
 * deploying it as its own profile, and the build writes it as one.
 */

/** Providers Jamf names for promotion via FIDO2/WebAuthn, in menu bar spellings. */
export const FIDO2_PROVIDERS = ["Azure", "EntraID", "OktaIdentityEngine", "Okta OIDC", "Okta-OIDC", "PingFederate"] as const;

const roleKeys: KeyMap = {
  Name: str(
    "Role (or group) value that grants this entry; case-sensitive, it must equal the value in the ID token's claim exactly.",
  ),
  Duration: int("Minutes of admin rights for members of this role; overrides UserPromotionDuration."),
  OIDCAdminAttribute: str("ID-token claim that holds the role value (roles for Entra ID)."),
  Provider: str("Identity provider that issues the role, spelled as in IdPSettings.Provider (Jamf's example: EntraID).", {
    values: MENUBAR_PROVIDERS,
    unverifiedValues: { "Okta OIDC": OKTA_OIDC_MENUBAR, "Okta-OIDC": OKTA_OIDC_MENUBAR },
  }),
};

export const temporaryUserPermissionsKeys: KeyMap = {
  TemporaryUserPromotion: bool("Lets users request temporary admin rights in Self Service+; required in this dictionary."),
  UserPromotionTimer: bool("Shows a countdown next to the Self Service+ menu bar icon while the user is an admin."),
  UserPromotionDuration: int("Minutes a promotion lasts; 0 turns promotion off; UserPromotionRole durations override it.", {
    default: 5,
  }),
  VerifyUserPromotion: bool("Requires signing in to the identity provider before a promotion; not available with Google."),
  VerifyUserPromotionFIDO2: bool(
    "Requires signing in through a browser with a passkey or FIDO2 key before a promotion; wins over VerifyUserPromotion. Needs the redirect URI jamfconnect://loggedin on the IdP app.",
    { providers: FIDO2_PROVIDERS },
  ),
  UserPromotionLimit: int("How many promotions a user may request per calendar month."),
  UserPromotionReason: bool("Requires a reason (up to 200 characters, logged locally) for each promotion."),
  UserPromotionChoices: strings(
    "Reasons the user can pick from when asking for a promotion.",
    { unverified: "the docs describe a list of reasons but show no example; string items are assumed" },
    { assumedType: true },
  ),
  UserPromotionBiometrics: bool("Biometric (Touch ID) confirmation of a promotion.", {
    sources: [DER_FLOUNDER_PRIVILEGE],
    unverified: "key and type come from a third-party write-up; the Jamf key-table excerpts read do not show it, so its exact effect is not confirmed",
  }),
  URLCommandLineElevation: bool(
    'The "URL Scheme and Command Line Elevation" setting: whether promotion can be started from the URL scheme and the command line, or only from the Self Service+ window.',
    {
      sources: [DER_FLOUNDER_PRIVILEGE, DOCS_PRIVILEGE_HOWTO],
      unverified:
        "key and type come from a third-party write-up; Jamf's steps select the setting \"to restrict privilege elevation to the Self Service+ interface only\", so which of true/false restricts is not confirmed",
    },
  ),
  UserPromotionRole: list(
    "Limits promotion to members of these roles (or groups), each with its own duration.",
    dict("One role that may request promotion.", roleKeys),
    { sources: [DOCS_PRIVILEGE_HOWTO, DOCS_PRIVILEGE_SETTINGS] },
  ),
};

export const temporaryUserPermissions = dict(
  "Privilege elevation in Self Service+ (temporary admin rights). Jamf Support suggests a separate profile so it can be scoped and removed on its own.",
  temporaryUserPermissionsKeys,
  { sources: [DOCS_PRIVILEGE_SETTINGS, DOCS_PRIVILEGE_HOWTO, SUPPORT_PRIVILEGE, DER_FLOUNDER_PRIVILEGE] },
);
