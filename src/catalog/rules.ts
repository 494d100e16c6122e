import { catalogKeys } from "./catalog.js";
import { ENTRA_KEYS, ENTRA_PROVIDERS, valueAtPath as valueAt } from "./entra-keys.js";
import { checkPrivilegeElevation } from "./privilege-rules.js";
import type { Problem, Domain, KeyMap } from "./types.js";

/**
 * Cross-key rules, run on the final preference dictionary of a domain (template + generated
 * values + settings, already type-checked). Each rule is a small object so the table reads as
 * the list of what Jamf's documents require.
 */

type Prefs = Readonly<Record<string, unknown>>;
type Path = readonly (string | number)[];

interface Finding {
  /** The key the admin should change. */
  readonly path: Path;
  /** Names the keys involved: what is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

type Said = Pick<Finding, "message" | "fix">;

interface Rule {
  /** Names the rule in --json output. */
  readonly code: string;
  readonly domain: Domain;
  readonly severity: Problem["severity"];
  readonly find: (prefs: Prefs) => readonly Finding[];
}

const LOGIN: Domain = "com.jamf.connect.login";
const MENUBAR: Domain = "com.jamf.connect";
/** Providers whose passthrough page requires OIDCNewPassword false or absent. */
const PASSTHROUGH_SYNCED = ["Azure", "EntraID", "OneLogin", "PingFederate"];
const NEEDS_DISCOVERY = ["Custom", "PingFederate"];
const SUCCESS_CODE_HINT = 'AADSTS codes are numbers as strings, e.g. "50076"';

/** A rule that yields one finding when `test` holds. */
function when(test: (prefs: Prefs) => boolean, path: Path, say: (prefs: Prefs) => Said) {
  return (prefs: Prefs): readonly Finding[] => (test(prefs) ? [{ path, ...say(prefs) }] : []);
}

const rules: readonly Rule[] = [
  {
    code: "migrate-needs-deny-local",
    domain: LOGIN,
    severity: "error",
    find: when(
      (p) => p.Migrate === true && p.DenyLocal !== true,
      ["DenyLocal"],
      () => ({
        message: "Migrate is true but DenyLocal is not",
        fix: "set DenyLocal to true (Jamf Connect only migrates accounts when local login is denied)",
      }),
    ),
  },
  {
    code: "keychain-needs-new-password-false",
    domain: LOGIN,
    severity: "error",
    find: when(
      (p) => p.CreateJamfConnectPassword === true && p.OIDCNewPassword !== false,
      ["OIDCNewPassword"],
      (p) =>
        p.OIDCNewPassword === undefined
          ? { message: "CreateJamfConnectPassword is true but OIDCNewPassword is not set", fix: "set OIDCNewPassword to false (Jamf's documents disagree on its default)" }
          : { message: "CreateJamfConnectPassword is true but OIDCNewPassword is true", fix: "set OIDCNewPassword to false (Jamf Connect needs it to create the keychain item)" },
    ),
  },
  {
    code: "passthrough-needs-new-password-false",
    domain: LOGIN,
    severity: "error",
    find: when(
      (p) =>
        p.OIDCUsePassthroughAuth === true && isOneOf(p.OIDCProvider, PASSTHROUGH_SYNCED) && p.OIDCNewPassword === true,
      ["OIDCNewPassword"],
      (p) => ({
        message: `OIDCUsePassthroughAuth is true with OIDCProvider ${String(p.OIDCProvider)}, which needs OIDCNewPassword false or absent`,
        fix: "set OIDCNewPassword to false",
      }),
    ),
  },
  {
    code: "local-fallback-without-deny-local",
    domain: LOGIN,
    severity: "warning",
    find: when(
      (p) => p.LocalFallback === true && p.DenyLocal !== true,
      ["LocalFallback"],
      () => ({ message: "LocalFallback has no effect unless DenyLocal is true", fix: "set DenyLocal to true or remove LocalFallback" }),
    ),
  },
  {
    code: "deny-local-excluded-without-deny-local",
    domain: LOGIN,
    severity: "warning",
    find: when(
      (p) => p.DenyLocalExcluded !== undefined && p.DenyLocal !== true,
      ["DenyLocalExcluded"],
      () => ({ message: "DenyLocalExcluded has no effect unless DenyLocal is true", fix: "set DenyLocal to true or remove DenyLocalExcluded" }),
    ),
  },
  {
    code: "ropg-custom-needs-discovery-url",
    domain: LOGIN,
    severity: "error",
    find: when(
      (p) => p.ROPGProvider === "Custom" && !isSet(p.ROPGDiscoveryURL),
      ["ROPGDiscoveryURL"],
      () => ({
        message: "ROPGProvider is Custom but ROPGDiscoveryURL is not set",
        fix: "set ROPGDiscoveryURL to the AD FS discovery URL (https://<adfs host>/adfs/.well-known/openid-configuration)",
      }),
    ),
  },
  {
    code: "provider-needs-discovery-url",
    domain: LOGIN,
    severity: "error",
    find: when(
      (p) => isOneOf(p.OIDCProvider, NEEDS_DISCOVERY) && !isSet(p.OIDCDiscoveryURL),
      ["OIDCDiscoveryURL"],
      (p) => ({
        message: `OIDCProvider is ${String(p.OIDCProvider)} but OIDCDiscoveryURL is not set`,
        fix: "set OIDCDiscoveryURL to the provider's .well-known/openid-configuration URL",
      }),
    ),
  },
  {
    code: "menubar-provider-needs-discovery-url",
    domain: MENUBAR,
    severity: "error",
    find: when(
      (p) =>
        isOneOf(valueAt(p, ["IdPSettings", "Provider"]), NEEDS_DISCOVERY) &&
        !isSet(valueAt(p, ["IdPSettings", "DiscoveryURL"])),
      ["IdPSettings", "DiscoveryURL"],
      (p) => ({
        message: `IdPSettings.Provider is ${String(valueAt(p, ["IdPSettings", "Provider"]))} but IdPSettings.DiscoveryURL is not set`,
        fix: "set it to the provider's .well-known/openid-configuration URL",
      }),
    ),
  },
  {
    code: "admin-without-attribute",
    domain: LOGIN,
    severity: "warning",
    find: when(
      (p) => isSet(p.OIDCAdmin) && !isSet(p.OIDCAdminAttribute),
      ["OIDCAdminAttribute"],
      () => ({
        message: "OIDCAdmin is set but OIDCAdminAttribute is not, so Jamf Connect looks for the roles in the groups claim",
        fix: "set OIDCAdminAttribute to the claim that holds them (roles for Entra ID)",
      }),
    ),
  },
  {
    code: "admin-attribute-not-roles",
    domain: LOGIN,
    severity: "warning",
    find: when(
      (p) =>
        isOneOf(p.OIDCProvider, ENTRA_PROVIDERS) && typeof p.OIDCAdminAttribute === "string" && p.OIDCAdminAttribute !== "roles",
      ["OIDCAdminAttribute"],
      (p) => ({
        message: `OIDCAdminAttribute is "${String(p.OIDCAdminAttribute)}" but Entra ID sends app roles in the roles claim`,
        fix: "set OIDCAdminAttribute to roles",
      }),
    ),
  },
  { code: "provider-only-key", domain: LOGIN, severity: "warning", find: (p) => findProviderOnlyKeys(LOGIN, p) },
  { code: "provider-only-key", domain: MENUBAR, severity: "warning", find: (p) => findProviderOnlyKeys(MENUBAR, p) },
  { code: "bad-success-code", domain: LOGIN, severity: "error", find: (p) => findBadSuccessCodes(p, ENTRA_KEYS[LOGIN].successCodes) },
  { code: "bad-success-code", domain: MENUBAR, severity: "error", find: (p) => findBadSuccessCodes(p, ENTRA_KEYS[MENUBAR].successCodes) },
];

export interface RuleOptions {
  /**
   * The environment's menu bar provider, for a dictionary checked without its IdPSettings (a
   * privilege-elevation profile deployed on its own).
   */
  readonly provider?: string;
}

/** Cross-key problems in a domain's final preference dictionary. */
export function checkRules(domain: Domain, prefs: Prefs, options: RuleOptions = {}): Problem[] {
  const found = rules
    .filter((rule) => rule.domain === domain)
    .flatMap((rule) => rule.find(prefs).map((finding) => ({ ...finding, severity: rule.severity, code: rule.code })));
  return domain === MENUBAR ? [...found, ...checkPrivilegeElevation(prefs, options.provider)] : found;
}

/**
 * Keys whose catalogue `providers` leave out Entra ID (the Okta-only ones) in an Entra ID
 * profile: ignored, so remove them. Keys that list Entra ID among their providers pass.
 */
function findProviderOnlyKeys(domain: Domain, prefs: Prefs): Finding[] {
  const providerPath = ENTRA_KEYS[domain].provider;
  const providerKey = providerPath.join(".");
  const provider = valueAt(prefs, providerPath);
  if (!isOneOf(provider, ENTRA_PROVIDERS)) return [];
  const findings: Finding[] = [];
  // The dictionary at each level is walked beside its key specs: a branch whose value is not a
  // dictionary holds nothing to report, and no path is made unless a key is reported.
  const visit = (keys: KeyMap, dict: Prefs, path: readonly string[]): void => {
    for (const [name, spec] of restrictedEntries(keys)) {
      const value = Object.hasOwn(dict, name) ? dict[name] : undefined;
      if (spec.providers && !spec.providers.includes(String(provider))) {
        if (value === undefined) continue;
        const here = [...path, name];
        const key = here.join(".");
        findings.push({
          path: here,
          message: `${key} is only used when ${providerKey} is ${orList(spec.providers)}, but it is ${String(provider)}`,
          fix: `remove ${key}`,
        });
      } else if (spec.keys && isDictionary(value)) {
        visit(spec.keys, value, [...path, name]);
      }
    }
  };
  visit(catalogKeys(domain), prefs, []);
  return findings;
}

function isDictionary(value: unknown): value is Prefs {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof Date);
}

/**
 * The entries of a key map that have `providers`, or keys below that do, in catalogue order:
 * the only ones findProviderOnlyKeys can report or look into. Found once per key map; walking the
 * whole catalogue for every profile was a tenth of building 1000 environments.
 */
function restrictedEntries(keys: KeyMap): readonly [string, KeyMap[string]][] {
  let entries = restrictedByMap.get(keys);
  if (entries === undefined) {
    entries = Object.entries(keys).filter(([, spec]) => spec.providers !== undefined || (spec.keys !== undefined && restrictedEntries(spec.keys).length > 0));
    restrictedByMap.set(keys, entries);
  }
  return entries;
}

const restrictedByMap = new WeakMap<KeyMap, readonly [string, KeyMap[string]][]>();

function findBadSuccessCodes(prefs: Prefs, path: readonly string[]): Finding[] {
  const codes = valueAt(prefs, path);
  if (!Array.isArray(codes)) return [];
  const key = path.join(".");
  return codes.flatMap((code: unknown, index) => {
    if (typeof code === "string" && /^\d+$/.test(code)) return [];
    const digits = /^\s*(?:AADSTS)?\s*(\d+)\s*$/i.exec(String(code))?.[1];
    const said: Said =
      digits === undefined
        ? { message: `${key} contains ${JSON.stringify(code)}, which is not an AADSTS code`, fix: SUCCESS_CODE_HINT }
        : { message: `${key} contains ${JSON.stringify(code)}`, fix: `write "${digits}" (${SUCCESS_CODE_HINT})` };
    return [{ path: [...path, index], ...said }];
  });
}

/** "A, B or C". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

function isOneOf(value: unknown, options: readonly string[]): boolean {
  return typeof value === "string" && options.includes(value);
}

/** Present and not blank: an empty string or list configures nothing. */
function isSet(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
