import * as v from "valibot";
import { authorityHostProblem, jamfProUrlProblem } from "../net/urls.js";
import { ELEVATION_PLACES, PROFILE_LAYOUTS } from "../profile/layout.js";

/**
 * The one definition of jcprofile.json: the TypeScript types (v.InferOutput), the validation
 * and the published JSON Schema (schema/jcprofile.schema.json) all come from here.
 *
 * Why valibot and not zod: `jcprofile build` must start within 2x of a bare `node` start-up,
 * and importing zod 4 alone costs ~80 ms on the CI machine (valibot: ~10 ms). Same idea:
 * strict objects, typed output, JSON Schema generation.
 *
 * Every environment field is optional here because it may come from `defaults`; required
 * fields are checked after merging (see resolve.ts).
 */

export const GUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** A verified domain such as contoso.onmicrosoft.com: at least two labels, a letter TLD. */
export const DOMAIN_PATTERN = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
export const IDENTIFIER_PATTERN = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;
export const ENVIRONMENT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const SCOPE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const messages = {
  tenant:
    "is not a tenant ID or domain — use the Directory (tenant) ID from the Entra admin center's Overview page, or a verified domain such as contoso.onmicrosoft.com",
  clientId: "is not a GUID — use the Application (client) ID from the app registration's Overview page",
  apiAppId:
    'is not a GUID — use the Application (client) ID of the "Jamf Connect - Conditional Access Policy API" app registration',
  identifier: "is not a reverse-DNS identifier — use something like com.contoso.jamfconnect",
  environmentName: "is not a usable environment name — use letters, digits, - and _ (it becomes a folder and part of the profile identifier)",
  scopeName: "is not a scope name — use the name under Expose an API → Scopes, e.g. jamfconnect",
  redirectUri: "is not an absolute URI — Jamf recommends https://127.0.0.1/jamfconnect, registered as a Mobile and desktop (public client) redirect URI",
  authorityHost: "is not an https URL — use e.g. https://login.microsoftonline.us",
  jamfProUrl: "is not an https URL — use the address of your Jamf Pro server, e.g. https://contoso.jamfcloud.com",
  nonEmpty: "is empty — give a value or remove the field",
} as const;

/** A Directory (tenant) ID or a verified domain: what Entra accepts in the authority path. */
export const isTenant = (value: string): boolean => GUID_PATTERN.test(value) || DOMAIN_PATTERN.test(value);

const nonEmptyString = v.pipe(v.string(), v.minLength(1, messages.nonEmpty));

/**
 * A profile's name is how upload finds it in Jamf Pro, and Jamf Pro trims the ends of the names it
 * stores (the issue 22 trial: the first upload stored "Name" for " Name ", every later one found no
 * " Name " and was refused with 409 "Duplicate name"). Refused here, for every command, rather than
 * trimmed: the name in the file is then the name Jamf Pro and the Macs show.
 */
const profileNameSchema = v.pipe(
  nonEmptyString,
  v.regex(
    /^(?:\S(?:[\s\S]*\S)?)?$/,
    'starts or ends with a space — Jamf Pro trims profile names when it stores them, so upload would not find the profile by this name again and every later run would be refused with 409 "Duplicate name": remove the spaces at the ends',
  ),
);

export const guidSchema = (message: string) => v.pipe(v.string(), v.regex(GUID_PATTERN, message));

/**
 * An app role's Value, as the `roles` claim carries it. Entra refuses spaces in a role's value (the
 * display name may have them), so "Mac Admins" can only be a display name and would never match.
 */
export const appRoleValueSchema = v.pipe(
  v.string(),
  v.minLength(1, "is empty — give the app role's value, e.g. Admin"),
  v.regex(/^\S+$/, "contains a space, which an app role's value never has (Entra refuses it there) — give the role's Value from App roles (e.g. MacAdmins), not its display name"),
);

export const tenantSchema = v.pipe(
  v.string(),
  v.check(isTenant, messages.tenant),
  v.description("Directory (tenant) ID, or a verified domain such as contoso.onmicrosoft.com"),
);

export const identifierSchema = v.pipe(
  v.string(),
  v.regex(IDENTIFIER_PATTERN, messages.identifier),
  v.description("Reverse-DNS base of every PayloadIdentifier, e.g. com.contoso.jamfconnect"),
);

/**
 * Why the name is refused: a name of the right characters that is only too long is told so, not
 * sent to use "letters, digits, - and _" which it already does.
 */
export function environmentNameMessage(name: string): string {
  const length = [...name].length;
  return /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name) && length > 64
    ? `is ${length} characters long, more than the 64 an environment name may have — shorten it (it becomes a folder and part of the profile identifier)`
    : messages.environmentName;
}

export const environmentNameSchema = v.pipe(
  v.string(),
  v.regex(ENVIRONMENT_NAME_PATTERN, (issue) => environmentNameMessage(String(issue.input))),
);

/** Only `https://host[:port]`: credentials, a path, a query or a fragment would be sent to the wrong place. */
export const httpsUrlSchema = v.pipe(
  v.string(),
  v.check((value) => authorityHostProblem(value) === undefined, (issue) => authorityHostProblem(String(issue.input)) ?? messages.authorityHost),
);

/** A regex, not a v.check: it becomes a `pattern` in the JSON Schema. */
export const jamfProUrlSchema = v.pipe(
  v.string(),
  // No "@" before the host: fetch refuses a URL with credentials, and its error would print them.
  v.regex(/^https:\/\/[^\s/?#@]+(?:\/[^\s?#]*)?$/, (issue) => jamfProUrlProblem(String(issue.input)) ?? messages.jamfProUrl),
);

export const absoluteUriSchema = v.pipe(
  v.string(),
  v.check((value) => {
    try {
      return new URL(value).protocol.length > 1;
    } catch {
      return false;
    }
  }, messages.redirectUri),
);

/**
 * Preference keys of one domain: checked key by key against the catalogue, not here. Two
 * objects, so the JSON Schema can describe each domain's keys (json-schema.ts).
 */
const settingsOf = (domain: string) =>
  v.pipe(v.record(v.string(), v.unknown()), v.description(`Any other ${domain} preference key, checked against jcprofile's key catalogue`));
export const loginSettingsSchema = settingsOf("com.jamf.connect.login");
export const menubarSettingsSchema = settingsOf("com.jamf.connect");

export const cloudSchema = v.picklist(["public", "usgov", "china"]);
export const caModeSchema = v.picklist(["none", "custom-scope"]);
export const payloadStyleSchema = v.picklist(["mcx", "domain"]);
export const profileLayoutSchema = v.picklist(PROFILE_LAYOUTS);

export const loginSchema = v.strictObject({
  clientId: v.optional(
    v.pipe(guidSchema(messages.clientId), v.description("OIDCClientID: the app used for the interactive login")),
  ),
  ropgClientId: v.optional(
    v.pipe(guidSchema(messages.clientId), v.description("OIDCROPGID: the app used for password checks (default: clientId)")),
  ),
  redirectUri: v.optional(
    v.pipe(absoluteUriSchema, v.description("OIDCRedirectURI (default https://127.0.0.1/jamfconnect)")),
  ),
  adminRoles: v.optional(
    v.pipe(
      v.array(appRoleValueSchema),
      v.description("App-role values whose holders become local admins (OIDCAdmin, with OIDCAdminAttribute = roles)"),
    ),
  ),
  settings: v.optional(loginSettingsSchema),
});

export const menubarSchema = v.strictObject({
  ropgClientId: v.optional(
    v.pipe(guidSchema(messages.clientId), v.description("IdPSettings ROPGID (default: the login window's ROPG client ID)")),
  ),
  settings: v.optional(menubarSettingsSchema),
});

export const conditionalAccessSchema = v.strictObject({
  mode: v.optional(
    v.pipe(
      caModeSchema,
      v.description(
        'none: Jamf Connect asks for "openid profile email", so an "All cloud apps" policy applies to every password check; custom-scope: password checks ask for api://<apiAppId>/<scopeName>, an app you exclude from the policy',
      ),
    ),
  ),
  apiAppId: v.optional(
    v.pipe(guidSchema(messages.apiAppId), v.description('Application (client) ID of the "Conditional Access Policy API" app')),
  ),
  scopeName: v.optional(
    v.pipe(v.string(), v.regex(SCOPE_NAME_PATTERN, messages.scopeName), v.description("Scope exposed by the API app (default jamfconnect)")),
  ),
  exemptInteractiveLogin: v.optional(
    v.pipe(
      v.boolean(),
      v.description("Also write the custom scope to OIDCScopes; this exempts the interactive login window sign-in from MFA (default false)"),
    ),
  ),
  loginRopgScopes: v.optional(
    v.pipe(nonEmptyString, v.description("Override for the login window ROPGScopes value")),
  ),
  menubarRopgScopes: v.optional(
    v.pipe(nonEmptyString, v.description("Override for the menu bar IdPSettings ROPGScopes value")),
  ),
  oidcScopes: v.optional(v.pipe(nonEmptyString, v.description("Override for the OIDCScopes value"))),
});

export const profileSchema = v.strictObject({
  payloadStyle: v.optional(
    v.pipe(
      payloadStyleSchema,
      v.description("mcx (default): com.apple.ManagedClient.preferences, as Jamf Pro stores custom settings; domain: PayloadType is the preference domain"),
    ),
  ),
  layout: v.optional(
    v.pipe(
      profileLayoutSchema,
      v.description("separate (default): a login window profile and a menu bar profile; combined: one profile with both domains, as Jamf Pro downloads it"),
    ),
  ),
  privilegeElevation: v.optional(
    v.pipe(
      v.picklist(ELEVATION_PLACES),
      v.description("Where menubar.settings.TemporaryUserPermissions goes: separate (default) — a privilege elevation profile of its own, as Jamf Support recommends; menubar — inside the menu bar payload"),
    ),
  ),
  removalDisallowed: v.optional(v.pipe(v.boolean(), v.description("PayloadRemovalDisallowed (default true)"))),
  loginDisplayName: v.optional(profileNameSchema),
  menubarDisplayName: v.optional(profileNameSchema),
  combinedDisplayName: v.optional(v.pipe(profileNameSchema, v.description('Name of the combined profile (layout "combined"; default "Jamf Connect (<env>)")'))),
  elevationDisplayName: v.optional(v.pipe(profileNameSchema, v.description('Name of the privilege elevation profile (default "Jamf Connect Privilege Elevation (<env>)")'))),
  description: v.optional(nonEmptyString),
});

export const jamfProDistributionSchema = v.picklist(["Install Automatically", "Make Available in Self Service"]);
export const jamfProRedeploySchema = v.picklist(["Newly Assigned", "All"]);

/**
 * Accepted by the schema only so that resolve (src/config/jamf-pro.ts) can refuse it with its own
 * message: a valibot message would quote the value, and the value is a secret. The JSON Schema
 * marks it as never valid.
 */
export const refusedSecretSchema = v.pipe(
  v.unknown(),
  v.description("Never put a secret in this file: jcprofile refuses it. Set the variable named by clientSecretEnv instead."),
);

/** Where `jcprofile upload` sends this environment's profiles; credentials come from environment variables only. */
export const jamfProSchema = v.strictObject({
  url: v.optional(
    v.pipe(jamfProUrlSchema, v.description("https base URL of the Jamf Pro server, e.g. https://contoso.jamfcloud.com")),
  ),
  category: v.optional(v.pipe(nonEmptyString, v.description("Category name in Jamf Pro (optional; it must exist there)"))),
  distribution: v.optional(
    v.pipe(jamfProDistributionSchema, v.description('Distribution method (default "Install Automatically")')),
  ),
  redeployOnUpdate: v.optional(
    v.pipe(jamfProRedeploySchema, v.description('Which computers get an updated profile: "All" (default) every computer in scope, "Newly Assigned" only computers scoped after the update')),
  ),
  clientIdEnv: v.optional(
    v.pipe(v.string(), v.description("Name of the environment variable holding the API client ID (default JAMF_CLIENT_ID)")),
  ),
  clientSecretEnv: v.optional(
    v.pipe(v.string(), v.description("Name of the environment variable holding the API client secret (default JAMF_CLIENT_SECRET)")),
  ),
  clientSecret: v.optional(refusedSecretSchema),
  password: v.optional(refusedSecretSchema),
});

export const environmentSchema = v.strictObject({
  tenant: v.optional(tenantSchema),
  cloud: v.optional(v.pipe(cloudSchema, v.description("Entra cloud: public (default), usgov, china"))),
  authorityHost: v.optional(
    v.pipe(httpsUrlSchema, v.description("Authority host URL; overrides cloud (e.g. https://login.microsoftonline.us)")),
  ),
  login: v.optional(loginSchema),
  menubar: v.optional(menubarSchema),
  conditionalAccess: v.optional(conditionalAccessSchema),
  license: v.optional(
    v.pipe(nonEmptyString, v.description("Path to the .jamfconnectlicense file, relative to this config file")),
  ),
  profile: v.optional(profileSchema),
  jamfPro: v.optional(v.pipe(jamfProSchema, v.description("Jamf Pro server for jcprofile upload (optional)"))),
  unknownKeys: v.optional(
    v.pipe(
      v.picklist(["error", "warn"]),
      v.description("error (default): a settings key jcprofile does not know is an error; warn: pass it through (keys newer than the catalogue)"),
    ),
  ),
});

export const configSchema = v.strictObject({
  $schema: v.optional(v.string()),
  organization: v.pipe(nonEmptyString, v.description("PayloadOrganization")),
  identifier: identifierSchema,
  defaults: v.optional(v.pipe(environmentSchema, v.description("Fields every environment inherits (objects merge; arrays and values replace)"))),
  environments: v.pipe(
    v.record(environmentNameSchema, environmentSchema),
    v.check((record) => Object.keys(record).length > 0, "has no environments — add one, e.g. \"prod\": { … }"),
  ),
});

export type ConfigFile = v.InferOutput<typeof configSchema>;
export type EnvironmentInput = v.InferOutput<typeof environmentSchema>;
export type Cloud = v.InferOutput<typeof cloudSchema>;
export type PayloadStyle = v.InferOutput<typeof payloadStyleSchema>;
export type CaMode = v.InferOutput<typeof caModeSchema>;
export type JamfProInput = v.InferOutput<typeof jamfProSchema>;
