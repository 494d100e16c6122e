import { bool, data, dict, int, str, strings } from "./define.js";
import { ENTRA_ID_VALUE, MFA_RENAME } from "./login-keys.js";
import { temporaryUserPermissions } from "./privilege-keys.js";
import type { KeyMap } from "./types.js";

/**
 * Keys of `com.jamf.connect` (menu bar app 2.x, "Self Service+" from 3.0), from the reference's
 * §3 (IdPSettings) and §4 (the other top-level dictionaries, mostly 2021 Jamf Pro schemas).
 */

export const MENUBAR_PROVIDERS = [
  "Azure",
  "EntraID",
  "IBMCI",
  "GoogleID",
  "Okta",
  "OktaIdentityEngine",
  "Okta OIDC",
  "Okta-OIDC",
  "OneLogin",
  "PingFederate",
  "Custom",
] as const;

const OKTA_OIDC_SPELLING =
  'the menu bar page writes "Okta OIDC" and the login-window page "Okta-OIDC"; which literal the menu bar accepts is not confirmed, so both pass';

const idpSettings: KeyMap = {
  Provider: str("Identity provider the menu bar signs in against.", {
    values: MENUBAR_PROVIDERS,
    unverifiedValues: {
      EntraID: ENTRA_ID_VALUE,
      "Okta OIDC": OKTA_OIDC_SPELLING,
      "Okta-OIDC": OKTA_OIDC_SPELLING,
    },
  }),
  ROPGID: str("Client ID used to verify passwords with ROPG."),
  TenantID: str("Tenant ID; the ROPG tenant in Jamf's Conditional Access guides."),
  DiscoveryURL: str("OpenID discovery document URL; needed for the Custom and PingFederate providers."),
  OktaAuthServer: str("Okta authorization server.", {
    providers: ["Okta", "OktaIdentityEngine", "Okta OIDC", "Okta-OIDC"],
  }),
  ChangePasswordURL: str(
    "Page opened by Change Password (Entra: https://mysignins.microsoft.com/security-info/password/change).",
  ),
  ResetPasswordURL: str("Page opened by Reset Password."),
  ClientSecret: str("Client secret of the ROPG app."),
  SuccessCodes: strings('AADSTS error codes treated as a successful password check, e.g. "50076" (MFA required).'),
  ROPGScopes: str("Scopes of the menu bar's ROPG password check (the \"ROPG Scopes\" field of Jamf Connect Configuration).", {
    since: "2.13",
    unverified: "key name for the menu bar ROPG scopes is not confirmed by any source",
  }),
  OIDCClientID: str("Client ID for OktaIdentityEngine.", {
    providers: ["OktaIdentityEngine"],
    unverified: "named only by a third-party script, for OktaIdentityEngine",
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

export const menubarKeys: KeyMap = {
  IdPSettings: dict("How the menu bar reaches the identity provider.", idpSettings),
  Appearance: dict("Menu bar icon and welcome window.", {
    MenubarIcon: str("Path of the menu bar icon."),
    MenubarIconDark: str("Path of the menu bar icon in dark mode."),
    ShowWelcomeWindow: bool("Show the welcome window."),
  }),
  HiddenMenuItems: strings(
    "Menu items to hide.",
    {
      unverified:
        "case-sensitivity of the values is not confirmed: the 2.x schema lists lowercase names, Jamf's Google sample uses CamelCase (ChangePassword, HomeDirectory), so values are not enforced",
    },
    { knownValues: HIDDEN_MENU_ITEMS },
  ),
  CustomMenuItems: dict("Customised menu items.", customMenuItems),
  Kerberos: dict("Kerberos tickets.", {
    Realm: str("Kerberos realm."),
    AutoRenewTickets: bool("Renew tickets automatically."),
    GetTicketsAtSignIn: bool("Get tickets when the user signs in."),
    ShortName: str("Short name used for the Kerberos principal."),
    ShortNameAttribute: str("Claim holding the short name."),
    AskForShortName: bool("Ask the user for the short name."),
    AskForShortNameMessage: str("Prompt shown when asking for the short name."),
  }),
  Keychain: dict("Keychain items kept in sync with the IdP password.", {
    InternetItems: dict("Internet password items to update."),
    PasswordItems: dict("Generic password items to update."),
  }),
  Certificate: dict("Certificates from a Windows CA.", {
    WindowsCA: str("Windows certificate authority."),
    CertificateTemplate: str("Certificate template name."),
    GetCertificateAutomatically: bool("Request a certificate automatically."),
    SecureNetworks: strings("Networks used by the certificate feature."),
    ExportableCertificateKey: bool("Make the certificate's private key exportable."),
  }),
  PasswordPolicies: dict("Password expiry notices and local password rules.", {
    ExpirationCountdownStartDay: int("Days before expiry the countdown starts (default 14)."),
    ExpirationNotificationStartDay: int("Days before expiry notifications start (default 7)."),
    NetworkCheck: int("Minutes between network checks (default 15)."),
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
  }),
  Scripting: dict("Scripts run on events.", {
    OnPasswordChange: str("Script run after a password change."),
    OnAuthSuccess: str("Script run after a successful sign-in."),
    OnAuthFailure: str("Script run after a failed sign-in."),
    OnNetworkChange: str("Script run when the network changes."),
  }),
  SignIn: dict("Menu bar sign-in window.", {
    AutoAuthenticate: bool("Sign in automatically."),
    AutoMFA: bool("Start MFA automatically."),
    RequireSignIn: bool("Require the user to sign in."),
    SignInLogo: str("Path of the sign-in window logo."),
    UsernameLabel: str("Label of the username field."),
    PasswordLabel: str("Label of the password field."),
    WindowTitle: str("Title of the sign-in window."),
    MFARename: MFA_RENAME,
    MFAExcluded: strings("MFA factors not offered."),
    OneTimePasswordMessage: str("Prompt shown when a one-time code is needed."),
  }),
  Unlock: dict("Jamf Unlock.", {
    EnableUnlock: bool("Allow Jamf Unlock."),
    RequirePIN: bool("Require a PIN for Jamf Unlock."),
  }),
  UserHelp: dict("The Get Help menu item.", {
    HelpType: str("What Get Help opens.", { values: ["Bomgar", "URL", "App"] }),
    HelpOptions: str("The URL, app or Bomgar option for HelpType."),
    SoftwarePath: str("App opened by Get Software."),
  }),
  WebBrowser: dict("Browser behaviour.", {
    LaunchBrowser: bool("Browser launch option."),
  }),
  LicenseFile: data("Jamf Connect license (.jamfconnectlicense contents).", {
    owner: "license",
    unverified: "whether the app also accepts the license as a base64 string instead of data is not confirmed",
  }),
  TemporaryUserPermissions: temporaryUserPermissions,
};
