/**
 * The sign-in's result for people and for programs. Pure. It never holds the code, a token or the
 * raw id token: only the claims jcprofile reads and its verdicts.
 */
import type { Identity, SignInCheck } from "./identity.js";
import type { Refusal } from "./explain.js";
import type { LoginSettings } from "./sign-in-request.js";
import { largest } from "../append.js";
import type { ExitCodeValue } from "../errors.js";
import { exitCodeFor } from "../problem.js";

export type SignInResult =
  | { kind: "signed-in"; settings: LoginSettings; identity: Identity }
  | { kind: "refused"; settings: LoginSettings; refusal: Refusal; where: "address" | "error page" | "code redemption" };

export function signInJson(result: SignInResult): Record<string, unknown> {
  const { settings } = result;
  const identity = result.kind === "signed-in" ? result.identity : undefined;
  const refusal = result.kind === "refused" ? result.refusal : undefined;
  return {
    environment: settings.environment,
    signedIn: result.kind === "signed-in",
    clientId: settings.clientId,
    redirectUri: settings.redirectUri,
    scopes: settings.scopes,
    tenantId: identity?.tenantId ?? null,
    username: identity?.username ?? null,
    name: identity?.name ?? null,
    objectId: identity?.objectId ?? null,
    roles: identity?.roles ?? [],
    groups: identity?.groups ?? [],
    amr: identity?.amr ?? [],
    mfa: identity?.amr.includes("mfa") ?? false,
    admin: identity?.admin ?? false,
    adminReason: identity?.adminReason ?? "not signed in",
    shortName: identity?.shortName ?? null,
    checks: identity?.checks ?? [],
    aadsts: refusal?.aadsts ?? null,
    cause: refusal?.cause ?? null,
    hint: refusal?.hint ?? null,
    refusedAt: result.kind === "refused" ? result.where : null,
  };
}

const list = (values: readonly string[]): string => (values.length > 0 ? values.join(", ") : "(none)");

export function formatSignIn(result: SignInResult): string {
  const { settings } = result;
  if (result.kind === "refused") {
    const { cause, hint } = result.refusal;
    // Nothing was refused when no answer came: the sign-in could not be finished.
    const verb = result.refusal.inconclusive && result.refusal.aadsts === null ? "not finished" : "refused";
    return `Sign-in to app ${settings.clientId} ${verb} (${result.where}): ${cause} — ${hint}`;
  }
  const { identity } = result;
  const rows: [string, string][] = [
    ["name", identity.name ?? "(no name claim)"],
    ["user name", identity.username ?? "(no preferred_username or upn claim)"],
    ["object ID", identity.objectId ?? "(none)"],
    ["tenant", identity.tenantId ?? "(no tid claim)"],
    ["app", `${settings.clientId} (OIDCClientID)`],
    ["roles", list(identity.roles)],
    ["groups", list(identity.groups)],
    ["MFA", identity.amr.includes("mfa") ? `yes (amr: ${list(identity.amr)})` : `no (amr: ${list(identity.amr)})`],
    ["short name", identity.shortName ?? "(none)"],
    ["admin on the Mac", `${identity.admin ? "yes" : "no"} — ${identity.adminReason}`],
  ];
  const width = largest(rows.map(([label]) => label.length));
  const lines = [`Signed in as ${identity.username ?? identity.objectId ?? "an unnamed user"} — what Jamf Connect would see:`];
  for (const [label, value] of rows) lines.push(`  ${label.padEnd(width)}  ${value}`);
  lines.push("", "Checks:");
  for (const check of identity.checks) lines.push(`  ${check.verdict.padEnd(4)}  ${check.name.padEnd(11)}  ${check.detail}`);
  return lines.join("\n");
}

const failed = (checks: readonly SignInCheck[]): boolean => checks.some((check) => check.verdict === "fail");

/** 1 when the sign-in was refused or a check of what Jamf Connect would see failed; 3 when the refusal could not be decided. */
export function signInExitCode(result: SignInResult): ExitCodeValue {
  if (result.kind === "signed-in") return exitCodeFor([], { failed: failed(result.identity.checks) });
  return exitCodeFor([], { failed: !result.refusal.inconclusive, inconclusive: result.refusal.inconclusive });
}
