import { bool, data, dict, int, str, strings } from "./define.js";
import { MFA_RENAME } from "./login-keys.js";
import { ENTRA_ID_NOTE, MENUBAR_PROVIDERS, OKTA_OIDC_MENUBAR } from "./providers.js";
import { temporaryUserPermissions } from "./privilege-keys.js";
import {
  COMMUNITY_CA_CHANGELOG,
  DOCS_2_13_ENTRA,
  DOCS_2_15_MENUBAR,
  DOCS_2_17_PASSWORD_CHANGES,
  DOCS_2_8_MENUBAR,
  DOCS_CONDITIONAL_ACCESS,
  DOCS_MENUBAR_AUTH,
  DOCS_MENUBAR_SIGN_IN,
  DOCS_PASSWORD_POLICY,
  JAMF_CA_GUIDE,
  JAMF_LICENSE_SCRIPT,
  JAMF_SAMPLES,
  SCHEMAS_2X,
  TROUBLESHOOTING_SCRIPT,
} from "./sources.js";
import type { KeyMap } from "./types.js";

/**
 * Keys of `com.jamf.connect` (menu bar app 2.x, "Self Service+" from 3.0), from the reference's
 * §3 (IdPSettings) and §4 (the other top-level dictionaries, mostly 2021 Jamf Pro schemas), plus
 * privilege elevation (privilege-keys.ts). Keys inside a dictionary share its sources unless
 * they name their own.
 */

export { MENUBAR_PROVIDERS } from "./providers.js";

const OKTA_MENUBAR = ["Okta", "OktaIdentityEngine", "Okta OIDC", "Okta-OIDC"] as const;

const idpSettings: KeyMap = {
  Provider: str(`Identity provider the menu bar signs in against. ${ENTRA_ID_NOTE}`, {
    values: MENUBAR_PROVIDERS,
    unverifiedValues: {
      "Okta OIDC": OKTA_OIDC_MENUBAR,
      "Okta-OIDC": OKTA_OIDC_MENUBAR,
    },
  }),
  ROPGID: str("Client ID used to verify passwords with ROPG."),
  TenantID: str("Tenant ID; the ROPG tenant in Jamf's Conditional Access guides. Required for Entra ID (2.13 docs).", {
    sources: [DOCS_MENUBAR_AUTH, DOCS_2_8_MENUBAR, DOCS_2_13_ENTRA, JAMF_CA_GUIDE],
  }),
  DiscoveryURL: str("OpenID discovery document URL; needed for the Custom and PingFederate providers."),
  OktaAuthServer: str("Okta authorization server.", { providers: OKTA_MENUBAR }),
  ChangePasswordURL: str(
    "Page opened by Change Password (Entra: https://mysignins.microsoft.com/security-info/password/change).",
  ),
  ResetPasswordURL: str("Page opened by Reset Password.", { sources: [DOCS_2_15_MENUBAR, SCHEMAS_2X, JAMF_SAMPLES] }),
  ClientSecret: str("Client secret of the ROPG app.", { sources: [DOCS_2_15_MENUBAR, SCHEMAS_2X, JAMF_SAMPLES] }),
  SuccessCodes: strings('AADSTS error codes treated as a successful password check, e.g. "50076" (MFA required).', {
    sources: [DOCS_2_8_MENUBAR, SCHEMAS_2X],
  }),
  ROPGScopes: str("Scopes of the menu bar's ROPG password check (the \"ROPG Scopes\" field of Jamf Connect Configuration).", {
    since: "2.13",
    unverified: "key name for the menu bar ROPG scopes is not confirmed by any source",
    sources: [DOCS_CONDITIONAL_ACCESS, JAMF_CA_GUIDE, COMMUNITY_CA_CHANGELOG],
  }),
  OIDCClientID: str("Client ID for OktaIdentityEngine.", {
    providers: ["OktaIdentityEngine"],
    unverified: "named only by a third-party script, for OktaIdentityEngine",
    sources: [TROUBLESHOOTING_SCRIPT],
  }),
};

const HIDDEN_MENU_ITEMS = [
  "about",
  "actions",
  "changepassword",
  "gethelp",
  "getsoftware",
  "home",
  "tickets",
  "lastuser",
  "passwordexpiration",
  "preferences",
  "resetpassword",
  "shares",
  "connect",
  "quitjamfconnect",
] as const;

const customMenuItems: KeyMap = Object.fromEntries(
  [
    "About",
    "Actions",
    "ChangePassword",
    "ResetPassword",
    "GetHelp",
    "GetSoftware",
    "HomeDirectory",
    "KerberosTickets",
    "Preferences",
    "Shares",
    "Connect",
  ].map((item) => [item, str(`Customises the ${item} menu item.`)]),
);

const SCHEMA_AND_SAMPLES = [SCHEMAS_2X, JAMF_SAMPLES];

export const menubarKeys: KeyMap = {
  IdPSettings: dict("How the menu bar reaches the identity provider.", idpSettings, {
    sources: [DOCS_MENUBAR_AUTH, DOCS_2_8_MENUBAR, DOCS_2_15_MENUBAR],
  }),
  Appearance: dict(
    "Menu bar icon and welcome window.",
    {
      MenubarIcon: str("Path of the menu bar icon."),
      MenubarIconDark: str("Path of the menu bar icon in dark mode."),
      ShowWelcomeWindow: bool("Show the welcome window."),
    },
    { sources: SCHEMA_AND_SAMPLES },
  ),
  HiddenMenuItems: strings(
    "Menu items to hide.",
    {
      unverified:
        "case-sensitivity of the values is not confirmed: the 2.x schema lists lowercase names, Jamf's Google sample uses CamelCase (ChangePassword, HomeDirectory), so values are not enforced",
      sources: SCHEMA_AND_SAMPLES,
    },
    { knownValues: HIDDEN_MENU_ITEMS },
  ),
  CustomMenuItems: dict("Customised menu items.", customMenuItems, { sources: [SCHEMAS_2X] }),
  Kerberos: dict(
    "Kerberos tickets.",
    {
      Realm: str("Kerberos realm."),
      AutoRenewTickets: bool("Renew tickets automatically."),
      GetTicketsAtSignIn: bool("Get tickets when the user signs in."),
      ShortName: str("Short name used for the Kerberos principal."),
      ShortNameAttribute: str("Claim holding the short name."),
      AskForShortName: bool("Ask the user for the short name."),
      AskForShortNameMessage: str("Prompt shown when asking for the short name."),
      PasswordChangeWorkflow: str("How Change Password works; Web opens the identity provider's page.", {
        knownValues: ["Web"],
        unverified:
          "the 2.17 docs name the key and the value Web but not the dictionary holding it; placed in Kerberos, its section there",
        sources: [DOCS_2_17_PASSWORD_CHANGES],
      }),
    },
    { sources: [SCHEMAS_2X] },
  ),
  Keychain: dict(
    "Keychain items kept in sync with the IdP password.",
    {
      InternetItems: dict("Internet password items to update."),
      PasswordItems: dict("Generic password items to update."),
    },
    { sources: [SCHEMAS_2X] },
  ),
  Certificate: dict(
    "Certificates from a Windows CA.",
    {
      WindowsCA: str("Windows certificate authority."),
      CertificateTemplate: str("Certificate template name."),
      GetCertificateAutomatically: bool("Request a certificate automatically."),
      SecureNetworks: strings("Networks used by the certificate feature."),
      ExportableCertificateKey: bool("Make the certificate's private key exportable."),
    },
    { sources: [SCHEMAS_2X] },
  ),
  PasswordPolicies: dict(
    "Password expiry notices and local password rules.",
    {
      ExpirationCountdownStartDay: int("Days before expiry the menu bar countdown starts; 0 turns it off.", {
        default: 14,
        sources: [DOCS_PASSWORD_POLICY, ...SCHEMA_AND_SAMPLES],
      }),
      ExpirationNotificationStartDay: int("Days before expiry notifications start.", {
        default: 7,
        sources: [DOCS_PASSWORD_POLICY, ...SCHEMA_AND_SAMPLES],
      }),
      ExpirationManualOverrideDays: int(
        "How many days an Okta password stays valid (e.g. 90), so Self Service+ can count down to expiry for Okta accounts not mastered by Active Directory.",
        { providers: ["Okta"], sources: [DOCS_PASSWORD_POLICY] },
      ),
      NetworkCheck: int("Minutes between network checks.", { default: 15 }),
      SyncPasswordsMessage: str("Message shown when passwords are out of sync."),
      PolicyRequirements: dict("Local password requirements.", {
        minLength: int("Minimum length."),
        minLowerCase: int("Minimum lowercase letters."),
        minMatches: int("How many of the other requirements must be met."),
        minNumber: int("Minimum digits."),
        minSymbol: int("Minimum symbols."),
        minUpperCase: int("Minimum uppercase letters."),
      }),
      PolicyMessage: str("Message describing the password policy."),
    },
    { sources: SCHEMA_AND_SAMPLES },
  ),
  Scripting: dict(
    "Scripts run on events.",
    {
      OnPasswordChange: str("Script run after a password change."),
      OnAuthSuccess: str("Script run after a successful sign-in."),
      OnAuthFailure: str("Script run after a failed sign-in."),
      OnNetworkChange: str("Script run when the network changes."),
    },
    { sources: [SCHEMAS_2X] },
  ),
  SignIn: dict(
    "Menu bar sign-in window.",
    {
      AutoAuthenticate: bool("Sign in automatically."),
      AutoMFA: bool("Push the MFA method of the user's last sign-in automatically.", { providers: OKTA_MENUBAR }),
      AutoOpenAppAtLogin: bool(
        "Makes the app a login item of the user (the user must have opened it once); with a launch agent that opens it too, several copies may run.",
        { default: false },
      ),
      RequireSignIn: bool("Require the user to sign in."),
      SignInLogo: str("Path of the sign-in window logo."),
      UsernameLabel: str("Label of the username field."),
      PasswordLabel: str("Label of the password field."),
      WindowTitle: str("Title of the sign-in window."),
      MFARename: MFA_RENAME,
      MFAExcluded: strings("MFA factors not offered."),
      OneTimePasswordMessage: str("Prompt shown when a one-time code is needed."),
    },
    { sources: [DOCS_MENUBAR_SIGN_IN, ...SCHEMA_AND_SAMPLES] },
  ),
  Unlock: dict(
    "Jamf Unlock. With Entra ID the app registration also needs the redirect URI jamfunlock://callback/auth.",
    {
      EnableUnlock: bool("Allow Jamf Unlock (needs jamfunlock://callback/auth as a redirect URI of the Entra app)."),
      RequirePIN: bool("Require a PIN for Jamf Unlock."),
    },
    { sources: [JAMF_SAMPLES, DOCS_2_13_ENTRA] },
  ),
  UserHelp: dict(
    "The Get Help menu item.",
    {
      HelpType: str("What Get Help opens.", { values: ["Bomgar", "URL", "App"] }),
      HelpOptions: str("The URL, app or Bomgar option for HelpType."),
      SoftwarePath: str("App opened by Get Software."),
    },
    { sources: SCHEMA_AND_SAMPLES },
  ),
  WebBrowser: dict(
    "Browser behaviour.",
    {
      LaunchBrowser: bool("Browser launch option."),
    },
    { sources: [SCHEMAS_2X] },
  ),
  LicenseFile: data("Jamf Connect license (.jamfconnectlicense contents).", {
    owner: "license",
    unverified: "whether the app also accepts the license as a base64 string instead of data is not confirmed",
    sources: [JAMF_LICENSE_SCRIPT],
  }),
  TemporaryUserPermissions: temporaryUserPermissions,
};
