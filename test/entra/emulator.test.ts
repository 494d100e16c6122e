/**
 * The emulator answers ROPG requests as Entra does: every AADSTS code is reachable with the right
 * error body, and the checks run in Entra's order (password-grant.ts).
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CONTOSO } from "./emulator.js";
import type { EntraEmulator, EntraWorld } from "./emulator.js";
import { useContosoEmulator } from "./use-emulator.js";
import { postPasswordGrant } from "./https-client.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const { users } = CONTOSO;

let emu: EntraEmulator;
useContosoEmulator((started) => (emu = started));

type Fields = Record<string, string | undefined>;

/** Jamf-style request for the active user with the custom (CA-exempt) scope; override any field. */
function fields(over: Fields = {}): Record<string, string> {
  const all: Fields = {
    grant_type: "password",
    client_id: CONTOSO.oidcClientId,
    username: users.active.upn,
    password: users.active.password,
    scope: CONTOSO.customScopes.join(" "),
    client_info: "1",
    ...over,
  };
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
}

const as = (user: { upn: string; password: string }): Fields => ({ username: user.upn, password: user.password });

function tenant(world: EntraWorld) {
  const found = world.tenants[0];
  if (!found) throw new Error("contosoWorld has a first tenant");
  return found;
}

interface Case {
  name: string;
  code: number;
  error: string;
  status?: number;
  suberror?: string;
  tenant?: string;
  over?: Fields;
  tweak?: (world: EntraWorld) => void;
}

const cases: Case[] = [
  // request shape
  { name: "missing grant_type", code: 900144, error: "invalid_request", over: { grant_type: undefined } },
  { name: "missing client_id", code: 900144, error: "invalid_request", over: { client_id: undefined } },
  { name: "missing password", code: 900144, error: "invalid_request", over: { password: undefined } },
  { name: "other grant type", code: 70003, error: "unsupported_grant_type", over: { grant_type: "client_credentials" } },
  { name: "ROPC on /common", code: 9001023, error: "invalid_request", tenant: "common" },
  { name: "ROPC on /consumers", code: 9001023, error: "invalid_request", tenant: "consumers" },
  { name: "missing scope", code: 900144, error: "invalid_request", over: { scope: undefined } },
  { name: "empty scope", code: 900144, error: "invalid_request", over: { scope: "" } },
  { name: "a scope of separators only", code: 70011, error: "invalid_scope", over: { scope: " " } },
  // tenant
  { name: "malformed tenant", code: 900023, error: "invalid_request", tenant: "undefined" },
  { name: "unknown tenant GUID", code: 90002, error: "invalid_request", tenant: randomUUID() },
  { name: "unknown tenant domain", code: 90002, error: "invalid_request", tenant: "nowhere.example.com" },
  {
    name: "tenant of another cloud",
    code: 90002,
    error: "invalid_request",
    tweak: (w) => {
      tenant(w).cloud = "usgov";
    },
  },
  // client
  { name: "unknown client", code: 700016, error: "unauthorized_client", over: { client_id: randomUUID() } },
  { name: "client without service principal", code: 700016, error: "unauthorized_client", over: { client_id: CONTOSO.foreignApiAppId } },
  { name: "disabled service principal", code: 7000112, error: "unauthorized_client", over: { client_id: CONTOSO.disabledClientId } },
  { name: "confidential client, no secret", code: 7000218, error: "invalid_client", status: 401, over: { client_id: CONTOSO.confidentialClientId } },
  {
    name: "confidential client, wrong secret",
    code: 7000215,
    error: "invalid_client",
    status: 401,
    over: { client_id: CONTOSO.confidentialClientId, client_secret: "secret-id-not-value" },
  },
  { name: "public client sent a secret", code: 700025, error: "invalid_client", status: 401, over: { client_secret: "x" } },
  // user and account state
  { name: "unknown user", code: 50034, error: "invalid_grant", over: { username: `nobody@${CONTOSO.domain}` } },
  { name: "member of another tenant", code: 50020, error: "invalid_grant", over: { username: CONTOSO.fabrikamUser } },
  { name: "disabled user", code: 50057, error: "invalid_grant", over: as(users.disabled) },
  { name: "locked user", code: 50053, error: "unauthorized_client", over: as(users.locked) },
  { name: "federated user", code: 50126, error: "invalid_grant", over: as(users.federated) },
  { name: "user without password", code: 50056, error: "invalid_grant", over: as(users.noPassword) },
  { name: "wrong password", code: 50126, error: "invalid_grant", over: { password: "wrong" } },
  { name: "right password with a trailing space", code: 50126, error: "invalid_grant", over: { password: `${users.active.password} ` } },
  {
    name: "expired password",
    code: 50055,
    error: "user_password_expired",
    suberror: "user_password_expired",
    over: as(users.passwordExpired),
  },
  // scopes, resource, consent
  { name: "API without service principal", code: 500011, error: "invalid_resource", over: { scope: `api://${CONTOSO.foreignApiAppId}/jamfconnect openid` } },
  { name: "scope not exposed", code: 70011, error: "invalid_scope", over: { scope: `api://${CONTOSO.apiAppId}/other openid` } },
  { name: "scope with $20", code: 70011, error: "invalid_scope", over: { scope: `${CONTOSO.apiScope}$20openid` } },
  { name: "scope with %20", code: 70011, error: "invalid_scope", over: { scope: `${CONTOSO.apiScope}%20openid` } },
  { name: "literal + reaching Entra", code: 70011, error: "invalid_scope", over: { scope: `${CONTOSO.apiScope}+openid+email+profile` } },
  { name: "two resources", code: 70011, error: "invalid_scope", over: { scope: `${CONTOSO.apiScope} User.Read openid` } },
  {
    name: "API scope not consented",
    code: 65001,
    error: "invalid_grant",
    suberror: "consent_required",
    tweak: (w) => {
      const app = tenant(w).apps[0];
      if (app) app.consented = ["openid", "profile", "email", "offline_access"];
    },
  },
  // Conditional Access and MFA
  { name: "per-user MFA", code: 50076, error: "invalid_grant", suberror: "basic_action", over: as(users.mfaRequired) },
  { name: "MFA registration", code: 50079, error: "interaction_required", suberror: "basic_action", over: as(users.mfaRegistration) },
  { name: "external MFA", code: 50158, error: "interaction_required", over: as(users.mfaExternal) },
  { name: "strong auth", code: 50074, error: "interaction_required", over: as(users.mfaStrongAuth) },
  { name: "CA MFA on all cloud apps", code: 50076, error: "invalid_grant", suberror: "basic_action", over: { scope: "openid profile email" } },
  {
    name: "CA block",
    code: 53003,
    error: "interaction_required",
    suberror: "message_only",
    tweak: (w) => {
      tenant(w).conditionalAccess = [{ name: "Block", appliesTo: [CONTOSO.oidcClientId], grant: "block" }];
    },
  },
  {
    name: "CA compliant device",
    code: 53000,
    error: "interaction_required",
    tweak: (w) => {
      tenant(w).conditionalAccess = [{ name: "Compliant", appliesTo: "allCloudApps", grant: "compliantDevice" }];
    },
  },
  {
    name: "CA domain-joined device",
    code: 53001,
    error: "interaction_required",
    tweak: (w) => {
      tenant(w).conditionalAccess = [{ name: "Hybrid joined", appliesTo: [CONTOSO.apiAppId], grant: "domainJoinedDevice" }];
    },
  },
];

describe("every AADSTS code is reachable with Entra's body", () => {
  it.each(cases)("$name → $code", async (c) => {
    c.tweak?.(emu.world);
    const correlation = randomUUID();
    const res = await postPasswordGrant(emu, c.tenant ?? CONTOSO.tenantId, fields(c.over), { headers: { "client-request-id": correlation } });
    expect(res.status).toBe(c.status ?? 400);
    const body = res.body;
    expect(body["error"]).toBe(c.error);
    expect(body["error_codes"]).toEqual([c.code]);
    expect(body["suberror"]).toBe(c.suberror);
    expect(body["correlation_id"]).toBe(correlation);
    expect(body["trace_id"]).toMatch(GUID);
    expect(body["timestamp"]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    expect(body["error_uri"]).toBe(`https://${emu.host}/error?code=${c.code}`);
    const tail = `\r\nTrace ID: ${String(body["trace_id"])}\r\nCorrelation ID: ${correlation}\r\nTimestamp: ${String(body["timestamp"])}`;
    expect(body["error_description"]).toMatch(new RegExp(`^AADSTS${c.code}: `));
    expect(String(body["error_description"]).endsWith(tail)).toBe(true);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("no-store, no-cache");
    expect(res.headers["x-ms-request-id"]).toBe(body["trace_id"]);
    expect(res.headers["client-request-id"]).toBe(correlation);
    expect(emu.requests.at(-1)?.aadsts).toBe(c.code);
  });

  it("names the tenant as asked in 90002 and 900023", async () => {
    const unknown = await postPasswordGrant(emu, "nowhere.example.com", fields());
    expect(unknown.body["error_description"]).toMatch(/^AADSTS90002: Tenant 'nowhere.example.com' not found\./);
    const malformed = await postPasswordGrant(emu, "undefined", fields());
    expect(malformed.body["error_description"]).toMatch(/^AADSTS900023: Specified tenant identifier 'undefined' is neither/);
  });

  it("answers a CA MFA demand with a claims challenge naming the policy, a per-user one without", async () => {
    const ca = await postPasswordGrant(emu, CONTOSO.tenantId, fields({ scope: "openid profile email" }));
    expect(JSON.parse(String(ca.body["claims"]))).toEqual({ access_token: { capolids: { essential: true, values: [expect.stringMatching(GUID)] } } });
    const perUser = await postPasswordGrant(emu, CONTOSO.tenantId, fields(as(users.mfaRequired)));
    expect(perUser.body["claims"]).toBeUndefined();
  });

  it("sends password_change_url with 50055", async () => {
    const res = await postPasswordGrant(emu, CONTOSO.tenantId, fields(as(users.passwordExpired)));
    expect(res.body["password_change_url"]).toBe("https://portal.microsoftonline.com/ChangePassword.aspx");
  });

  it("makes up a correlation id when the caller sent none, and reads it from the query too", async () => {
    const none = await postPasswordGrant(emu, CONTOSO.tenantId, fields({ password: "wrong" }));
    expect(none.body["correlation_id"]).toMatch(GUID);
    expect(none.headers["client-request-id"]).toBeUndefined();
    const id = randomUUID();
    const viaQuery = await postPasswordGrant(emu, CONTOSO.tenantId, fields({ password: "wrong" }), { query: { "client-request-id": id } });
    expect(viaQuery.body["correlation_id"]).toBe(id);
  });
});

describe("success", () => {
  it("issues tokens for the custom scope, with an id_token msal can read", async () => {
    const res = await postPasswordGrant(emu, CONTOSO.domain, fields({ scope: `${CONTOSO.customScopes.join(" ")} offline_access` }));
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store, no-cache");
    const body = res.body;
    expect(body).toMatchObject({ token_type: "Bearer", scope: CONTOSO.apiScope, expires_in: 3599, ext_expires_in: 3599 });
    expect(body["refresh_token"]).toEqual(expect.any(String));
    const [header, payload, signature] = String(body["id_token"]).split(".");
    expect(JSON.parse(Buffer.from(header ?? "", "base64url").toString())).toEqual({ typ: "JWT", alg: "none" });
    expect(signature).toBe("");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({
      aud: CONTOSO.oidcClientId,
      iss: `https://${emu.host}/${CONTOSO.tenantId}/v2.0`,
      tid: CONTOSO.tenantId,
      preferred_username: users.active.upn,
      ver: "2.0",
    });
    expect(claims["oid"]).toMatch(GUID);
    const clientInfo = JSON.parse(Buffer.from(String(body["client_info"]), "base64url").toString()) as Record<string, unknown>;
    expect(clientInfo).toEqual({ uid: claims["oid"], utid: CONTOSO.tenantId });
  });

  it("grants Graph scopes for an OIDC-only request when no policy applies", async () => {
    tenant(emu.world).conditionalAccess = [];
    const res = await postPasswordGrant(emu, CONTOSO.tenantId, fields({ scope: "openid profile email" }));
    expect(res.status).toBe(200);
    expect(res.body["scope"]).toBe("openid profile email User.Read");
    expect(res.body["refresh_token"]).toBeUndefined();
  });

  it("accepts a confidential client with its secret value", async () => {
    const res = await postPasswordGrant(emu, CONTOSO.tenantId, fields({ client_id: CONTOSO.confidentialClientId, client_secret: CONTOSO.confidentialSecret }));
    expect(res.status).toBe(200);
  });

  it("resolves /organizations from the UPN's domain", async () => {
    const res = await postPasswordGrant(emu, "organizations", fields());
    expect(res.status).toBe(200);
    const unknownDomain = await postPasswordGrant(emu, "organizations", fields({ username: "someone@nowhere.example.com" }));
    expect(unknownDomain.body["error_codes"]).toEqual([50128]);
  });
});

describe("order of checks", () => {
  const codeOf = async (over: Fields, tenantSegment: string = CONTOSO.tenantId): Promise<unknown> =>
    (await postPasswordGrant(emu, tenantSegment, fields(over))).body["error_codes"];

  it("judges the tenant before the client", async () => {
    expect(await codeOf({ client_id: randomUUID() }, randomUUID())).toEqual([90002]);
  });

  it("judges the client whatever the password: wrong client + wrong password → 700016", async () => {
    expect(await codeOf({ client_id: randomUUID(), password: "wrong" })).toEqual([700016]);
    expect(await codeOf({ client_id: CONTOSO.confidentialClientId, password: "wrong" })).toEqual([7000218]);
  });

  it("judges account state before the password: disabled + wrong password → 50057", async () => {
    expect(await codeOf({ username: users.disabled.upn, password: "wrong" })).toEqual([50057]);
  });

  it("judges the password before expiry, scopes, consent and CA", async () => {
    expect(await codeOf({ username: users.passwordExpired.upn, password: "wrong" })).toEqual([50126]);
    expect(await codeOf({ password: "wrong", scope: "api://x/$bad" })).toEqual([50126]);
    expect(await codeOf({ username: users.mfaRequired.upn, password: "wrong" })).toEqual([50126]);
  });

  it("a CA-blocked user with a wrong password gets 50126, with the right one 53003", async () => {
    tenant(emu.world).conditionalAccess = [{ name: "Block all", appliesTo: "allCloudApps", grant: "block" }];
    expect(await codeOf({ password: "wrong" })).toEqual([50126]);
    expect(await codeOf({})).toEqual([53003]);
  });

  it("judges consent before MFA", async () => {
    const app = tenant(emu.world).apps[0];
    if (app) app.consented = [];
    expect(await codeOf(as(users.mfaRequired))).toEqual([65001]);
  });

  it("exempts an excluded API app from CA, but not from per-user MFA", async () => {
    expect(await codeOf({ scope: "openid profile email" })).toEqual([50076]);
    expect(await codeOf({})).toBeUndefined(); // custom scope → 200
    expect(await codeOf(as(users.mfaRequired))).toEqual([50076]);
  });

  it("answers block before MFA and MFA before device state", async () => {
    tenant(emu.world).conditionalAccess = [
      { name: "Compliant", appliesTo: "allCloudApps", grant: "compliantDevice" },
      { name: "MFA", appliesTo: "allCloudApps", grant: "mfa" },
    ];
    expect(await codeOf({})).toEqual([50076]);
    tenant(emu.world).conditionalAccess?.push({ name: "Block", appliesTo: "allCloudApps", grant: "block" });
    expect(await codeOf({})).toEqual([53003]);
  });
});

describe("smart lockout and throttling", () => {
  it("locks after the threshold of distinct wrong passwords, even for the right one; reset() unlocks", async () => {
    emu.world.smartLockout = { threshold: 3 };
    for (const wrong of ["wrong-1", "wrong-2", "wrong-3"]) {
      expect((await postPasswordGrant(emu, CONTOSO.tenantId, fields({ password: wrong }))).body["error_codes"]).toEqual([50126]);
    }
    const locked = await postPasswordGrant(emu, CONTOSO.tenantId, fields());
    expect(locked.body).toMatchObject({ error: "unauthorized_client", error_codes: [50053] });
    // Other users are not affected.
    expect((await postPasswordGrant(emu, CONTOSO.tenantId, fields(as(users.mfaRequired)))).body["error_codes"]).toEqual([50076]);
    emu.reset();
    expect((await postPasswordGrant(emu, CONTOSO.tenantId, fields())).status).toBe(200);
  });

  it("does not count the same wrong password twice", async () => {
    emu.world.smartLockout = { threshold: 2 };
    for (let i = 0; i < 4; i++) await postPasswordGrant(emu, CONTOSO.tenantId, fields({ password: "same-typo" }));
    expect((await postPasswordGrant(emu, CONTOSO.tenantId, fields())).status).toBe(200);
  });

  it("answers 50196 after the allowed number of token requests", async () => {
    emu.world.throttle = { afterRequests: 2 };
    expect((await postPasswordGrant(emu, CONTOSO.tenantId, fields())).status).toBe(200);
    expect((await postPasswordGrant(emu, CONTOSO.tenantId, fields())).status).toBe(200);
    const third = await postPasswordGrant(emu, CONTOSO.tenantId, fields());
    expect(third.status).toBe(400);
    expect(third.body).toMatchObject({ error: "invalid_grant", error_codes: [50196] });
    expect(emu.tokenRequests()).toBe(3);
  });

  it("can throttle as HTTP 429 with Retry-After instead", async () => {
    emu.world.throttle = { afterRequests: 0, as: "http429" };
    const res = await postPasswordGrant(emu, CONTOSO.tenantId, fields());
    expect(res.status).toBe(429);
    expect(res.headers["retry-after"]).toBe("60");
    expect(res.body["error_codes"]).toEqual([50196]);
  });
});

describe("recorded requests", () => {
  it("keep the form and the username but never the password or secret", async () => {
    await postPasswordGrant(emu, CONTOSO.tenantId, fields({ client_secret: "s3cret-value" }));
    const seen = emu.requests.at(-1);
    expect(seen).toMatchObject({
      method: "POST",
      path: `/${CONTOSO.tenantId}/oauth2/v2.0/token`,
      username: users.active.upn,
      hasPassword: true,
      hasClientSecret: true,
      status: 401,
      aadsts: 700025,
    });
    expect(seen?.form["scope"]).toBe(CONTOSO.customScopes.join(" "));
    const everything = JSON.stringify(emu.requests);
    expect(everything).not.toContain(users.active.password);
    expect(everything).not.toContain("s3cret-value");
  });
});
