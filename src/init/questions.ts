import { DEFAULT_REDIRECT_URI, DEFAULT_SCOPE_NAME } from "../config/resolve.js";
import { ELEVATION_KEY } from "../profile/layout.js";
import { newEnvironmentName, tenantFromPaste } from "./pasted.js";
import { suggestIdentifier } from "../project/identifier.js";
import { licenseValidator, validateAccounts, validateRoles, validators } from "./validators.js";
import type { AnswerName, Answers, Question, QuestionContext } from "./question-types.js";

/**
 * The wizard's questions as data, in the order a Mac admin finds the answers in the Entra admin
 * center. Every question has a flag; `default` is what Enter (or --yes) takes; a question
 * without a default must be answered (a prompt, or its flag when there is no terminal).
 */

const settings = (context: QuestionContext) => context.current.login?.settings ?? {};
const bool = (value: unknown): boolean | undefined => (typeof value === "boolean" ? value : undefined);
const elevationSettings = (context: QuestionContext): Record<string, unknown> => {
  const value = context.current.menubar?.settings?.[ELEVATION_KEY];
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
};
const firstElevationRole = (context: QuestionContext): string | undefined => {
  const roles = elevationSettings(context)["UserPromotionRole"];
  const first: unknown = Array.isArray(roles) ? roles[0] : undefined;
  const name = first !== null && typeof first === "object" ? (first as Record<string, unknown>)["Name"] : undefined;
  return typeof name === "string" ? name : undefined;
};

const CA_CHOICES = [
  {
    value: "per-user-mfa",
    name: "Per-user MFA (or no MFA) for every sign-in",
    description:
      "Default scopes: Entra answers each password check with \"MFA required\", which Jamf Connect accepts as a correct password.",
  },
  {
    value: "all-cloud-apps",
    name: 'A Conditional Access policy on "All cloud apps"',
    description:
      "Default scopes: it works, but every password check shows in the sign-in logs as a failed (MFA required) sign-in and can feed Risky Sign-ins.",
  },
  {
    value: "custom-scope",
    name: "A custom API scope that the policy excludes (Jamf's Conditional Access guide)",
    description:
      "Password checks ask for api://<API app>/jamfconnect, an app you exclude from the policy; MFA still applies at the login window.",
  },
] as const;

const isCustomScope = (answers: Partial<Answers>) => answers.caChoice === "custom-scope";
const keepsEntraPassword = (answers: Partial<Answers>) => answers.newPassword === false;

export const QUESTIONS: readonly Question[] = [
  {
    kind: "text", name: "env", flag: "--env",
    option: { value: "<name>", description: "environment to add or replace (default: prod, or the first of test, staging, dev the config does not have)" },
    message: "Environment name",
    help: "A name for this tenant's profiles, e.g. prod or test: it becomes the folder under out/ and part of the profile identifiers.",
    default: (_answers, context) => newEnvironmentName(context.environments),
    validate: () => validators.environmentName,
  },
  {
    kind: "select", name: "cloud", flag: "--cloud",
    option: { value: "<cloud>", description: "Entra cloud: public (default), usgov or china; --authority-host overrides it" },
    message: "Entra cloud",
    help: "Where the tenant lives: the public cloud (login.microsoftonline.com), US Government (login.microsoftonline.us) or China (21Vianet).",
    choices: [
      { value: "public", name: "public", description: "login.microsoftonline.com" },
      { value: "usgov", name: "usgov", description: "login.microsoftonline.us (GCC High, DoD)" },
      { value: "china", name: "china", description: "login.chinacloudapi.cn (operated by 21Vianet)" },
    ],
    applies: (_answers, context) => context.authorityHost === undefined,
    defaultWhenSkipped: true,
    default: (_answers, context) => context.current.cloud ?? context.siblingCloud ?? "public",
  },
  {
    kind: "text", name: "tenant", flag: "--tenant",
    option: { value: "<tenant>", description: "Directory (tenant) ID or verified domain (an authority or discovery URL works too)" },
    normalise: tenantFromPaste,
    message: "Tenant ID or domain",
    help: "Entra admin center → Overview: the Directory (tenant) ID, or a verified domain such as contoso.onmicrosoft.com.",
    default: (_answers, context) => context.current.tenant,
    validate: () => validators.tenant,
  },
  {
    kind: "text", name: "clientId", flag: "--client-id",
    option: { value: "<guid>", description: "login app's Application (client) ID (OIDCClientID)" },
    message: "Login app's Application (client) ID (OIDCClientID)",
    help: "App registrations → the Jamf Connect app → Overview: the Application (client) ID used for the login window sign-in.",
    default: (_answers, context) => context.current.login?.clientId,
    validate: () => validators.clientId,
  },
  {
    kind: "text", name: "ropgClientId", flag: "--ropg-client-id",
    option: { value: "<guid>", description: "password-check app's client ID (OIDCROPGID; default: --client-id)" },
    message: "Password-check (ROPG) client ID (OIDCROPGID)",
    help: "The app that checks passwords; usually the same app, with Allow public client flows set to Yes.",
    default: (answers, context) => context.current.login?.ropgClientId ?? answers.clientId,
    validate: () => validators.ropgClientId,
  },
  {
    kind: "text", name: "redirectUri", flag: "--redirect-uri",
    option: { value: "<uri>", description: "OIDCRedirectURI (default https://127.0.0.1/jamfconnect)" },
    message: "Redirect URI (OIDCRedirectURI)",
    help: "The Mobile and desktop (public client) redirect URI registered on the login app.",
    default: (_answers, context) => context.current.login?.redirectUri ?? DEFAULT_REDIRECT_URI,
    validate: () => validators.redirectUri,
  },
  {
    kind: "select", name: "caChoice", flag: "--ca-mode",
    option: { value: "<mode>", description: "per-user-mfa (or none), all-cloud-apps, custom-scope (default per-user-mfa)" },
    message: "How does MFA apply to your users?",
    help: "Jamf Connect checks passwords with a non-interactive sign-in (ROPG), which cannot answer MFA.",
    choices: CA_CHOICES,
    aliases: { none: "per-user-mfa" },
    default: (_answers, context) => (context.current.conditionalAccess?.mode === "custom-scope" ? "custom-scope" : "per-user-mfa"),
  },
  {
    kind: "text", name: "apiAppId", flag: "--api-app-id",
    option: { value: "<guid>", description: 'custom-scope: the "Conditional Access Policy API" app\'s client ID' },
    message: 'API app\'s Application (client) ID ("Jamf Connect - Conditional Access Policy API")',
    help: "The app that exposes the jamfconnect scope; exclude it from your Conditional Access policies.",
    applies: isCustomScope,
    notApplicable: "applies only with --ca-mode custom-scope",
    default: (_answers, context) => context.current.conditionalAccess?.apiAppId,
    validate: () => validators.apiAppId,
  },
  {
    kind: "text", name: "scopeName", flag: "--scope-name",
    option: { value: "<name>", description: "custom-scope: the API app's scope (default jamfconnect)" },
    message: "Scope name",
    help: "The API app's Expose an API → Scopes name.",
    applies: isCustomScope,
    notApplicable: "applies only with --ca-mode custom-scope",
    default: (_answers, context) => context.current.conditionalAccess?.scopeName ?? DEFAULT_SCOPE_NAME,
    validate: () => validators.scopeName,
  },
  {
    kind: "list", name: "adminRoles", flag: "--admin-role",
    option: { value: "<role>", description: "app role whose holders become local admins (repeat for more)", repeat: true },
    message: "Admin roles, comma-separated (OIDCAdmin; empty for none)",
    help: "App-role values (the login app's App roles) whose holders become local admins when their account is created.",
    default: (_answers, context) => [...(context.current.login?.adminRoles ?? [])],
    validate: validateRoles,
  },
  {
    kind: "confirm", name: "newPassword", flag: "--new-password",
    option: { description: "users create a separate local password (OIDCNewPassword true)", negate: "the Entra password becomes the local password (default)" },
    message: "Ask users to create a separate local password? (OIDCNewPassword)",
    help: "No (recommended with Entra): the Mac password is the user's Entra password, checked live with ROPG.",
    default: (_answers, context) => bool(settings(context)["OIDCNewPassword"]) ?? false,
  },
  {
    kind: "confirm", name: "passthrough", flag: "--passthrough",
    option: { description: "pass the Entra password on to the local account (default)", negate: "do not (OIDCUsePassthroughAuth false)" },
    message: "Pass the Entra password on to the local account? (OIDCUsePassthroughAuth)",
    help: "The password typed in the login window's web view also unlocks the Mac, so users type it once.",
    applies: keepsEntraPassword,
    notApplicable: "needs --no-new-password (Jamf Connect passes the password through only when it is the local one)",
    default: (_answers, context) => bool(settings(context)["OIDCUsePassthroughAuth"]) ?? true,
  },
  {
    kind: "confirm", name: "createJamfConnectPassword", flag: "--create-jamf-connect-password",
    option: { description: "create the Jamf Connect keychain item (default)", negate: "do not (CreateJamfConnectPassword false)" },
    message: "Create the Jamf Connect keychain item at account creation? (CreateJamfConnectPassword)",
    help: "The menu bar app can then keep the local password in sync without asking for it.",
    applies: keepsEntraPassword,
    notApplicable: "needs --no-new-password (Jamf Connect creates the keychain item only when the password is the Entra one)",
    default: (_answers, context) => bool(settings(context)["CreateJamfConnectPassword"]) ?? true,
  },
  {
    kind: "confirm", name: "denyLocal", flag: "--deny-local",
    option: { description: "require Entra sign-in at the login window (DenyLocal, default)", negate: "allow local login (DenyLocal false; no migration)" },
    message: "Require Entra sign-in at the login window? (DenyLocal)",
    help: "Hides local login; list break-glass accounts in DenyLocalExcluded, or set LocalFallback for offline Macs.",
    default: (_answers, context) => bool(settings(context)["DenyLocal"]) ?? true,
  },
  {
    kind: "list", name: "denyLocalExcluded", flag: "--deny-local-excluded",
    option: { value: "<account>", description: "with --deny-local: a local account that may still sign in locally, e.g. a break-glass admin (repeat for more)", repeat: true },
    message: "Local accounts that may still sign in locally, comma-separated (DenyLocalExcluded; empty for none)",
    help: "With DenyLocal on, only these local accounts can use the login window without Entra: list a break-glass admin (e.g. ladmin) so an outage does not lock everyone out.",
    applies: (answers) => answers.denyLocal === true,
    notApplicable: "needs --deny-local (DenyLocalExcluded lists exceptions to it)",
    default: (_answers, context) => {
      const current = settings(context)["DenyLocalExcluded"];
      return Array.isArray(current) ? current.filter((item): item is string => typeof item === "string") : [];
    },
    validate: validateAccounts,
  },
  {
    kind: "confirm", name: "migrate", flag: "--migrate",
    option: { description: "offer to connect existing local accounts (Migrate, default)", negate: "do not offer migration" },
    message: "Offer to connect existing local accounts to Entra accounts? (Migrate)",
    help: "At first sign-in a user can pick their existing local account instead of getting a new one.",
    applies: (answers) => answers.denyLocal === true,
    notApplicable: "needs --deny-local (Jamf Connect migrates accounts only when local login is denied)",
    default: (_answers, context) => bool(settings(context)["Migrate"]) ?? true,
  },
  {
    kind: "confirm", name: "elevation", flag: "--privilege-elevation",
    option: { description: "let users ask for temporary admin rights in Self Service+ (TemporaryUserPermissions, its own profile)", negate: "no privilege elevation (default)" },
    message: "Let users ask for temporary admin rights in Self Service+? (privilege elevation)",
    help: "Off by default. When on, it is built as a profile of its own (as Jamf Support recommends), to scope to some Macs and remove on its own.",
    default: (_answers, context) => bool(elevationSettings(context)["TemporaryUserPromotion"]) ?? false,
  },
  {
    kind: "text", name: "elevationRole", flag: "--elevation-role",
    option: { value: "<role>", description: "app-role value whose holders may ask for admin rights (default: every user may)" },
    message: "App role allowed to ask for admin rights (UserPromotionRole; empty for every user)",
    help: "The app role's Value on the login app, exactly as the ID token's roles claim carries it — no spaces.",
    applies: (answers) => answers.elevation === true,
    notApplicable: "needs --privilege-elevation",
    default: (_answers, context) => firstElevationRole(context) ?? "",
    validate: () => validators.elevationRole,
  },
  {
    kind: "text", name: "elevationMinutes", flag: "--elevation-minutes",
    option: { value: "<minutes>", description: "how long admin rights last (UserPromotionDuration; default 5)" },
    message: "Minutes the admin rights last (UserPromotionDuration)",
    applies: (answers) => answers.elevation === true,
    notApplicable: "needs --privilege-elevation",
    default: (_answers, context) => String(elevationSettings(context)["UserPromotionDuration"] ?? 5),
    validate: () => validators.elevationMinutes,
  },
  {
    kind: "text", name: "license", flag: "--license",
    option: { value: "<file>", description: "the .jamfconnectlicense file (default: the one beside the config, if exactly one)", negate: "write no license into the profiles" },
    message: "Jamf Connect license file (.jamfconnectlicense; empty for none)",
    help: "From Jamf Account; leave empty if you deploy the license in a profile of its own.",
    default: (_answers, context) => context.license ?? "",
    validate: (context) => licenseValidator(context.cwd),
  },
  {
    kind: "text", name: "organization", flag: "--organization",
    option: { value: "<name>", description: "PayloadOrganization (asked when the config is new)" },
    message: "Organization name (PayloadOrganization)",
    help: "Shown in System Settings → Profiles on every Mac.",
    applies: (_answers, context) => context.firstRun,
    default: () => undefined,
    validate: () => validators.organization,
  },
  {
    kind: "text", name: "identifier", flag: "--identifier",
    option: { value: "<id>", description: "reverse-DNS base of the profile identifiers (asked when the config is new)" },
    message: "Profile identifier base (reverse DNS)",
    help: "Every PayloadIdentifier starts with it; keep it stable, or Macs see new profiles instead of updates.",
    applies: (_answers, context) => context.firstRun,
    default: (answers, context) => suggestIdentifier(context.tenantDomain ?? answers.tenant, answers.organization),
    validate: () => validators.identifier,
  },
  {
    kind: "select", name: "payloadStyle", flag: "--payload-style",
    option: { value: "<style>", description: "mcx (default) or domain" },
    message: "Payload style",
    choices: [
      { value: "mcx", name: "mcx", description: "com.apple.ManagedClient.preferences, the form Jamf Pro stores custom settings in (default)" },
      { value: "domain", name: "domain", description: "The payload's type is the preference domain, the form of Jamf's own samples" },
    ],
    default: (_answers, context) => context.current.profile?.payloadStyle ?? "mcx",
  },
  {
    kind: "text", name: "jamfProUrl", flag: "--jamf-pro-url",
    option: { value: "<url>", description: "Jamf Pro server for jcprofile upload, e.g. https://contoso.jamfcloud.com (default: none)" },
    message: "Jamf Pro URL for jcprofile upload (empty for none)",
    // Only the address: upload reads the API client's credentials from environment variables at run time.
    help: "e.g. https://contoso.jamfcloud.com — the API client's ID and secret are never asked or saved; upload reads them from JAMF_CLIENT_ID / JAMF_CLIENT_SECRET.",
    default: (_answers, context) => context.current.jamfPro?.url ?? "",
    validate: () => (text) => (text.trim() === "" ? true : validators.jamfProUrl(text.trim())),
    normalise: (text) => text.trim().replace(/\/+$/, ""),
  },
];

export function questionNamed<K extends AnswerName>(name: K): Question & { name: K } {
  const question = QUESTIONS.find((candidate) => candidate.name === name);
  if (question === undefined) throw new Error(`no question ${name}`);
  return question as Question & { name: K };
}
