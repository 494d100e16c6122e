import { existsSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { resolve } from "node:path";
import * as v from "valibot";
import { licenseNotFound, readLicense, readLicenseFile } from "../project/license.js";
import {
  appRoleValueSchema,
  conditionalAccessSchema,
  configSchema,
  environmentNameSchema,
  environmentSchema,
  identifierSchema,
  jamfProUrlSchema,
  loginSchema,
  payloadStyleSchema,
  tenantSchema,
} from "../config/schema.js";
import { findUnwritableChar, showValue } from "../values.js";
import { isSecretValue } from "../secrets.js";
import { CLIENT_SECRET_PASTED, tenantFromPaste } from "./pasted.js";

/**
 * Prompt and flag validators, made from the config's own field schemas: a value the wizard
 * accepts is one `jcprofile build` accepts, and a refusal uses the words build would print
 * (`"abc" is not a GUID — use the Application (client) ID …`).
 */
export type Validator = (value: string) => true | string;

function fromSchema(schema: v.GenericSchema<string, unknown>): Validator {
  return (value) => {
    const bad = findUnwritableChar(value);
    if (bad !== undefined) return `${showValue(value)} contains ${bad}, which a property list cannot hold`;
    const result = v.safeParse(schema, value);
    return result.success ? true : `${showValue(value)} ${result.issues[0].message}`;
  };
}

/** A client ID validator that refuses a pasted secret without repeating it. */
function clientIdFrom(schema: v.GenericSchema<string, unknown>): Validator {
  const check = fromSchema(schema);
  return (value) => (isSecretValue(value) ? CLIENT_SECRET_PASTED : check(value));
}

/** The tenant as pasted: an authority or discovery URL counts as its tenant. */
const tenantValidator = fromSchema(tenantSchema);

export const validators = {
  environmentName: fromSchema(environmentNameSchema),
  tenant: (value: string) => tenantValidator(tenantFromPaste(value)),
  clientId: clientIdFrom(v.unwrap(loginSchema.entries.clientId)),
  ropgClientId: clientIdFrom(v.unwrap(loginSchema.entries.ropgClientId)),
  redirectUri: fromSchema(v.unwrap(loginSchema.entries.redirectUri)),
  apiAppId: clientIdFrom(v.unwrap(conditionalAccessSchema.entries.apiAppId)),
  scopeName: fromSchema(v.unwrap(conditionalAccessSchema.entries.scopeName)),
  organization: fromSchema(configSchema.entries.organization),
  identifier: fromSchema(identifierSchema),
  payloadStyle: fromSchema(payloadStyleSchema),
  jamfProUrl: fromSchema(jamfProUrlSchema),
  authorityHost: fromSchema(v.unwrap(environmentSchema.entries.authorityHost)),
  adminRole: fromSchema(appRoleValueSchema),
  // Empty: every user may ask for admin rights; else one app role's value, as for admin roles.
  elevationRole: (value: string) => (value.trim() === "" ? true : fromSchema(appRoleValueSchema)(value.trim())),
  elevationMinutes: (value: string) => (/^\d{1,6}$/.test(value.trim()) && Number(value) >= 1 ? true : `"${value}" is not a whole number of minutes, 1 or more (0 would turn promotion off)`),
} satisfies Record<string, Validator>;

/**
 * A local account's short name for DenyLocalExcluded: what macOS allows in one (letters, digits,
 * `.`, `_`, `-`; not starting with `-`), so a full name or an e-mail address is caught here.
 */
export function validateAccounts(accounts: readonly string[]): true | string {
  for (const account of accounts) {
    if (!/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(account)) {
      return `${showValue(account)} is not a local account's short name (letters, digits, . _ - only) — give the short name, e.g. ladmin`;
    }
  }
  return true;
}

/** Admin roles typed on one line: `Admin, Helpdesk` → ["Admin", "Helpdesk"]. */
export function splitRoles(text: string): string[] {
  return text.split(",").map((role) => role.trim()).filter((role) => role !== "");
}

export function validateRoles(roles: readonly string[]): true | string {
  for (const role of roles) {
    const verdict = validators.adminRole(role);
    if (verdict !== true) return verdict;
  }
  return true;
}

/**
 * A path as a Mac admin types or drags it into Terminal: `~/Downloads/…`, `'My File'`,
 * `My\ File` (Terminal escapes spaces when a file is dropped on it).
 */
export function normalisePath(text: string): string {
  let path = text.trim();
  if (/^(['"]).*\1$/.test(path)) path = path.slice(1, -1);
  else path = path.replace(/\\(.)/g, "$1");
  if (path === "~" || path.startsWith("~/")) path = homedir() + path.slice(1);
  return path;
}

/** The license answer, read relative to `cwd`: empty means "no license in these profiles". */
export function licenseValidator(cwd: string): Validator {
  return (text) => {
    if (text.trim() === "") return true;
    const path = resolve(cwd, normalisePath(text));
    if (!existsSync(path)) return `${showValue(text)} ${licenseNotFound(path)}`;
    if (statSync(path).isDirectory()) return `${showValue(text)} is a folder — give the .jamfconnectlicense file itself`;
    const checked = readLicenseFile(path);
    return typeof checked === "string" ? `${showValue(text)} ${checked}` : true;
  };
}

/** ExpirationDate of a license, when it has passed: worth a warning, not a refusal. */
export function licenseExpiry(path: string, now: Date): string | undefined {
  const license = readLicense(path);
  if (typeof license === "string" || license.expires === undefined || license.expires.getTime() >= now.getTime()) return undefined;
  return `the license expired on ${showDate(license.fields["ExpirationDate"], license.expires)} — Jamf Connect needs a current one; download it again from Jamf Account`;
}

/** The date as the license writes it, so the admin recognises it. */
function showDate(raw: unknown, date: Date): string {
  return typeof raw === "string" ? raw.trim() : date.toISOString().slice(0, 10);
}
