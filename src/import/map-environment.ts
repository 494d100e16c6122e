import { isPlainObject } from "../config/merge.js";
import { DEFAULT_REDIRECT_URI, DEFAULT_SCOPE_NAME, customScopeString } from "../config/resolve.js";
import { GUID_PATTERN } from "../config/schema.js";
import type { ProfileKind } from "../profile/domains.js";
import type { PayloadPart } from "../profile/layout.js";
import type { PlistValue } from "../profile/plist-xml.js";
import { wholeError, type Problem } from "../problem.js";
import { splitPreferences, type TemplateField } from "./owned-keys.js";

/** One domain's preferences as found in an input file. */
export interface ImportSource {
  /** The config section its keys go to. */
  kind: ProfileKind;
  /** Which payload it is: a menu bar payload holding only TemporaryUserPermissions is privilege elevation. */
  part: PayloadPart;
  /** "JamfConnect.mobileconfig: payload 1 (com.jamf.connect.login, mcx Forced)", for messages. */
  label: string;
  preferences: Readonly<Record<string, PlistValue>>;
}

export interface MappedEnvironment {
  /** The environment as jcprofile.json holds it (JSON values only). */
  environment: Record<string, unknown>;
  /** LicenseFile bytes, to be written as a .jamfconnectlicense file beside the config. */
  license?: Uint8Array;
  /** What cannot be carried over: each message names its source key. Any of these and nothing is written. */
  errors: Problem[];
  /** Said, not fatal (a value jcprofile derived). */
  notes: string[];
  /**
   * Said only when the environment gets no login window settings of its own: login.clientId taken
   * from the menu bar's ROPGID (an existing environment's login half, when kept, wins over it).
   */
  derivedLoginNote?: string;
}

type Json = Record<string, unknown>;

/** A tenant for a source that names none: --tenant (`flag`, which must then agree with the source), or the environment's. */
export interface GivenTenant {
  value: string;
  from: string;
  flag: boolean;
}

/**
 * The inverse of rendering (templates/ + src/render/fields.ts + resolve.ts):
 * owned keys back to their fields, every other key to `settings` unchanged. A field that rendering
 * would fill with the same value by default is left out, so the config stays as short as one
 * written by hand.
 */
export function mapEnvironment(sources: readonly ImportSource[], options: { tenant?: GivenTenant } = {}): MappedEnvironment {
  const errors: Problem[] = [];
  const cannot = (code: string, message: string, fix: string): void => void errors.push(wholeError(code, message, fix));
  const notes: string[] = [];
  let derivedLoginNote: string | undefined;
  const fields = new Map<TemplateField, { value: PlistValue; where: string }[]>();
  const settings: Partial<Record<ProfileKind, Record<string, PlistValue>>> = {};
  for (const source of sources) {
    const split = splitPreferences(source.kind, source.preferences);
    for (const [path, { field, value }] of split.owned) {
      fields.set(field, [...(fields.get(field) ?? []), { value, where: `${source.label}: ${path}` }]);
    }
    for (const problem of jsonProblems(split.settings)) cannot(problem.code, `${source.label}: ${problem.message}`, problem.fix);
    // Privilege elevation from a profile of its own joins the menu bar's settings (its keys differ).
    if (Object.keys(split.settings).length > 0) settings[source.kind] = { ...settings[source.kind], ...split.settings };
  }

  /** The one string value of a field; two sources that disagree cannot share one config field. */
  const text = (field: TemplateField): string | undefined => {
    const found = fields.get(field) ?? [];
    for (const entry of found) if (typeof entry.value !== "string") cannot("wrong-type", `${entry.where}: is ${describe(entry.value)}, but jcprofile writes a string here`, "make it a string in the source");
    const strings = found.filter((entry) => typeof entry.value === "string");
    if (new Set(strings.map((entry) => entry.value)).size > 1) {
      cannot("sources-differ", `${strings.map((entry) => entry.where).join(" and ")}: differ, but jcprofile writes one ${field} to both`, "make them equal in the source");
    }
    return strings[0]?.value as string | undefined;
  };

  const environment: Json = {};
  const tenant = text("tenant");
  const given = options.tenant;
  if (tenant !== undefined && given?.flag === true && given.value.toLowerCase() !== tenant.toLowerCase()) {
    cannot("other-tenant", `${given.from} is ${given.value}, but the source is for tenant ${tenant}`, `leave ${given.from} out, or import a profile of that tenant`);
  }
  if (tenant !== undefined) environment.tenant = tenant;
  else if (given !== undefined) {
    environment.tenant = given.value;
    notes.push(`the source names no tenant (Jamf Connect needs OIDCTenant and IdPSettings.TenantID for Entra ID since 2.13): ${given.value} from ${given.from} is written to both`);
  } else cannot("missing-field", "no tenant: neither OIDCTenant nor IdPSettings.TenantID is in the source", "add the Directory (tenant) ID to the profile, or pass --tenant <tenant ID>");

  const login: Json = {};
  const hasLogin = sources.some((source) => source.kind === "login");
  let clientId = text("login.clientId");
  const menubarRopg = text("menubar.ropgClientId");
  if (clientId === undefined && hasLogin) cannot("missing-field", "com.jamf.connect.login: OIDCClientID is missing", "jcprofile needs the login window's client ID; add it to the source");
  if (clientId === undefined && !hasLogin && menubarRopg !== undefined) {
    clientId = menubarRopg;
    derivedLoginNote = `no login window profile given: login.clientId is set to the menu bar's ROPGID (${menubarRopg}); build writes a login window profile too — set login.clientId to the login app if it differs`;
  }
  if (clientId !== undefined) login.clientId = clientId;
  const loginRopg = text("login.ropgClientId");
  if (loginRopg !== undefined && loginRopg !== clientId) login.ropgClientId = loginRopg;
  const redirect = text("login.redirectUri");
  if (redirect !== undefined && redirect !== DEFAULT_REDIRECT_URI) login.redirectUri = redirect;
  const admins = fields.get("login.adminRoles")?.[0];
  if (admins !== undefined) {
    const roles = admins.value;
    if (Array.isArray(roles) && roles.length > 0 && roles.every((role) => typeof role === "string" && role !== "")) login.adminRoles = [...roles];
    else cannot("wrong-type", `${admins.where}: is ${describe(roles)}, but jcprofile writes OIDCAdmin from login.adminRoles, a non-empty list of role names`, "make it an array of strings in the source");
  }
  // Rendering writes OIDCAdminAttribute "roles" with admin roles; a source without it used Jamf's
  // default, "groups": keep that meaning rather than change whose members become admins.
  const loginSource = sources.find((source) => source.kind === "login");
  if (admins !== undefined && loginSource !== undefined && !Object.hasOwn(loginSource.preferences, "OIDCAdminAttribute")) {
    settings.login = { ...settings.login, OIDCAdminAttribute: "groups" };
    notes.push(`${loginSource.label}: OIDCAdmin without OIDCAdminAttribute means Jamf's default claim, groups — login.settings.OIDCAdminAttribute is set to "groups" to keep that (Entra app roles are in "roles"; change it if you use them)`);
  }
  if (settings.login !== undefined) login.settings = settings.login;
  if (Object.keys(login).length > 0) environment.login = login;

  const menubar: Json = {};
  if (menubarRopg !== undefined && menubarRopg !== (loginRopg ?? clientId)) menubar.ropgClientId = menubarRopg;
  if (settings.menubar !== undefined) menubar.settings = settings.menubar;
  if (Object.keys(menubar).length > 0) environment.menubar = menubar;

  const ca = scopesToFields({ login: text("conditionalAccess.loginRopgScopes"), menubar: text("conditionalAccess.menubarRopgScopes"), oidc: text("conditionalAccess.oidcScopes") });
  if (Object.keys(ca).length > 0) environment.conditionalAccess = ca;

  const licenses = fields.get("license") ?? [];
  let license: Uint8Array | undefined;
  for (const entry of licenses) {
    if (!(entry.value instanceof Uint8Array)) cannot("wrong-type", `${entry.where}: is ${describe(entry.value)}, but a LicenseFile is data (the license file's bytes)`, "fix it in the source");
    else if (license !== undefined && !sameBytes(license, entry.value)) cannot("sources-differ", `${licenses.map((item) => item.where).join(" and ")}: hold different licenses, but jcprofile writes one license to both`, "use one license file");
    else license ??= entry.value;
  }
  return { environment, ...(license !== undefined && { license }), errors, notes, ...(derivedLoginNote !== undefined && { derivedLoginNote }) };
}

const CUSTOM_SCOPE = /^api:\/\/([^/]+)\/([A-Za-z0-9][A-Za-z0-9._-]*)\+openid\+email\+profile$/;

/**
 * ROPG scope strings back to conditionalAccess: the custom scope Jamf's Conditional Access guide
 * writes becomes mode custom-scope; any other string is kept in its override field.
 */
export function scopesToFields(scopes: { login?: string | undefined; menubar?: string | undefined; oidc?: string | undefined }): Json {
  const custom = [scopes.login, scopes.menubar].map(parseCustomScope).find((parsed) => parsed !== undefined);
  const ca: Json = {};
  let written: string | undefined;
  if (custom !== undefined) {
    ca.mode = "custom-scope";
    ca.apiAppId = custom.apiAppId;
    if (custom.scopeName !== DEFAULT_SCOPE_NAME) ca.scopeName = custom.scopeName;
    written = customScopeString(custom.apiAppId, custom.scopeName);
  }
  if (scopes.login !== undefined && scopes.login !== written) ca.loginRopgScopes = scopes.login;
  if (scopes.menubar !== undefined && scopes.menubar !== written) ca.menubarRopgScopes = scopes.menubar;
  if (scopes.oidc !== undefined) {
    if (written !== undefined && scopes.oidc === written) ca.exemptInteractiveLogin = true;
    else ca.oidcScopes = scopes.oidc;
  }
  return ca;
}

function parseCustomScope(scope: string | undefined): { apiAppId: string; scopeName: string } | undefined {
  const match = scope === undefined ? null : CUSTOM_SCOPE.exec(scope);
  if (match === null || !GUID_PATTERN.test(match[1]!)) return undefined;
  return { apiAppId: match[1]!, scopeName: match[2]! };
}

/** Values jcprofile.json (JSON) cannot hold, so `settings` could not carry them. */
function* jsonProblems(value: PlistValue, path = ""): Generator<{ code: string; message: string; fix: string }> {
  const at = path === "" ? "" : `${path}: `;
  const outside = "remove the key from the source or set it outside jcprofile";
  if (value instanceof Uint8Array) yield { code: "not-json", message: `${at}holds data, which jcprofile.json cannot express`, fix: `jcprofile carries data only as LicenseFile; ${outside}` };
  else if (value instanceof Date) yield { code: "not-json", message: `${at}holds a date, which jcprofile.json cannot express`, fix: outside };
  else if (typeof value === "number" && !Number.isSafeInteger(value)) {
    yield { code: "not-json", message: `${at}is the real number ${value}; jcprofile writes only whole numbers`, fix: "remove the key from the source or make it an integer" };
  } else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* jsonProblems(item as PlistValue, `${path}[${index}]`);
  else if (isPlainObject(value)) for (const [key, item] of Object.entries(value)) yield* jsonProblems(item as PlistValue, path === "" ? key : `${path}.${key}`);
}

function describe(value: PlistValue): string {
  if (value instanceof Uint8Array) return "data";
  if (value instanceof Date) return "a date";
  if (Array.isArray(value)) return value.length === 0 ? "an empty array" : "an array";
  if (isPlainObject(value)) return "a dictionary";
  return `${typeof value === "string" ? "the string" : `a ${typeof value}`} ${JSON.stringify(value)}`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
