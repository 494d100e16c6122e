/**
 * The Jamf Pro double's state: API clients with their role's privileges, user accounts, issued
 * tokens with an expiry, and stored macOS configuration profiles with their scope.
 */
import { randomBytes } from "node:crypto";

/** "categories": Read Categories; whether Jamf Pro asks for it to list categories is not documented (facts U11). */
export type Privilege = "create" | "read" | "update" | "categories";

export interface ApiClient {
  clientId: string;
  secret: string;
  privileges: Privilege[];
}

export interface StoredJamfProfile {
  id: number;
  /** The profile's own UUID (general/uuid): Jamf Pro writes it as the top-level PayloadUUID and PayloadIdentifier. */
  uuid?: string;
  name: string;
  description: string;
  category?: string;
  distribution: string;
  level: string;
  redeployOnUpdate: string;
  /** The plist as Jamf Pro serialised it. */
  payloads: string;
  /** The scope XML; kept as it is by a `general`-only update. */
  scope: string;
}

export interface IssuedToken {
  expiresAt: number;
  privileges: Privilege[];
  invalidated: boolean;
  /** Writes this token has made. */
  writes: number;
}

export interface JamfWorld {
  clients: ApiClient[];
  users: { username: string; password: string; privileges: Privilege[] }[];
  profiles: StoredJamfProfile[];
  tokens: Map<string, IssuedToken>;
  tokenLifetimeSeconds: number;
  /**
   * A token stops working after this many writes, well before its expires_in: a token that runs
   * out between two writes, as the issue 18 trial saw, without waiting on a clock.
   */
  tokenWrites?: number;
  /** The OAuth token paths this server answers; an older one lacks /api/v1/oauth/token. */
  oauthPaths: string[];
  categories: { id: number; name: string }[];
  nextId: number;
}

export const ALL_PRIVILEGES: Privilege[] = ["create", "read", "update", "categories"];
export const SENTINEL_SECRET = "Sentinel-Secret-7f3a9c2e5b1d8e4a6c0f";

export const CLIENTS = {
  full: { clientId: "2b7e1c4d-full-0000-0000-000000000001", secret: SENTINEL_SECRET, privileges: ALL_PRIVILEGES },
  readOnly: { clientId: "2b7e1c4d-read-0000-0000-000000000002", secret: "read-only-secret-0001", privileges: ["read"] as Privilege[] },
} as const;

export const USER = { username: "jamfadmin", password: "Sentinel-User-Pass-91b2", privileges: ALL_PRIVILEGES };

/** A scope an admin set in Jamf Pro: one computer group, one exclusion. */
export const ADMIN_SCOPE =
  "<scope><all_computers>false</all_computers><all_jss_users>false</all_jss_users><computers/>" +
  "<computer_groups><computer_group><id>7</id><name>Pilot Macs</name></computer_group></computer_groups>" +
  "<buildings/><departments/><jss_users/><jss_user_groups/>" +
  "<exclusions><computers><computer><id>3</id><name>Kiosk-01</name></computer></computers></exclusions></scope>";

export function newWorld(): JamfWorld {
  return {
    clients: [{ ...CLIENTS.full, privileges: [...CLIENTS.full.privileges] }, { ...CLIENTS.readOnly, privileges: [...CLIENTS.readOnly.privileges] }],
    users: [{ ...USER, privileges: [...USER.privileges] }],
    profiles: [],
    tokens: new Map(),
    tokenLifetimeSeconds: 1200,
    oauthPaths: ["/api/v1/oauth/token", "/api/oauth/token"],
    categories: [
      { id: 1, name: "Jamf Connect" },
      { id: 2, name: "Security" },
    ],
    nextId: 101,
  };
}

export function issueToken(world: JamfWorld, privileges: Privilege[], now: number): { token: string; expiresAt: number } {
  const token = randomBytes(24).toString("base64url");
  const expiresAt = now + world.tokenLifetimeSeconds * 1000;
  world.tokens.set(token, { expiresAt, privileges, invalidated: false, writes: 0 });
  return { token, expiresAt };
}

/** The token's privileges, or undefined when it is unknown, expired or invalidated. */
export function tokenPrivileges(world: JamfWorld, authorization: string | undefined, now: number): Privilege[] | undefined {
  const token = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
  const issued = token === undefined ? undefined : world.tokens.get(token);
  if (issued === undefined || issued.invalidated || now >= issued.expiresAt) return undefined;
  if (world.tokenWrites !== undefined && issued.writes >= world.tokenWrites) return undefined;
  return issued.privileges;
}

export function countWrite(world: JamfWorld, authorization: string | undefined): void {
  const token = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
  const issued = token === undefined ? undefined : world.tokens.get(token);
  if (issued !== undefined) issued.writes++;
}
