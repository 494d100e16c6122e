/**
 * Answers → the environment's JSON. The wizard owns a fixed set of fields; everything else an
 * existing environment holds (display names, other settings, overrides) is kept, in its order.
 * A field equal to what the environment would get anyway — from `defaults`, or the built-in
 * default — is left out, so the config stays as short as the shipped example.
 */
import { DEFAULT_REDIRECT_URI, DEFAULT_SCOPE_NAME } from "../config/resolve.js";
import { isPlainObject } from "../config/merge.js";
import type { EnvironmentInput } from "../config/schema.js";
import { ELEVATION_KEY } from "../profile/layout.js";
import type { Answers } from "./question-types.js";

type Json = Record<string, unknown>;

export interface EnvironmentInputs {
  /** The environment as the file has it now (raw JSON, key order intact), if it exists. */
  existing: Json | undefined;
  /** The config's `defaults`: what the environment inherits. */
  inherited: EnvironmentInput;
  answers: Answers;
  /** The license path relative to the config file, or undefined for none. */
  license: string | undefined;
  /** --authority-host, when given. */
  authorityHost?: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function setOwn(target: Json, path: readonly string[], value: unknown, inherited: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (!isPlainObject(node[key])) node[key] = {};
    node = node[key] as Json;
  }
  const last = path[path.length - 1]!;
  if (value === undefined || same(value, inherited)) delete node[last];
  else node[last] = value;
}

/** Drops objects the wizard emptied (`"conditionalAccess": {}` after switching back to none). */
function prune(target: Json, path: readonly string[]): void {
  const parent = path.slice(0, -1).reduce<Json | undefined>((node, key) => (isPlainObject(node?.[key]) ? (node[key] as Json) : undefined), target);
  const key = path[path.length - 1]!;
  if (parent !== undefined && isPlainObject(parent[key]) && Object.keys(parent[key]).length === 0) delete parent[key];
}

export function environmentFromAnswers(inputs: EnvironmentInputs): Json {
  const { answers, inherited } = inputs;
  const env: Json = structuredClone(inputs.existing ?? {});
  const login = inherited.login ?? {};
  const ca = inherited.conditionalAccess ?? {};

  setOwn(env, ["tenant"], answers.tenant, inherited.tenant);
  setOwn(env, ["cloud"], answers.cloud, inherited.cloud ?? "public");
  if (inputs.authorityHost !== undefined) setOwn(env, ["authorityHost"], inputs.authorityHost, inherited.authorityHost);
  setOwn(env, ["login", "clientId"], answers.clientId, login.clientId);
  setOwn(env, ["login", "ropgClientId"], answers.ropgClientId, login.ropgClientId ?? answers.clientId);
  setOwn(env, ["login", "redirectUri"], answers.redirectUri, login.redirectUri ?? DEFAULT_REDIRECT_URI);
  setOwn(env, ["login", "adminRoles"], answers.adminRoles, login.adminRoles ?? []);
  const keepsEntraPassword = !answers.newPassword;
  const settings: Record<string, boolean> = {
    // Always written (unless `defaults` has the same): Jamf's documents disagree on OIDCNewPassword's default.
    OIDCNewPassword: answers.newPassword,
    OIDCUsePassthroughAuth: keepsEntraPassword && answers.passthrough === true,
    CreateJamfConnectPassword: keepsEntraPassword && answers.createJamfConnectPassword === true,
    DenyLocal: answers.denyLocal,
    Migrate: answers.denyLocal && answers.migrate === true,
  };
  for (const [key, value] of Object.entries(settings)) setOwn(env, ["login", "settings", key], value, login.settings?.[key]);
  const excluded = answers.denyLocal && (answers.denyLocalExcluded ?? []).length > 0 ? answers.denyLocalExcluded : undefined;
  setOwn(env, ["login", "settings", "DenyLocalExcluded"], excluded, login.settings?.["DenyLocalExcluded"]);

  const custom = answers.caChoice === "custom-scope";
  setOwn(env, ["conditionalAccess", "mode"], custom ? "custom-scope" : "none", ca.mode ?? "none");
  setOwn(env, ["conditionalAccess", "apiAppId"], custom ? answers.apiAppId : undefined, ca.apiAppId);
  setOwn(env, ["conditionalAccess", "scopeName"], custom ? answers.scopeName : undefined, ca.scopeName ?? DEFAULT_SCOPE_NAME);
  // Exempting the interactive login is a choice beyond the wizard's; it means nothing without the custom scope.
  if (!custom && isPlainObject(env["conditionalAccess"])) delete env["conditionalAccess"]["exemptInteractiveLogin"];

  writeElevation(env, answers);
  setOwn(env, ["license"], inputs.license, inherited.license);
  setOwn(env, ["profile", "payloadStyle"], answers.payloadStyle, inherited.profile?.payloadStyle ?? "mcx");
  // Only the URL is the wizard's; category, distribution and the credential variables' names stay as they are.
  // No URL means no upload for this environment: its other jamfPro fields would be an error without one.
  if (answers.jamfProUrl !== "") setOwn(env, ["jamfPro", "url"], answers.jamfProUrl, inherited.jamfPro?.url);
  else if (inherited.jamfPro?.url === undefined) delete env["jamfPro"];

  for (const path of [["login", "settings"], ["login"], ["menubar", "settings"], ["menubar"], ["conditionalAccess"], ["profile"], ["jamfPro"]]) prune(env, path);
  return env;
}

/**
 * Privilege elevation: on writes TemporaryUserPermissions (keys the wizard does not ask about are
 * kept as they were); off removes it. One role entry for Entra: its value in the `roles` claim.
 */
function writeElevation(env: Json, answers: Answers): void {
  const path = ["menubar", "settings", ELEVATION_KEY];
  if (!answers.elevation) {
    setOwn(env, path, undefined, undefined);
    return;
  }
  const menubar = isPlainObject(env["menubar"]) ? (env["menubar"] as Json) : {};
  const settings = isPlainObject(menubar["settings"]) ? (menubar["settings"] as Json) : {};
  const current = isPlainObject(settings[ELEVATION_KEY]) ? (settings[ELEVATION_KEY] as Json) : {};
  const minutes = Number(answers.elevationMinutes ?? 5);
  const role = answers.elevationRole?.trim() ?? "";
  const { UserPromotionRole: _replaced, ...kept } = current;
  const elevation: Json = {
    ...kept,
    TemporaryUserPromotion: true,
    UserPromotionDuration: minutes,
    ...(role !== "" && { UserPromotionRole: [{ Name: role, Duration: minutes, OIDCAdminAttribute: "roles", Provider: "EntraID" }] }),
  };
  setOwn(env, path, elevation, undefined);
}
