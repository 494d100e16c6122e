/**
 * Bearer tokens for Jamf Pro: an API client's (OAuth client credentials, Jamf Pro 10.49+) or a
 * user's (Basic auth on /api/v1/auth/token). The secret goes only into the request body or the
 * Authorization header; it is never part of a message or a URL.
 */
import type { HttpRequest } from "../net/http.js";
import { JamfError } from "./errors.js";

export type JamfCredentials =
  | { kind: "client"; clientId: string; clientSecret: string; idVariable: string; secretVariable: string }
  | { kind: "user"; username: string; password: string };

export interface Token {
  value: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export const USERNAME_ENV = "JAMF_USERNAME";
export const PASSWORD_ENV = "JAMF_PASSWORD";

/**
 * Client variables first; a user account only when neither client variable is set. Otherwise the
 * words of what is missing, naming exactly the variables that are empty or unset.
 */
export function credentialsFromEnv(
  env: NodeJS.ProcessEnv,
  names: { clientIdEnv: string; clientSecretEnv: string },
): JamfCredentials | { missing: string } {
  const clientId = env[names.clientIdEnv] ?? "";
  const clientSecret = env[names.clientSecretEnv] ?? "";
  if (clientId !== "" && clientSecret !== "") {
    return { kind: "client", clientId, clientSecret, idVariable: names.clientIdEnv, secretVariable: names.clientSecretEnv };
  }
  const username = env[USERNAME_ENV] ?? "";
  const password = env[PASSWORD_ENV] ?? "";
  if (clientId === "" && clientSecret === "" && username !== "" && password !== "") return { kind: "user", username, password };
  const where = "(Jamf Pro: Settings > System > API Roles and Clients)";
  if (clientId !== "") return { missing: `${names.clientIdEnv} is set but ${names.clientSecretEnv} is empty or unset — set ${names.clientSecretEnv} to the API client's secret ${where}` };
  if (clientSecret !== "") return { missing: `${names.clientSecretEnv} is set but ${names.clientIdEnv} is empty or unset — set ${names.clientIdEnv} to the API client's ID ${where}` };
  if (username !== "") return { missing: `${USERNAME_ENV} is set but ${PASSWORD_ENV} is empty or unset — set ${PASSWORD_ENV} to that account's password, or use an API client: ${names.clientIdEnv} and ${names.clientSecretEnv}` };
  if (password !== "") return { missing: `${PASSWORD_ENV} is set but ${USERNAME_ENV} is empty or unset — set ${USERNAME_ENV} to the account's name, or use an API client: ${names.clientIdEnv} and ${names.clientSecretEnv}` };
  return {
    missing: `set ${names.clientIdEnv} and ${names.clientSecretEnv} to the API client's ID and secret ${where}, or ${USERNAME_ENV} and ${PASSWORD_ENV} for a user account`,
  };
}

/** What must never be shown of these credentials: the secret or password, and the Basic header made of it. */
export function secretsOf(credentials: JamfCredentials): string[] {
  if (credentials.kind === "client") return [credentials.clientSecret];
  return [credentials.password, Buffer.from(`${credentials.username}:${credentials.password}`, "utf8").toString("base64")];
}

/**
 * Jamf's API reference names /api/v1/oauth/token and marks /api/oauth/token deprecated
 * (macadmins/jamf-pro-sdk-python PR #66; jamf-upload moved in commit 4ef4245): the current path
 * first, the old one for servers that answer 404 there.
 */
export const OAUTH_PATHS = ["/api/v1/oauth/token", "/api/oauth/token"] as const;

export function tokenRequest(baseUrl: string, credentials: JamfCredentials, oauthPath: string = OAUTH_PATHS[0]): HttpRequest {
  if (credentials.kind === "client") {
    return {
      method: "POST",
      url: `${baseUrl}${oauthPath}`,
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
      }).toString(),
    };
  }
  const basic = Buffer.from(`${credentials.username}:${credentials.password}`, "utf8").toString("base64");
  return { method: "POST", url: `${baseUrl}/api/v1/auth/token`, headers: { authorization: `Basic ${basic}`, accept: "application/json" } };
}

export function refusedCredentials(credentials: JamfCredentials, server: string): JamfError {
  return credentials.kind === "client"
    ? new JamfError(
        "credentials",
        `Jamf Pro refused the API client credentials at ${server}`,
        `check ${credentials.idVariable} and ${credentials.secretVariable} (Settings > System > API Roles and Clients: the client must be enabled and its secret current)`,
      )
    : new JamfError("credentials", `Jamf Pro refused the user name and password at ${server}`, `check ${USERNAME_ENV} and ${PASSWORD_ENV}`);
}

/** `{access_token, expires_in}` (OAuth) or `{token, expires}` (user token) → a token with its expiry. */
export function parseTokenAnswer(text: string, now: number, server: string): Token {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new JamfError("unreadable-answer", `the token answer of ${server} is not JSON`, "check that jamfPro.url is the Jamf Pro server itself");
  }
  const value = typeof body["access_token"] === "string" ? body["access_token"] : body["token"];
  if (typeof value !== "string" || value === "") throw new JamfError("unreadable-answer", `the token answer of ${server} carries no token`);
  // It goes back in an Authorization header: a space or control character would make fetch throw with the token in its message.
  if (!/^[\x21-\x7e]+$/.test(value)) {
    throw new JamfError("unreadable-answer", `the token answer of ${server} carries a token with spaces or control characters`, "check that jamfPro.url is the Jamf Pro server itself");
  }
  let expiresAt = now + 20 * 60_000;
  if (typeof body["expires_in"] === "number") expiresAt = now + body["expires_in"] * 1000;
  else if (typeof body["expires"] === "string" && !Number.isNaN(Date.parse(body["expires"]))) expiresAt = Date.parse(body["expires"]);
  return { value, expiresAt };
}
