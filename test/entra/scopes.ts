/**
 * The `scope` form field: split, parsed, checked against the tenant (500011 / 70011), then against
 * the client's consent (65001). One request may name one resource plus the OIDC scopes.
 *
 * A `+` is only a space while the form is being decoded. If Jamf's `api://x/jamfconnect+openid`
 * arrives form-encoded (`%2B`), the decoded value holds a literal `+`, i.e. one scope token that no
 * API exposes: we answer 70011 for the whole token. That Entra does the same is INFERRED (a `+` is
 * not a legal scope-name character as far as we know), UNVERIFIED by capture.
 */
import { EntraFailure } from "./responses.js";
import { findServicePrincipal, GRAPH_APP_ID, GRAPH_RESOURCE, tenantName } from "./world.js";
import type { EntraApp, EntraTenant } from "./world.js";

const OIDC_SCOPES: readonly string[] = ["openid", "profile", "email", "offline_access"];
/** What msal-node appends to every request; accepted without consent. */
const CONSENT_FREE: readonly string[] = ["openid", "profile", "offline_access"];
const GRAPH_SCOPES: readonly string[] = [
  "user.read", "user.readbasic.all", "user.read.all", "directory.read.all", "group.read.all",
  "groupmember.read.all", "mail.read", "mail.send", "calendars.read", "files.read", ".default",
];
// Characters seen in real scope strings; `$`, `%`, `+`, quotes, tabs… make the token malformed.
const SCOPE_CHARS = /^[A-Za-z0-9._:/-]+$/;
const GUID_SCOPE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/([^/]+)$/i;

type ParsedScope =
  | { kind: "oidc"; raw: string; name: string }
  | { kind: "graph"; raw: string; name: string }
  | { kind: "app"; raw: string; resource: string; name: string };

export interface ResolvedScopes {
  raw: string[];
  oidc: string[];
  /** The one resource asked for; Microsoft Graph when only OIDC scopes were asked (as Entra does). */
  resourceAppId: string;
  /** How the resource is named in messages: `api://<id>` or `https://graph.microsoft.com`. */
  resourceName: string;
  resourceApp?: EntraApp;
  /** Scope names on that resource, e.g. `jamfconnect`, `User.Read`, `.default`. */
  names: string[];
}

export function splitScopes(value: string): string[] {
  return value.split(" ").filter((s) => s !== "");
}

function parseScope(raw: string): ParsedScope | undefined {
  if (!SCOPE_CHARS.test(raw)) return undefined;
  const lower = raw.toLowerCase();
  if (OIDC_SCOPES.includes(lower)) return { kind: "oidc", raw, name: lower };
  if (lower.startsWith(`${GRAPH_RESOURCE}/`)) {
    const name = raw.slice(GRAPH_RESOURCE.length + 1);
    return name && !name.includes("/") ? { kind: "graph", raw, name } : undefined;
  }
  if (lower.startsWith("api://") || lower.startsWith("https://")) {
    const cut = raw.lastIndexOf("/");
    const resource = raw.slice(0, cut);
    const name = raw.slice(cut + 1);
    return name && !resource.endsWith("/") && resource.includes("://") && !resource.endsWith(":")
      ? { kind: "app", raw, resource, name }
      : undefined;
  }
  const guidForm = GUID_SCOPE.exec(raw);
  if (guidForm?.[1] && guidForm[2]) return { kind: "app", raw, resource: guidForm[1], name: guidForm[2] };
  if (!raw.includes("/") && !raw.includes(":")) return { kind: "graph", raw, name: raw };
  return undefined;
}

/** `api://<guid>` or `<guid>` → the guid; other App ID URIs are not modelled (→ not found). */
function appIdOf(resource: string): string | undefined {
  const id = resource.toLowerCase().replace(/^api:\/\//, "");
  return /^[0-9a-f-]{36}$/.test(id) ? id : undefined;
}

function invalidScope(message: string): EntraFailure {
  return new EntraFailure(70011, { scope: message });
}

export function resolveScopes(tenant: EntraTenant, raw: string[]): ResolvedScopes {
  const parsed: ParsedScope[] = [];
  for (const token of raw) {
    const scope = parseScope(token);
    if (!scope) throw invalidScope(`The scope ${token} is not valid.`);
    parsed.push(scope);
  }
  const resourceScopes = parsed.filter((s) => s.kind !== "oidc");
  const resourceKeys = new Set(resourceScopes.map((s) => (s.kind === "app" ? appIdOf(s.resource) ?? s.resource.toLowerCase() : "graph")));
  if (resourceKeys.size > 1) {
    throw invalidScope(`One or more scopes in '${raw.join(" ")}' are not compatible with each other.`);
  }
  const oidc = parsed.filter((s) => s.kind === "oidc").map((s) => s.name);
  const first = resourceScopes[0];
  if (!first || first.kind === "graph") {
    for (const s of resourceScopes) {
      if (!GRAPH_SCOPES.includes(s.name.toLowerCase())) throw invalidScope(`The scope ${s.raw} is not valid.`);
    }
    return { raw, oidc, resourceAppId: GRAPH_APP_ID, resourceName: GRAPH_RESOURCE, names: resourceScopes.map((s) => s.name) };
  }
  if (first.kind !== "app") throw new Error("unreachable: oidc scopes were filtered out");
  const appId = appIdOf(first.resource);
  const app = appId ? findServicePrincipal(tenant, appId) : undefined;
  if (!app) throw new EntraFailure(500011, { resource: first.resource, tenantName: tenantName(tenant) });
  const exposed = (app.exposedScopes ?? []).map((s) => s.toLowerCase());
  for (const s of resourceScopes) {
    // Not exposed → 70011 as the brief asks; Entra may answer 650053 here instead (UNVERIFIED).
    if (s.name !== ".default" && !exposed.includes(s.name.toLowerCase())) throw invalidScope(`The scope ${s.raw} is not valid.`);
  }
  return {
    raw,
    oidc,
    resourceAppId: app.clientId,
    resourceName: `api://${app.clientId}`,
    resourceApp: app,
    names: resourceScopes.map((s) => s.name),
  };
}

/** Consented scope names on the request's resource, plus whether `email` is consented. */
function consentedOn(client: EntraApp, resourceAppId: string): { names: string[]; email: boolean } {
  const names: string[] = [];
  let email = false;
  for (const entry of client.consented ?? []) {
    const scope = parseScope(entry);
    if (!scope) continue;
    if (scope.kind === "oidc") email ||= scope.name === "email";
    else if (scope.kind === "graph" && resourceAppId === GRAPH_APP_ID) names.push(scope.name);
    else if (scope.kind === "app" && appIdOf(scope.resource) === resourceAppId.toLowerCase()) names.push(scope.name);
  }
  return { names, email };
}

/** 65001 unless every scope that needs consent has it. */
export function checkConsent(client: EntraApp, scopes: ResolvedScopes): void {
  // An app calling its own API needs no consent.
  if (scopes.resourceAppId.toLowerCase() === client.clientId.toLowerCase()) return;
  const granted = consentedOn(client, scopes.resourceAppId);
  const missingOidc = scopes.oidc.some((s) => !CONSENT_FREE.includes(s) && !(s === "email" && granted.email));
  const grantedLower = granted.names.map((n) => n.toLowerCase());
  const missingResource = scopes.names.some((n) => (n === ".default" ? grantedLower.length === 0 : !grantedLower.includes(n.toLowerCase())));
  if (missingOidc || missingResource) {
    throw new EntraFailure(65001, { clientId: client.clientId, appName: client.displayName });
  }
}

/** The `scope` Entra returns: what the token is good for (offline_access is not listed). */
export function grantedScopes(client: EntraApp, scopes: ResolvedScopes): string {
  const consented = consentedOn(client, scopes.resourceAppId).names;
  const names = [...new Set([...scopes.names.filter((n) => n !== ".default"), ...consented])];
  if (scopes.resourceApp) return names.map((n) => `api://${scopes.resourceAppId}/${n}`).join(" ");
  const oidc = scopes.oidc.filter((s) => s !== "offline_access");
  return [...oidc, ...names].join(" ");
}
