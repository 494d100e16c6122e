/**
 * The public sources the catalogue's keys come from, one constant per document, each a URL or
 * `owner/repo@commit path`. Catalogue entries name them in `sources`, so whoever re-checks a
 * key knows where to look, and a re-check of one document finds every key it backs.
 * Pages of Jamf's current documentation often show only the key table's beginning to tools;
 * keys sourced from them were read from those excerpts.
 */

const CURRENT_DOCS = "https://learn.jamf.com/r/en-US/jamf-connect-documentation-current/";

// Jamf's current documentation (Self Service+ era), one constant per page.
export const DOCS_LOGIN_AUTH = `${CURRENT_DOCS}Login_Window_Authentication_Settings`;
export const DOCS_INITIAL_PASSWORD = `${CURRENT_DOCS}Initial_Password_Settings`;
export const DOCS_USER_ROLES = `${CURRENT_DOCS}OpenID_Connect_User_Role_Settings`;
export const DOCS_ADVANCED_LOGIN = `${CURRENT_DOCS}Advanced_Login_Authentication_Settings`;
export const DOCS_HYBRID_ID = `${CURRENT_DOCS}Azure_AD_Hybrid_ID_Settings`;
export const DOCS_MIGRATION = `${CURRENT_DOCS}Account_Migration_Settings`;
export const DOCS_BRANDING = `${CURRENT_DOCS}Login_Window_Custom_Branding_Settings`;
export const DOCS_MENUBAR_AUTH = `${CURRENT_DOCS}Menu_Bar_Authentication_Settings`;
export const DOCS_MENUBAR_SIGN_IN = `${CURRENT_DOCS}Menu_Bar_Sign-in_Settings`;
export const DOCS_PASSWORD_POLICY = `${CURRENT_DOCS}Password_Policy_Settings`;
export const DOCS_CONDITIONAL_ACCESS = `${CURRENT_DOCS}Creating_a_Jamf_Connect_Configuration_with_Conditional_Access`;
export const DOCS_PRIVILEGE_SETTINGS = `${CURRENT_DOCS}Temporary_User_Permission_Settings`;
export const DOCS_PRIVILEGE_HOWTO = `${CURRENT_DOCS}Configuring_Privilege_Elevation`;

// Jamf's versioned documentation of Jamf Connect 2.x.
export const DOCS_2_15_LOGIN = "https://docs.jamf.com/jamf-connect/2.15.0/documentation/Login_Window_Preferences.html";
export const DOCS_2_13_LOGIN = "https://docs.jamf.com/jamf-connect/2.13.0/documentation/Login_Window_Preferences.html";
export const DOCS_2_8_MENUBAR = "https://docs.jamf.com/jamf-connect/2.8.0/documentation/Menu_Bar_App_Preferences.html";
export const DOCS_2_15_MENUBAR = "https://docs.jamf.com/jamf-connect/2.15.0/documentation/Menu_Bar_App_Preferences.html";
export const DOCS_2_15_PASSTHROUGH = "https://docs.jamf.com/jamf-connect/2.15.0/documentation/Passthrough_Authentication.html";
export const DOCS_2_13_ENTRA = "https://docs.jamf.com/jamf-connect/2.13.0/documentation/Integrating_with_Microsoft_Azure_AD.html";
export const DOCS_2_1_2_PASSWORD =
  "https://docs.jamf.com/jamf-connect/2.1.2/administrator-guide/Initial_Local_Password_Creation.html";
export const DOCS_2_17_PASSWORD_CHANGES = "https://docs.jamf.com/ja/jamf-connect/2.17.0/documentation/Password_Changes.html";
export const DOCS_2_17_PINGFEDERATE = "https://docs.jamf.com/ja/jamf-connect/2.17.0/documentation/Integrating_with_PingFederate.html";

// Jamf's public repository (MIT): sample configurations, the Conditional Access guide, scripts.
const JAMF_REPO = "jamf/jamfconnect@f742959";
export const JAMF_SAMPLES = `${JAMF_REPO} configurations/`;
export const JAMF_CA_GUIDE = `${JAMF_REPO} azure_conditional_access/4_-_Modifying_Jamf_Connect_to_apply_Azure_Conditio.pdf`;
export const JAMF_CA_GUIDE_2022 = `${JAMF_REPO} azure_conditional_access/OLD - Creating_a_Custom_Scope_for_Jamf_Connect_and_Condi.pdf`;
export const JAMF_LICENSE_SCRIPT = `${JAMF_REPO} additional_extension_attributes/Read_Jamf_Connect_License_Info.sh`;

// Jamf Support and community write-ups.
export const SUPPORT_PRIVILEGE =
  "https://support.jamf.com/en/articles/11003454-deploying-privilege-elevation-settings-from-jamf-connect";
export const DER_FLOUNDER_PRIVILEGE =
  "https://derflounder.wordpress.com/2026/02/18/using-self-service-as-a-privilege-elevation-tool/";

// Jamf Nation: the change log of Jamf's Conditional Access write-up (2.13: custom ROPG scopes in the menu bar).
export const COMMUNITY_CA_CHANGELOG =
  "https://community.jamf.com/t5/jamf-connect/jamf-connect-and-microsoft-azure-conditional-access/m-p/249968";

// Schemas and manifests written for Jamf Connect by others.
export const SCHEMAS_2X =
  "kdrwygvh/JSON-Schema-for-Jamf-Pro-Applications-and-Settings-MDM-Payload@1945efd Archive/Connect/2.x/";
export const MANIFESTS_1X =
  "ProfileCreator/ProfileManifests@d689b24 Manifests/ManagedPreferencesApplications/com.jamf.connect.login-{OpenID,Okta}.plist";
export const TROUBLESHOOTING_SCRIPT = "Sunshine-was-here/jamf-connect-troubleshooting (JCP 1.7.1)";
/** No Jamf source has these keys; the repository holding the struct was not recorded. */
export const THIRD_PARTY_STRUCT =
  "a third-party Swift playground's `struct Payload: Codable` (repository not recorded; search public code for OIDCHideShutdown)";
/** An admin's guide to Jamf Connect Login 1.9 and Sync 1.1 with Okta; its sample profile has CreateSyncPasswords. */
export const THIRD_PARTY_NOTIFY_GUIDE =
  "zacharysfisher/connect-login-notify@757ebe4 README.md (third-party guide to Jamf Connect Login 1.x with Okta: sample profile)";
