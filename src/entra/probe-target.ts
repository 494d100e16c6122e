/**
 * One ROPG request to check against Entra, as Jamf Connect would send it: where it goes (authority
 * host, tenant), which app (client ID and its profile key) and what it asks for (scopes). The
 * probe reads them from an environment's profiles (probe/targets.ts); --tenant/--client-id and
 * init's live checks give them directly (flagsTarget).
 */
import { withoutTrailingSlash } from "../config/resolve.js";
import { DEFAULT_ROPG_SCOPES, splitScopes } from "./scopes.js";

/** `login`: the login window (com.jamf.connect.login); `menubar`: Jamf Connect (com.jamf.connect); `flags`: --tenant/--client-id. */
export type TargetName = "login" | "menubar" | "flags";

/**
 * Which profile key the client ID comes from: the login window's password check (`OIDCROPGID`)
 * and sign-in (`OIDCClientID`), the menu bar's password check (`ROPGID`), or `--client-id`.
 */
export type ClientRole = "OIDCROPGID" | "OIDCClientID" | "ROPGID" | "--client-id";

export interface ProbeTarget {
  name: TargetName;
  role: ClientRole;
  /**
   * false for the login window's sign-in client (OIDCClientID): only its tenant and app are
   * checked, since Jamf Connect never sends a password grant to it.
   */
  checksPassword: boolean;
  /** The config environment it comes from; null from flags. */
  environment: string | null;
  /** `https://login.microsoftonline.com` or another https origin, without a trailing slash. */
  authorityHost: string;
  tenant: string;
  clientId: string;
  scopes: readonly string[];
  /** Where the scopes come from, e.g. `ROPGScopes`, for the report. */
  scopeSource: string;
  /** ROPGSuccessCodes / IdPSettings.SuccessCodes, as written in the profile. */
  successCodes: readonly string[];
  /** Ways this request differs from what Jamf Connect sends, shown as warnings. */
  notes: readonly string[];
  /** The tenant's expected `cloud_instance_name`, when the cloud is known (see cloudInstanceOf). */
  expectedCloudInstance?: string;
}

/**
 * `cloud_instance_name` per cloud, to name a tenant that lives in another cloud. China is left out:
 * its value (partner.microsoftonline.cn, from memory) is UNVERIFIED, and a wrong guess would fail
 * every China tenant.
 */
const CLOUD_INSTANCES: Readonly<Record<string, string>> = { public: "microsoftonline.com", usgov: "microsoftonline.us" };
const HOST_CLOUDS: Readonly<Record<string, string>> = { "login.microsoftonline.com": "public", "login.microsoftonline.us": "usgov" };

/** From a config's `cloud`, or from a well-known authority host given as a flag. */
export function cloudInstanceOf(cloud: string | undefined): { expectedCloudInstance?: string } {
  const instance = cloud !== undefined ? CLOUD_INSTANCES[cloud] : undefined;
  return instance !== undefined ? { expectedCloudInstance: instance } : {};
}

export interface FlagTargetInput {
  tenant: string;
  clientId: string;
  scopes?: string;
  authorityHost: string;
}

export function flagsTarget(input: FlagTargetInput): ProbeTarget {
  const scopes = input.scopes !== undefined ? splitScopes(input.scopes) : [...DEFAULT_ROPG_SCOPES];
  const authorityHost = withoutTrailingSlash(input.authorityHost);
  return {
    name: "flags",
    role: "--client-id",
    checksPassword: true,
    environment: null,
    authorityHost,
    tenant: input.tenant,
    clientId: input.clientId,
    scopes,
    scopeSource: input.scopes !== undefined ? "--scopes" : "default (openid profile email)",
    successCodes: [],
    notes: [],
    ...cloudInstanceOf(HOST_CLOUDS[hostOf(authorityHost)]),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return "";
  }
}
