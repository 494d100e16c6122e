import { ENTRA_KEYS, ENTRA_PROVIDERS, valueAtPath } from "./entra-keys.js";
import { FIDO2_PROVIDERS } from "./privilege-keys.js";
import type { Problem } from "./types.js";

/**
 * Cross-key rules of `TemporaryUserPermissions` (Self Service+ privilege elevation), as Jamf's
 * privilege-elevation pages state them. The identity provider is read from IdPSettings.Provider;
 * a privilege-elevation profile deployed on its own has no IdPSettings, so the caller may pass
 * the environment's provider, and failing both the roles' own Provider values are used.
 */

type Prefs = Readonly<Record<string, unknown>>;

const DICT = "TemporaryUserPermissions";
/** Spellings that name the same provider, for comparing a role's Provider with IdPSettings'. */
const SAME_PROVIDER: Readonly<Record<string, string>> = {
  Azure: "Entra ID",
  EntraID: "Entra ID",
  "Okta OIDC": "Okta OIDC",
  "Okta-OIDC": "Okta OIDC",
};

export function checkPrivilegeElevation(prefs: Prefs, environmentProvider?: string): Problem[] {
  const permissions = prefs[DICT];
  if (!isDict(permissions)) return [];
  const idpProvider = stringAt(prefs, ENTRA_KEYS["com.jamf.connect"].provider) ?? environmentProvider;
  const roles = Array.isArray(permissions.UserPromotionRole) ? permissions.UserPromotionRole : [];
  const provider = idpProvider ?? firstRoleProvider(roles);
  return [
    ...promotionSwitch(permissions),
    ...verificationProviders(permissions, provider),
    ...roles.flatMap((role, index) => roleProblems(role, index, idpProvider)),
  ];
}

/** TemporaryUserPromotion is marked required; false leaves every other key without effect. */
function promotionSwitch(permissions: Prefs): Problem[] {
  const path = [DICT, "TemporaryUserPromotion"];
  if (permissions.TemporaryUserPromotion === undefined) {
    return [
      error(
        path,
        "privilege-needs-promotion",
        `${DICT} is set but TemporaryUserPromotion is not`,
        "add TemporaryUserPromotion true (Jamf marks it required; without it Self Service+ offers no promotion)",
      ),
    ];
  }
  const others = Object.keys(permissions).filter((key) => key !== "TemporaryUserPromotion");
  if (permissions.TemporaryUserPromotion === false && others.length > 0) {
    return [
      warning(
        path,
        "privilege-promotion-off",
        `TemporaryUserPromotion is false, so ${others.join(", ")} ${others.length === 1 ? "has" : "have"} no effect`,
        `set it to true or remove ${DICT}`,
      ),
    ];
  }
  return [];
}

function verificationProviders(permissions: Prefs, provider: string | undefined): Problem[] {
  if (provider === undefined) return [];
  const problems: Problem[] = [];
  if (permissions.VerifyUserPromotion === true && provider === "GoogleID") {
    problems.push(
      error(
        [DICT, "VerifyUserPromotion"],
        "verify-promotion-google",
        "VerifyUserPromotion cannot be used when the identity provider is GoogleID",
        "remove VerifyUserPromotion",
      ),
    );
  }
  if (permissions.VerifyUserPromotionFIDO2 === true && !(FIDO2_PROVIDERS as readonly string[]).includes(provider)) {
    problems.push(
      warning(
        [DICT, "VerifyUserPromotionFIDO2"],
        "fido2-provider",
        `VerifyUserPromotionFIDO2 is supported only with Entra ID, Okta Identity Engine, Okta OIDC and PingFederate, but the provider is ${provider}`,
        "remove it (VerifyUserPromotion asks for the IdP password instead)",
      ),
    );
  }
  return problems;
}

function roleProblems(role: unknown, index: number, idpProvider: string | undefined): Problem[] {
  if (!isDict(role)) return []; // the type check reports it
  const path = [DICT, "UserPromotionRole", index];
  const problems: Problem[] = [];
  if (!isSet(role.Name)) {
    problems.push(error([...path, "Name"], "role-needs-name", "a role without Name matches nobody", "add Name, the role value exactly as the ID token carries it"));
  }
  if (role.Duration === undefined) {
    problems.push(error([...path, "Duration"], "role-needs-duration", "each role needs its own Duration", "add Duration in minutes"));
  }
  const entra = (typeof role.Provider === "string" ? role.Provider : idpProvider) ?? "";
  if (typeof role.Name === "string" && /\s/.test(role.Name) && ENTRA_PROVIDERS.includes(entra)) {
    // Entra refuses spaces in an app role's value, so such a name is likely a display name and never in the roles
    // claim. A warning, not an error: Jamf's own privilege-elevation example (current docs) shows one.
    problems.push(warning([...path, "Name"], "role-name-space", `"${role.Name}" contains a space, which an Entra app role's value never has`, "give the role's Value from App roles (e.g. MacElevate), not its display name"));
  }
  if (typeof role.Provider === "string" && idpProvider !== undefined && !sameProvider(role.Provider, idpProvider)) {
    problems.push(
      warning(
        [...path, "Provider"],
        "role-provider-differs",
        `Provider is ${role.Provider} but IdPSettings.Provider is ${idpProvider}`,
        "set Provider to the identity provider that issues the role",
      ),
    );
  }
  const provider = typeof role.Provider === "string" ? role.Provider : idpProvider;
  if (provider !== undefined && ENTRA_PROVIDERS.includes(provider) && typeof role.OIDCAdminAttribute === "string" && role.OIDCAdminAttribute !== "roles") {
    problems.push(
      warning(
        [...path, "OIDCAdminAttribute"],
        "role-attribute-not-roles",
        `OIDCAdminAttribute is "${role.OIDCAdminAttribute}" but Entra ID sends app roles in the roles claim`,
        "set it to roles",
      ),
    );
  }
  return problems;
}

function firstRoleProvider(roles: readonly unknown[]): string | undefined {
  for (const role of roles) if (isDict(role) && typeof role.Provider === "string") return role.Provider;
  return undefined;
}

function sameProvider(a: string, b: string): boolean {
  return (SAME_PROVIDER[a] ?? a) === (SAME_PROVIDER[b] ?? b);
}

function stringAt(prefs: Prefs, path: readonly string[]): string | undefined {
  const value = valueAtPath(prefs, path);
  return typeof value === "string" ? value : undefined;
}

function isDict(value: unknown): value is Prefs {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof Date);
}

function isSet(value: unknown): boolean {
  return typeof value === "string" ? value.trim() !== "" : value !== undefined && value !== null;
}

function error(path: Problem["path"], code: string, message: string, fix: string): Problem {
  return { path, message, fix, severity: "error", code };
}

function warning(path: Problem["path"], code: string, message: string, fix: string): Problem {
  return { path, message, fix, severity: "warning", code };
}
