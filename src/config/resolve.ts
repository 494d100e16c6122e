import { resolve as resolvePath } from "node:path";
import { deepMerge, isPlainObject, ownValue, withoutPaths } from "./merge.js";
import { messageAndFix, type Problem } from "../problem.js";
import type { ElevationPlace, ProfileLayout } from "../profile/layout.js";
import type { CaMode, Cloud, ConfigFile, EnvironmentInput, PayloadStyle } from "./schema.js";
import { escapeUnshowable, findUnwritableChar } from "../values.js";
import { resolveJamfPro, type ResolvedJamfPro } from "./jamf-pro.js";
import { appendAll } from "../append.js";

export const DEFAULT_REDIRECT_URI = "https://127.0.0.1/jamfconnect";
export const DEFAULT_SCOPE_NAME = "jamfconnect";

export const AUTHORITY_HOSTS: Record<Cloud, string> = {
  public: "https://login.microsoftonline.com",
  usgov: "https://login.microsoftonline.us",
  china: "https://login.chinacloudapi.cn",
};

/** One environment with defaults merged and every default filled in: what rendering and probing read. */
export interface ResolvedEnvironment {
  name: string;
  organization: string;
  identifier: string;
  tenant: string;
  cloud: Cloud;
  authorityHost: string;
  login: {
    clientId: string;
    ropgClientId: string;
    redirectUri: string;
    adminRoles: readonly string[];
    settings: Readonly<Record<string, unknown>>;
  };
  menubar: { ropgClientId: string; settings: Readonly<Record<string, unknown>> };
  conditionalAccess: {
    mode: CaMode;
    apiAppId?: string;
    scopeName: string;
    exemptInteractiveLogin: boolean;
    /** Profile values, `+`-separated as Jamf writes them; undefined = key not written. */
    loginRopgScopes?: string;
    menubarRopgScopes?: string;
    oidcScopes?: string;
  };
  license?: { path: string; bytes: Uint8Array };
  profile: {
    payloadStyle: PayloadStyle;
    removalDisallowed: boolean;
    layout: ProfileLayout;
    privilegeElevation: ElevationPlace;
    loginDisplayName: string;
    menubarDisplayName: string;
    combinedDisplayName: string;
    elevationDisplayName: string;
    description?: string;
  };
  unknownKeys: "error" | "warn";
  /** Where `jcprofile upload` sends the profiles; absent = this environment is not uploaded. */
  jamfPro?: ResolvedJamfPro;
}

export interface ResolveContext {
  /** Folder of the config file: `license` paths are relative to it. */
  configDir: string;
  /**
   * Every license the config names, already read and checked (licensePaths → readLicenseFile),
   * by absolute path: the bytes, or what is wrong with the file. Resolving itself reads nothing.
   */
  licenses: ReadonlyMap<string, Uint8Array | string>;
}

/** The license files a config names (in defaults and environments), as absolute paths. */
export function licensePaths(config: ConfigFile, configDir: string): string[] {
  const named = [config.defaults?.license, ...Object.values(config.environments).map((environment) => environment.license)];
  return [...new Set(named.filter((path): path is string => path !== undefined).map((path) => resolvePath(configDir, path)))];
}

/**
 * A license as written → its absolute path, per context: every environment of a config names the
 * same one or two, and resolving a path for each of 1000 environments was ~10 ms of a build.
 */
function licensePath(context: ResolveContext, written: string): string {
  let paths = licensePathsByContext.get(context.licenses);
  if (paths === undefined) {
    paths = new Map();
    licensePathsByContext.set(context.licenses, paths);
  }
  const key = `${context.configDir}\u0000${written}`;
  let path = paths.get(key);
  if (path === undefined) {
    path = resolvePath(context.configDir, written);
    paths.set(key, path);
  }
  return path;
}

/** Per license map (one run of the pipeline keeps one for all its environments), then by folder and license as written. */
const licensePathsByContext = new WeakMap<ResolveContext["licenses"], Map<string, string>>();

/** The host Entra is asked at: the environment's own authorityHost, else its cloud's, without a trailing slash. */
export function authorityHostOf(environment: { authorityHost?: string; cloud?: Cloud }): string {
  return withoutTrailingSlash(environment.authorityHost ?? AUTHORITY_HOSTS[environment.cloud ?? "public"]);
}

export function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/** `api://<app>/<scope>+openid+email+profile`, the form Jamf's Conditional Access guide writes. */
export function customScopeString(apiAppId: string, scopeName: string): string {
  return `api://${apiAppId}/${scopeName}+openid+email+profile`;
}

/**
 * One environment, merged with `defaults` and completed. With errors, the environment is still
 * returned (a missing tenant or client ID left empty, an unwritable string left out), so the
 * pipeline can go on to check its settings: the admin gets every problem in one pass. Only a
 * result without errors may be used.
 */
export function resolveEnvironment(
  config: ConfigFile,
  name: string,
  context: ResolveContext,
): { environment: ResolvedEnvironment; problems: Problem[] } {
  const own = ownValue(config.environments, name) ?? {};
  let merged: EnvironmentInput = deepMerge(config.defaults ?? {}, own);
  const problems: Problem[] = [];
  // Report a field where the admin wrote it: in the environment, or in defaults it inherits.
  const origin = (...path: string[]): (string | number)[] =>
    hasPath(own, path) || !hasPath(config.defaults ?? {}, path) ? ["environments", name, ...path] : ["defaults", ...path];
  const error = (path: (string | number)[], code: string, message: string, fix?: string) =>
    problems.push({ path, message, ...(fix !== undefined && { fix }), severity: "error", code });

  const unwritable: string[][] = [];
  for (const [path, bad] of unwritableStrings(merged, [], [])) {
    error(origin(...path), "unwritable-value", `contains ${bad}, which a property list cannot hold`);
    unwritable.push(path);
  }
  merged = withoutPaths(merged, unwritable);

  if (merged.tenant === undefined) {
    error(origin("tenant"), "missing-field", "is missing", 'set it here or in "defaults" (the Directory (tenant) ID from the Entra admin center)');
  }
  const clientId = merged.login?.clientId;
  if (clientId === undefined) {
    error(origin("login", "clientId"), "missing-field", "is missing", "use the Application (client) ID of the Jamf Connect app registration");
  }

  const ca = merged.conditionalAccess ?? {};
  const mode = ca.mode ?? "none";
  const scopeName = ca.scopeName ?? DEFAULT_SCOPE_NAME;
  let customScope: string | undefined;
  if (mode === "custom-scope") {
    if (ca.apiAppId === undefined) {
      error(
        origin("conditionalAccess", "apiAppId"),
        "missing-field",
        "is missing",
        'mode "custom-scope" needs the Application (client) ID of the "Jamf Connect - Conditional Access Policy API" app',
      );
    } else {
      customScope = customScopeString(ca.apiAppId, scopeName);
      if (ca.apiAppId.toLowerCase() === clientId?.toLowerCase()) {
        problems.push({
          path: origin("conditionalAccess", "apiAppId"),
          message: "is the login app itself",
          fix: "Jamf's guide uses a separate API app, so that excluding it from Conditional Access does not also exempt the interactive login",
          severity: "warning",
          code: "api-app-is-login-app",
        });
      }
    }
  } else if (ca.apiAppId !== undefined || ca.exemptInteractiveLogin) {
    problems.push({
      path: origin("conditionalAccess", "mode"),
      message: 'is "none", so apiAppId / exemptInteractiveLogin are ignored',
      fix: 'set mode to "custom-scope" to use them',
      severity: "warning",
      code: "conditional-access-ignored",
    });
  }

  const cloud = merged.cloud ?? "public";
  if (cloud !== "public" && merged.authorityHost === undefined) {
    problems.push({
      path: origin("cloud"),
      message: `is "${cloud}": jcprofile probes ${AUTHORITY_HOSTS[cloud]}, but no Jamf Connect key that selects a national cloud is confirmed (UNVERIFIED)`,
      fix: "check Jamf's documentation for your version, e.g. OIDCDiscoveryURL in login.settings",
      severity: "warning",
      code: "national-cloud-unverified",
    });
  }

  let license: ResolvedEnvironment["license"];
  if (merged.license !== undefined) {
    const path = licensePath(context, merged.license);
    const result = context.licenses.get(path);
    if (result === undefined) throw new Error(`resolveEnvironment: license ${path} was not read first (licensePaths)`);
    if (typeof result === "string") {
      // The license verdict is one sentence "what — fix", shared with init; split for the Problem.
      const { message, fix } = messageAndFix(result);
      error(origin("license"), "bad-license", `${escapeUnshowable(JSON.stringify(merged.license))} ${message}`, fix);
    }
    else license = { path, bytes: result };
  }

  const jamfPro = resolveJamfPro(merged.jamfPro, origin);
  appendAll(problems, jamfPro.problems);

  const ropgClientId = merged.login?.ropgClientId ?? clientId ?? "";
  const environment: ResolvedEnvironment = {
    name,
    organization: config.organization,
    identifier: config.identifier,
    tenant: merged.tenant ?? "",
    cloud,
    authorityHost: authorityHostOf(merged),
    login: {
      clientId: clientId ?? "",
      ropgClientId,
      redirectUri: merged.login?.redirectUri ?? DEFAULT_REDIRECT_URI,
      adminRoles: merged.login?.adminRoles ?? [],
      settings: merged.login?.settings ?? {},
    },
    menubar: {
      ropgClientId: merged.menubar?.ropgClientId ?? ropgClientId,
      settings: merged.menubar?.settings ?? {},
    },
    conditionalAccess: {
      mode,
      ...(ca.apiAppId !== undefined && { apiAppId: ca.apiAppId }),
      scopeName,
      exemptInteractiveLogin: ca.exemptInteractiveLogin ?? false,
      ...optional("loginRopgScopes", ca.loginRopgScopes ?? customScope),
      ...optional("menubarRopgScopes", ca.menubarRopgScopes ?? customScope),
      ...optional("oidcScopes", ca.oidcScopes ?? (ca.exemptInteractiveLogin ? customScope : undefined)),
    },
    ...(license && { license }),
    profile: {
      payloadStyle: merged.profile?.payloadStyle ?? "mcx",
      layout: merged.profile?.layout ?? "separate",
      privilegeElevation: merged.profile?.privilegeElevation ?? "separate",
      removalDisallowed: merged.profile?.removalDisallowed ?? true,
      loginDisplayName: merged.profile?.loginDisplayName ?? `Jamf Connect Login (${name})`,
      menubarDisplayName: merged.profile?.menubarDisplayName ?? `Jamf Connect Menu Bar (${name})`,
      combinedDisplayName: merged.profile?.combinedDisplayName ?? `Jamf Connect (${name})`,
      elevationDisplayName: merged.profile?.elevationDisplayName ?? `Jamf Connect Privilege Elevation (${name})`,
      ...optional("description", merged.profile?.description),
    },
    unknownKeys: merged.unknownKeys ?? "error",
    ...(jamfPro.jamfPro && { jamfPro: jamfPro.jamfPro }),
  };
  return { environment, problems };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function hasPath(object: unknown, path: readonly string[]): boolean {
  let node = object;
  for (const key of path) {
    if (!isPlainObject(node) || !Object.hasOwn(node, key)) return false;
    node = node[key];
  }
  return true;
}

/**
 * The strings of the structured fields that hold a character a property list cannot, each with
 * its path and that character; `settings` are checked by the catalogue instead. A plain walk with
 * one path stack, copied only for such a string (a generator's yield* per level and a spread path
 * per value were slow while cold, for every environment).
 */
function unwritableStrings(value: unknown, path: string[], found: [string[], string][]): [string[], string][] {
  if (typeof value === "string") {
    const bad = findUnwritableChar(value);
    if (bad !== undefined) found.push([[...path], bad]);
  }
  else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(String(index));
      unwritableStrings(value[index], path, found);
      path.pop();
    }
  } else if (isPlainObject(value)) {
    for (const key in value) {
      if (!Object.hasOwn(value, key) || key === "settings") continue;
      path.push(key);
      unwritableStrings(value[key], path, found);
      path.pop();
    }
  }
  return found;
}
