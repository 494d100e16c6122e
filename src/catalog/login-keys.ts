import { bool, data, dict, str, strings } from "./define.js";
import {
  DOCS_2_13_ENTRA,
  DOCS_2_13_LOGIN,
  DOCS_2_15_LOGIN,
  DOCS_2_15_PASSTHROUGH,
  DOCS_2_17_PINGFEDERATE,
  DOCS_2_1_2_PASSWORD,
  DOCS_ADVANCED_LOGIN,
  DOCS_BRANDING,
  DOCS_HYBRID_ID,
  DOCS_INITIAL_PASSWORD,
  DOCS_LOGIN_AUTH,
  DOCS_MIGRATION,
  DOCS_USER_ROLES,
  JAMF_CA_GUIDE,
  JAMF_CA_GUIDE_2022,
  JAMF_LICENSE_SCRIPT,
  JAMF_SAMPLES,
  MANIFESTS_1X,
  SCHEMAS_2X,
  THIRD_PARTY_NOTIFY_GUIDE,
  THIRD_PARTY_STRUCT,
} from "./sources.js";
import { ENTRA_ID_NOTE, LOGIN_PROVIDERS, OKTA_OIDC_LOGIN } from "./providers.js";
import type { KeyMap } from "./types.js";

/**
 * Keys of `com.jamf.connect.login`, from the reference's §1 (Entra-relevant) and §2 (every other
 * key seen). Okta, PAM (AuthUI*) and 1.x keys are listed too so a real key is never reported as
 * unknown. Each key names its public sources (sources.ts).
 */

export { LOGIN_PROVIDERS } from "./providers.js";

const OKTA = ["Okta", "OktaIdentityEngine", "Okta-OIDC"] as const;

/** Okta's MFA factor names whose on-screen labels can be renamed. */
export const MFA_RENAME = dict(
  "Okta MFA factor → label shown instead of the factor's name.",
  {
    push: str("Label for Okta Verify push."),
    question: str("Label for the security question factor."),
    web: str("Label for the web factor."),
    sms: str("Label for the SMS factor."),
    "google:token:software:totp": str("Label for Google Authenticator codes."),
    "okta:token:software:totp": str("Label for Okta Verify codes."),
    "token:hardware": str("Label for hardware tokens."),
  },
  { sources: [SCHEMAS_2X] },
);

const THIRD_PARTY = "seen only in third-party code, never in a Jamf source; bool is the type that code gives it";
/**
 * A key no Jamf source has: lint and build warn about it (legacy-key). Its type is no guess — the
 * third-party code types it bool — so another type stays a wrong-type error, as for any sourced key.
 */
const THIRD_PARTY_KEY = { unverified: THIRD_PARTY, sources: [THIRD_PARTY_STRUCT] } as const;
/** Keys whose only source is a Jamf Connect 1.x manifest; lint and build warn about them (legacy-key). */
const ONLY_1X = "only in a Jamf Connect 1.x manifest; no 2.x source documents it";
const PAM = [SCHEMAS_2X];

export const loginKeys: KeyMap = {
  // §1 — what an Entra ID deployment uses
  OIDCProvider: str(`Identity provider the login window signs in against. ${ENTRA_ID_NOTE}`, {
    values: LOGIN_PROVIDERS,
    unverifiedValues: { "Okta-OIDC": OKTA_OIDC_LOGIN },
    sources: [DOCS_LOGIN_AUTH, DOCS_2_15_LOGIN, MANIFESTS_1X],
  }),
  OIDCClientID: str("Application (client) ID of the app registration used for the interactive sign-in.", {
    sources: [DOCS_LOGIN_AUTH, DOCS_2_15_LOGIN, MANIFESTS_1X],
  }),
  OIDCROPGID: str("Client ID used to verify passwords with ROPG; usually the same as OIDCClientID.", {
    sources: [DOCS_INITIAL_PASSWORD, MANIFESTS_1X, SCHEMAS_2X],
  }),
  OIDCTenant: str(
    "Directory (tenant) ID used for authentication. Required for Entra ID since Microsoft retired the common endpoint for it (Jamf's 2.13 docs), and for the ROPG test.",
    { sources: [DOCS_LOGIN_AUTH, DOCS_2_13_ENTRA, DOCS_2_15_LOGIN, MANIFESTS_1X] },
  ),
  OIDCRedirectURI: str(
    "Redirect URI; must equal the public-client redirect URI of the app registration (usually https://127.0.0.1/jamfconnect). Jamf Unlock needs jamfunlock://callback/auth registered as well.",
    { sources: [DOCS_LOGIN_AUTH, DOCS_2_15_LOGIN, MANIFESTS_1X, JAMF_CA_GUIDE, DOCS_2_13_ENTRA] },
  ),
  OIDCClientSecret: str("Client secret; Jamf's Entra setups use a public client and leave it out.", {
    sources: [DOCS_LOGIN_AUTH, DOCS_2_15_LOGIN],
  }),
  OIDCDiscoveryURL: str("OpenID discovery document URL; needed only for the Custom and PingFederate providers.", {
    sources: [DOCS_LOGIN_AUTH, DOCS_2_15_LOGIN],
  }),
  OIDCScopes: str(
    "Scopes of the OIDC request, e.g. api://<app id>/jamfconnect+openid+profile+email for Conditional Access; from 2.14 the login window's ROPG check uses them too (what 2.17 and later do when ROPGScopes is absent is not documented). Separate scopes with + (Okta Identity Engine wants spaces).",
    { sources: [DOCS_ADVANCED_LOGIN, DOCS_USER_ROLES, SCHEMAS_2X, JAMF_CA_GUIDE, JAMF_CA_GUIDE_2022] },
  ),
  ROPGScopes: str("Scopes of the login window's ROPG password check, e.g. openid+email+profile.", {
    since: "2.17",
    sources: [JAMF_CA_GUIDE],
  }),
  OIDCIgnoreCookies: bool("Ignore cookies stored by the login window's web view.", { sources: [MANIFESTS_1X, SCHEMAS_2X] }),
  OIDCNewPassword: bool(
    "true: the user creates a separate local password; false: the user re-enters the IdP password, which becomes the local password.",
    {
      unverified:
        "Jamf documents its default both ways (false in the current docs, enabled in the 2.1.2 docs), so set it explicitly",
      sources: [DOCS_INITIAL_PASSWORD, DOCS_2_1_2_PASSWORD, MANIFESTS_1X],
    },
  ),
  OIDCUsePassthroughAuth: bool("Pass the password typed in the web view on to local authentication.", {
    default: false,
    sources: [DOCS_2_15_PASSTHROUGH, DOCS_2_13_LOGIN],
  }),
  OIDCDefaultLocal: bool("Show local authentication first.", { sources: [SCHEMAS_2X, DOCS_2_15_LOGIN] }),
  OIDCAdminAttribute: str("ID-token claim searched for admin roles (Entra ID: roles).", {
    default: "groups",
    sources: [DOCS_USER_ROLES],
  }),
  OIDCAdmin: strings("Roles or groups whose members become local admins when their account is created.", {
    sources: [DOCS_USER_ROLES, JAMF_SAMPLES, MANIFESTS_1X],
  }),
  OIDCIgnoreAdmin: bool("Keep each user's admin or standard status instead of applying roles.", { sources: [DOCS_USER_ROLES] }),
  OIDCSecondaryAccess: strings("Roles allowed to create additional local users (read from the roles claim for Entra ID).", {
    assumedType: true,
    unverified: "the documentation does not state the type; a list of role names is assumed",
    sources: [DOCS_USER_ROLES],
  }, { assumedType: true }),
  CreateAdminUser: bool("Create every new user as a local admin (not enforced after creation).", {
    sources: [DOCS_2_15_LOGIN, SCHEMAS_2X, MANIFESTS_1X],
  }),
  DenyLocal: bool("Hide local login so users must authenticate with the IdP.", {
    sources: [DOCS_2_15_LOGIN, SCHEMAS_2X, MANIFESTS_1X],
  }),
  DenyLocalExcluded: strings("Users still allowed to log in locally while DenyLocal is true.", {
    sources: [DOCS_2_15_LOGIN, SCHEMAS_2X, MANIFESTS_1X],
  }),
  LocalFallback: bool("With DenyLocal, fall back to local login when the network is unavailable.", {
    sources: [DOCS_2_15_LOGIN, SCHEMAS_2X, MANIFESTS_1X],
  }),
  Migrate: bool("Offer to connect existing local accounts to the IdP account; needs DenyLocal.", { sources: [DOCS_MIGRATION] }),
  MigrateUsersHide: strings("Local accounts left out of the migration list, e.g. admin.", { sources: [DOCS_MIGRATION] }),
  CreateNewUserHide: bool('Hide "Create New User" during migration.', { since: "2.13.0", sources: [DOCS_MIGRATION, DOCS_2_13_LOGIN] }),
  CreateJamfConnectPassword: bool(
    "Create the Jamf Connect keychain item when the account is created; needs OIDCNewPassword false.",
    { sources: [DOCS_INITIAL_PASSWORD, JAMF_SAMPLES] },
  ),
  ROPGSuccessCodes: strings('AADSTS error codes treated as a successful password check, e.g. "50076" (MFA required).', {
    sources: [DOCS_INITIAL_PASSWORD, SCHEMAS_2X],
  }),
  ROPGProvider: str("Where Hybrid ID verifies passwords: Azure_v2, or Custom for AD FS.", {
    values: ["Custom", "Azure_v2"],
    sources: [DOCS_HYBRID_ID, SCHEMAS_2X],
  }),
  ROPGTenant: str("Tenant ID used for password verification.", { sources: [DOCS_HYBRID_ID, SCHEMAS_2X] }),
  ROPGDiscoveryURL: str("Discovery URL of the ROPG provider; needed when ROPGProvider is Custom (AD FS).", {
    sources: [DOCS_HYBRID_ID],
  }),
  ROPGRedirectURI: str("Redirect URI of the ROPG app registration.", { sources: [DOCS_HYBRID_ID] }),
  ROPGClientSecret: str("ROPG client secret; leave out when it equals OIDCClientSecret.", { sources: [DOCS_HYBRID_ID] }),
  EnableFDE: bool("Turn on FileVault for the first user.", { sources: [SCHEMAS_2X, MANIFESTS_1X] }),
  EnableFDERecoveryKey: bool("Store the personal recovery key on the Mac.", { sources: [SCHEMAS_2X, MANIFESTS_1X] }),
  EnableFDERecoveryKeyPath: str("Where the recovery key is stored.", {
    default: "/var/db/NoMADFDE",
    sources: [SCHEMAS_2X, MANIFESTS_1X],
  }),
  LicenseFile: data("Jamf Connect license (.jamfconnectlicense contents).", {
    owner: "license",
    unverified: "whether the app also accepts the license as a base64 string instead of data is not confirmed",
    sources: [MANIFESTS_1X, JAMF_LICENSE_SCRIPT],
  }),

  // §2 — other keys seen in Jamf sources
  AuthServer: str("Okta domain.", { providers: OKTA, sources: [MANIFESTS_1X, SCHEMAS_2X, DOCS_LOGIN_AUTH] }),
  OIDCAccessClientID: str("Client ID of the Okta app that grants access by role.", {
    providers: OKTA,
    sources: [MANIFESTS_1X, SCHEMAS_2X],
  }),
  OIDCAdminClientID: str("Client ID of the Okta app whose users become admins.", {
    providers: OKTA,
    sources: [MANIFESTS_1X, SCHEMAS_2X],
  }),
  OIDCSecondaryLoginClientID: str("Client ID of the Okta app for secondary logins.", {
    providers: OKTA,
    sources: [MANIFESTS_1X, SCHEMAS_2X, DOCS_USER_ROLES],
  }),
  OIDCAuthServer: str("ID of a custom Okta authorization server.", {
    providers: OKTA,
    unverified: "spelled this way only in a 1.x manifest; the current docs' key for it is not confirmed",
    sources: [MANIFESTS_1X],
  }),
  OIDCShortName: str("Claim used as the account's short name.", { sources: [SCHEMAS_2X, DOCS_ADVANCED_LOGIN, JAMF_SAMPLES] }),
  OIDCFullName: str("Claim used as the account's full name.", { sources: [DOCS_ADVANCED_LOGIN] }),
  OIDCIDTokenPath: str("Where to write the ID token.", { sources: [SCHEMAS_2X] }),
  OIDCIDTokenPathRaw: str("Where to write the raw ID token.", { sources: [SCHEMAS_2X] }),
  OIDCLocalAuthButton: str("Label of the local-login button.", { sources: [JAMF_SAMPLES] }),
  ChangePasswordURL: str("IdP page where users change their password (OIDC providers only).", { sources: [DOCS_LOGIN_AUTH] }),
  UseUserInfo: bool(
    "true when PingFederate issues internally managed reference tokens: Jamf Connect then reads the user's claims from the userinfo endpoint.",
    { sources: [DOCS_2_17_PINGFEDERATE, JAMF_SAMPLES] },
  ),
  LoginWindowMessage: str("Message shown on the login window (with Entra ID only after choosing local login).", {
    sources: [DOCS_BRANDING, SCHEMAS_2X, JAMF_SAMPLES],
  }),
  LoginWindowSize: str("Size (resolution) of the sign-in web view on the login window.", {
    assumedType: true,
    unverified:
      'the docs describe it as "the resolution of the webview" but show no value; a string is assumed — check a profile exported by Jamf Connect Configuration before relying on it',
    sources: [DOCS_BRANDING],
  }),
  BackgroundImage: str("Path of the login window background image.", { sources: [DOCS_BRANDING, MANIFESTS_1X, SCHEMAS_2X] }),
  LoginLogo: str("Path of the login window logo.", { sources: [DOCS_BRANDING, MANIFESTS_1X, SCHEMAS_2X] }),
  HelpURL: str("URL opened by the help button.", { sources: [MANIFESTS_1X, SCHEMAS_2X, JAMF_SAMPLES] }),
  HelpURLLogo: str("Path of the help button image.", { sources: [MANIFESTS_1X, SCHEMAS_2X] }),
  LocalHelpFile: str("Path of a local help file.", { since: "1.2.3", unverified: ONLY_1X, sources: [MANIFESTS_1X] }),
  AllowNetworkSelection: bool("Show the Wi-Fi menu on the login window.", { sources: [SCHEMAS_2X, JAMF_SAMPLES] }),
  EULATitle: str("Title of the EULA window.", { sources: [MANIFESTS_1X, SCHEMAS_2X] }),
  EULASubTitle: str("Subtitle of the EULA window.", { sources: [MANIFESTS_1X, SCHEMAS_2X] }),
  EULAText: str("EULA text.", { sources: [MANIFESTS_1X, SCHEMAS_2X] }),
  EULAPath: str("Path setting of the EULA screen.", { sources: [MANIFESTS_1X, SCHEMAS_2X] }),
  ScriptPath: str("Script run by the RunScript mechanism.", { sources: [MANIFESTS_1X, SCHEMAS_2X] }),
  ScriptArgs: strings("Arguments for ScriptPath.", { sources: [MANIFESTS_1X, SCHEMAS_2X] }),
  DemobilizeUsers: bool("Convert mobile accounts to local accounts.", { sources: [MANIFESTS_1X, SCHEMAS_2X, DOCS_MIGRATION] }),
  LAPSUser: str("Local admin used to enable FileVault for standard users.", { sources: [SCHEMAS_2X] }),
  MessageOTPEntry: str("Prompt shown when a one-time code is needed.", { providers: OKTA, sources: [SCHEMAS_2X] }),
  MFARename: { ...MFA_RENAME, providers: OKTA },
  MFAExcluded: strings("Okta MFA factors not offered.", { providers: OKTA, sources: [SCHEMAS_2X] }),
  RightsTmpCache: bool("Cache the token for the AuthUI (PAM) module.", { unverified: ONLY_1X, sources: [MANIFESTS_1X] }),
  LoginScreen: bool("Okta login screen option of Jamf Connect 1.x.", {
    providers: OKTA,
    unverified: "only in the 1.x Okta manifest; not documented for 2.x",
    sources: [MANIFESTS_1X],
  }),
  AuthUIOIDCProvider: str("Provider for the PAM module.", { sources: PAM }),
  AuthUIOIDCClientID: str("Client ID for the PAM module.", { sources: PAM }),
  AuthUIOIDCRedirectURI: str("Redirect URI for the PAM module.", { sources: PAM }),
  AuthUIOIDCTenant: str("Tenant for the PAM module.", { sources: PAM }),
  AuthUIOIDCClientSecret: str("Client secret for the PAM module.", { sources: PAM }),
  AuthUIOIDCDiscoveryURL: str("Discovery URL for the PAM module.", { sources: PAM }),
  OIDCHideShutdown: bool("Hide the Shut Down button.", THIRD_PARTY_KEY),
  OIDCHideRestart: bool("Hide the Restart button.", THIRD_PARTY_KEY),
  OIDCIgnoreCheckURL: bool("Skip the network check URL.", THIRD_PARTY_KEY),
  CreateVerifyPasswords: bool("Jamf Connect 1.x Verify password option.", THIRD_PARTY_KEY),
  CreateSyncPasswords: bool("Jamf Connect 1.x Sync password option.", { ...THIRD_PARTY_KEY, sources: [THIRD_PARTY_NOTIFY_GUIDE] }),
};
