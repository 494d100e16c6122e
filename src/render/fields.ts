import type { ResolvedEnvironment } from "../config/resolve.js";
import type { Domain } from "../profile/domains.js";
import type { PlistValue } from "../profile/plist-xml.js";
import { fillTemplate, loadTemplate, type FilledTemplate } from "./template.js";

/**
 * The config fields jcprofile writes as preferences, and the one home of the field ↔ key mapping:
 * this list says what each field fills, the templates (templates/*.json, data a Mac admin can read)
 * say where, with a `{{field}}` placeholder. Render fills the templates from here; import reads
 * the same mapping back through templateMap to invert it, so the two cannot drift apart.
 */
const FIELD_VALUES = {
  tenant: (environment) => environment.tenant,
  "login.clientId": (environment) => environment.login.clientId,
  "login.ropgClientId": (environment) => environment.login.ropgClientId,
  "login.redirectUri": (environment) => environment.login.redirectUri,
  "login.adminRoles": ({ login }) => (login.adminRoles.length > 0 ? login.adminRoles : undefined),
  // Entra puts app roles in the `roles` claim; Jamf's default attribute is `groups`.
  "login.adminAttribute": ({ login }) => (login.adminRoles.length > 0 ? "roles" : undefined),
  "menubar.ropgClientId": (environment) => environment.menubar.ropgClientId,
  "conditionalAccess.oidcScopes": (environment) => environment.conditionalAccess.oidcScopes,
  "conditionalAccess.loginRopgScopes": (environment) => environment.conditionalAccess.loginRopgScopes,
  "conditionalAccess.menubarRopgScopes": (environment) => environment.conditionalAccess.menubarRopgScopes,
  license: (environment) => environment.license?.bytes,
} as const satisfies Readonly<Record<string, (environment: ResolvedEnvironment) => PlistValue | undefined>>;

export type TemplateField = keyof typeof FIELD_VALUES;

const TEMPLATE_FIELDS = Object.keys(FIELD_VALUES) as TemplateField[];

/** What the placeholders of templates/*.json are filled with. */
function templateValues(environment: ResolvedEnvironment): Record<TemplateField, PlistValue | undefined> {
  const values: Partial<Record<TemplateField, PlistValue | undefined>> = {};
  for (const field of TEMPLATE_FIELDS) values[field] = FIELD_VALUES[field](environment);
  return values as Record<TemplateField, PlistValue | undefined>;
}

/** A domain's template filled from the environment's fields, before its settings are merged over it. */
export function fillFromFields(environment: ResolvedEnvironment, domain: Domain): FilledTemplate {
  return fillTemplate(loadTemplate(domain), templateValues(environment));
}

export interface TemplateMap {
  /** Key path ("IdPSettings.ROPGID") → the config field that owns it; `{{field?}}` defaults are not owned. */
  readonly owned: ReadonlyMap<string, TemplateField>;
  /** The template's fixed values (OIDCNewPassword false), placeholders left out. */
  readonly defaults: Readonly<Record<string, PlistValue>>;
}

const maps = new Map<Domain, TemplateMap>();

/** The mapping of one domain's template, read once. */
export function templateMap(domain: Domain): TemplateMap {
  let map = maps.get(domain);
  if (map === undefined) {
    const template = loadTemplate(domain);
    // Every field present, so every owned key shows up; then none, so only the fixed values stay.
    const owned = fillTemplate(template, Object.fromEntries(TEMPLATE_FIELDS.map((field) => [field, field]))).owned as Map<string, TemplateField>;
    const defaults = fillTemplate(template, Object.fromEntries(TEMPLATE_FIELDS.map((field) => [field, undefined]))).preferences;
    map = { owned, defaults };
    maps.set(domain, map);
  }
  return map;
}
