import { bool, data, dict, str, strings } from "./define.js";
import type { KeyMap } from "./types.js";

/**
 * Keys of `com.jamf.connect.login`, from the reference's §1 (Entra-relevant) and §2 (every other
 * key seen). Okta, PAM (AuthUI*) and 1.x keys are listed too so a real key is never reported as
 * unknown.
 */

export const LOGIN_PROVIDERS = [
  "Azure",
  "EntraID",
  "IBMCI",
  "GoogleID",
  "OneLogin",
  "Okta",
  "OktaIdentityEngine",
  "Okta-OIDC",
  "PingFederate",
  "Custom",
] as const;

const OKTA = ["Okta", "OktaIdentityEngine", "Okta-OIDC"] as const;

export const ENTRA_ID_VALUE =
  'current docs list "EntraID (formerly Azure)", but Jamf\'s samples still write Azure and no source says from which version the app accepts EntraID';
const OKTA_OIDC_VALUE =
  'the login-window page spells it "Okta-OIDC" while the menu bar page of the same docs writes "Okta OIDC"; which literal each app accepts is not confirmed';

/** Okta's MFA factor names whose on-screen labels can be renamed. */
export const MFA_RENAME = dict("Okta MFA factor → label shown instead of the factor's name.", {
  push: str("Label for Okta Verify push."),
  question: str("Label for the security question factor."),
  web: str("Label for the web factor."),
  sms: str("Label for the SMS factor."),
  "google:token:software:totp": str("Label for Google Authenticator codes."),
  "okta:token:software:totp": str("Label for Okta Verify codes."),
  "token:hardware": str("Label for hardware tokens."),
});

const THIRD_PARTY = "seen only in third-party code, never in a Jamf source; its type is assumed from the name";

export const loginKeys: KeyMap = {
  // §1 — what an Entra ID deployment uses
  OIDCProvider: str("Identity provider the login window signs in against.", {
    values: LOGIN_PROVIDERS,
    unverifiedValues: { EntraID: ENTRA_ID_VALUE, "Okta-OIDC": OKTA_OIDC_VALUE },
  }),
  OIDCClientID: str("Application (client) ID of the app registration used for the interactive sign-in."),
  OIDCROPGID: str("Client ID used to verify passwords with ROPG; usually the same as OIDCClientID."),
  OIDCTenant: str("Directory (tenant) ID used for authentication.", {
    unverified:
      "whether Entra needs it is not confirmed: Jamf's own Azure sample omits it, a third-party script lists it as required",
  }),
  OIDCRedirectURI: str(
    "Redirect URI; must equal the public-client redirect URI of the app registration (usually https://127.0.0.1/jamfconnect).",
  ),
  OIDCClientSecret: str("Client secret; Jamf's Entra setups use a public client and leave it out."),
  OIDCDiscoveryURL: str("OpenID discovery document URL; needed only for the Custom and PingFederate providers."),
  OIDCScopes: str(
    "Scopes of the OIDC request, e.g. api://<app id>/jamfconnect+openid+profile+email for Conditional Access; from 2.14 the login window's ROPG check uses them too. Keep the separator the provider expects (Entra guides use +, Okta needs spaces).",
  ),
  ROPGScopes: str("Scopes of the login window's ROPG password check, e.g. openid+email+profile.", {
    since: "2.17",
  }),
  OIDCIgnoreCookies: bool("Ignore cookies stored by the login window's web view."),
  OIDCNewPassword: bool(
    "true: the user creates a separate local password; false: the user re-enters the IdP password, which becomes the local password.",
    {
      unverified:
        "the default differs between Jamf documents (false in current docs, true in the 2.1.2 docs), so set it explicitly",
    },
  ),
  OIDCUsePassthroughAuth: bool("Pass the password typed in the web view on to local authentication."),
  OIDCDefaultLocal: bool("Show local authentication first."),
  OIDCAdminAttribute: str("ID-token claim searched for admin roles (default groups; Entra ID: roles)."),
  OIDCAdmin: strings("Roles or groups whose members become local admins when their account is created."),
  OIDCIgnoreAdmin: bool("Keep each user's admin or standard status instead of applying roles."),
  OIDCSecondaryAccess: strings("Roles allowed to create additional local users.", {
    unverified: "the documentation does not state the type; a list of role names is assumed",
  }),
  CreateAdminUser: bool("Create every new user as a local admin (not enforced after creation)."),
  DenyLocal: bool("Hide local login so users must authenticate with the IdP."),
  DenyLocalExcluded: strings("Users still allowed to log in locally while DenyLocal is true."),
  LocalFallback: bool("With DenyLocal, fall back to local login when the network is unavailable."),
  Migrate: bool("Offer to connect existing local accounts to the IdP account; needs DenyLocal."),
  MigrateUsersHide: strings("Local accounts left out of the migration list, e.g. admin."),
  CreateNewUserHide: bool("Hide \"Create New User\" during migration.", { since: "2.13.0" }),
  CreateJamfConnectPassword: bool(
    "Create the Jamf Connect keychain item when the account is created; needs OIDCNewPassword false.",
  ),
  ROPGSuccessCodes: strings('AADSTS error codes treated as a successful password check, e.g. "50076" (MFA required).'),
  ROPGProvider: str("Where Hybrid ID verifies passwords: Azure_v2, or Custom for AD FS.", {
    values: ["Custom", "Azure_v2"],
  }),
  ROPGTenant: str("Tenant ID used for password verification."),
  ROPGDiscoveryURL: str("Discovery URL of the ROPG provider; needed when ROPGProvider is Custom (AD FS)."),
  ROPGRedirectURI: str("Redirect URI of the ROPG app registration."),
  ROPGClientSecret: str("ROPG client secret; leave out when it equals OIDCClientSecret."),
  EnableFDE: bool("Turn on FileVault for the first user."),
  EnableFDERecoveryKey: bool("Store the personal recovery key on the Mac."),
  EnableFDERecoveryKeyPath: str("Where the recovery key is stored (default /var/db/NoMADFDE)."),
  LicenseFile: data("Jamf Connect license (.jamfconnectlicense contents).", {
    owner: "license",
    unverified: "whether the app also accepts the license as a base64 string instead of data is not confirmed",
  }),

  // §2 — other keys seen in Jamf sources
  AuthServer: str("Okta domain.", { providers: OKTA }),
  OIDCAccessClientID: str("Client ID of the Okta app that grants access by role.", { providers: OKTA }),
  OIDCAdminClientID: str("Client ID of the Okta app whose users become admins.", { providers: OKTA }),
  OIDCSecondaryLoginClientID: str("Client ID of the Okta app for secondary logins.", { providers: OKTA }),
  OIDCAuthServer: str("ID of a custom Okta authorization server.", {
    providers: OKTA,
    unverified: "spelled this way only in a 1.x manifest; the current docs' key for it is not confirmed",
  }),
  OIDCShortName: str("Claim used as the account's short name."),
  OIDCFullName: str("Claim used as the account's full name."),
  OIDCIDTokenPath: str("Where to write the ID token."),
  OIDCIDTokenPathRaw: str("Where to write the raw ID token."),
  OIDCLocalAuthButton: str("Label of the local-login button."),
  ChangePasswordURL: str("IdP page where users change their password."),
  UseUserInfo: bool("Seen in Jamf's PingOne sample.", {
    unverified: "appears only in Jamf's PingOne sample; what it does is not documented",
  }),
  LoginWindowMessage: str("Message shown on the login window."),
  BackgroundImage: str("Path of the login window background image."),
  LoginLogo: str("Path of the login window logo."),
  HelpURL: str("URL opened by the help button."),
  HelpURLLogo: str("Path of the help button image."),
  LocalHelpFile: str("Path of a local help file.", { since: "1.2.3" }),
  AllowNetworkSelection: bool("Show the Wi-Fi menu on the login window."),
  EULATitle: str("Title of the EULA window."),
  EULASubTitle: str("Subtitle of the EULA window."),
  EULAText: str("EULA text."),
  EULAPath: str("Path setting of the EULA screen."),
  ScriptPath: str("Script run by the RunScript mechanism."),
  ScriptArgs: strings("Arguments for ScriptPath."),
  DemobilizeUsers: bool("Convert mobile accounts to local accounts."),
  LAPSUser: str("Local admin used to enable FileVault for standard users."),
  MessageOTPEntry: str("Prompt shown when a one-time code is needed.", { providers: OKTA }),
  MFARename: { ...MFA_RENAME, providers: OKTA },
  MFAExcluded: strings("Okta MFA factors not offered.", { providers: OKTA }),
  RightsTmpCache: bool("Cache the token for the AuthUI (PAM) module."),
  LoginScreen: bool("Okta login screen option of Jamf Connect 1.x.", {
    providers: OKTA,
    unverified: "only in the 1.x Okta manifest; not documented for 2.x",
  }),
  AuthUIOIDCProvider: str("Provider for the PAM module."),
  AuthUIOIDCClientID: str("Client ID for the PAM module."),
  AuthUIOIDCRedirectURI: str("Redirect URI for the PAM module."),
  AuthUIOIDCTenant: str("Tenant for the PAM module."),
  AuthUIOIDCClientSecret: str("Client secret for the PAM module."),
  AuthUIOIDCDiscoveryURL: str("Discovery URL for the PAM module."),
  OIDCHideShutdown: bool("Hide the Shut Down button.", { unverified: THIRD_PARTY }),
  OIDCHideRestart: bool("Hide the Restart button.", { unverified: THIRD_PARTY }),
  OIDCIgnoreCheckURL: bool("Skip the network check URL.", { unverified: THIRD_PARTY }),
  CreateVerifyPasswords: bool("Jamf Connect 1.x Verify password option.", { unverified: THIRD_PARTY }),
  CreateSyncPasswords: bool("Jamf Connect 1.x Sync password option.", { unverified: THIRD_PARTY }),
};
