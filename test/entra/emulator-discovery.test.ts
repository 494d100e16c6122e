/** OpenID configuration and instance discovery, answered as login.microsoftonline.com does. */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CONTOSO, contosoWorld, startEntraEmulator } from "./emulator.js";
import type { EntraEmulator } from "./emulator.js";
import { useContosoEmulator } from "./use-emulator.js";
import { httpsRequest } from "./https-client.js";

let emu: EntraEmulator;
useContosoEmulator((started) => (emu = started));

async function getJson(path: string): Promise<{ status: number; headers: Record<string, string>; body: Record<string, unknown> }> {
  const res = await httpsRequest(`${emu.url}${path}`);
  return { status: res.status, headers: res.headers, body: JSON.parse(res.text) as Record<string, unknown> };
}

const openid = (tenant: string) => getJson(`/${tenant}/v2.0/.well-known/openid-configuration`);

describe("GET /{tenant}/v2.0/.well-known/openid-configuration", () => {
  it.each([CONTOSO.domain, "contoso.com", CONTOSO.tenantId.toUpperCase()])("resolves %s to the tenant GUID everywhere", async (tenant) => {
    const { status, headers, body } = await openid(tenant);
    expect(status).toBe(200);
    expect(headers["content-type"]).toBe("application/json; charset=utf-8");
    const base = `https://${emu.host}/${CONTOSO.tenantId}`;
    expect(body).toMatchObject({
      issuer: `${base}/v2.0`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      tenant_region_scope: "NA",
      cloud_instance_name: "microsoftonline.com",
      cloud_graph_host_name: "graph.windows.net",
      msgraph_host: "graph.microsoft.com",
      request_uri_parameter_supported: false,
    });
    expect(body["scopes_supported"]).toEqual(["openid", "profile", "email", "offline_access"]);
    expect(body["response_types_supported"]).toContain("id_token token");
    expect(body["claims_supported"]).toContain("preferred_username");
  });

  it("keeps the alias in endpoints and a {tenantid} issuer for organizations and common", async () => {
    for (const alias of ["organizations", "common"]) {
      const { body } = await openid(alias);
      expect(body["token_endpoint"]).toBe(`https://${emu.host}/${alias}/oauth2/v2.0/token`);
      expect(body["issuer"]).toBe(`https://${emu.host}/{tenantid}/v2.0`);
      expect(body["tenant_region_scope"]).toBeNull();
    }
  });

  it("answers an unknown tenant with 90002 invalid_tenant", async () => {
    const correlation = randomUUID();
    const res = await httpsRequest(`${emu.url}/fabrikam.example.com/v2.0/.well-known/openid-configuration`, {
      headers: { "client-request-id": correlation },
    });
    expect(res.status).toBe(400);
    const body = JSON.parse(res.text) as Record<string, unknown>;
    expect(body).toMatchObject({ error: "invalid_tenant", error_codes: [90002], correlation_id: correlation, error_uri: `https://${emu.host}/error?code=90002` });
    expect(body["error_description"]).toMatch(
      /^AADSTS90002: Tenant 'fabrikam\.example\.com' not found\. Check to make sure you have the correct tenant ID and are signing into the correct cloud\. .*\r\nTrace ID: .+\r\nCorrelation ID: .+\r\nTimestamp: .+$/s,
    );
    expect(res.headers["cache-control"]).toBe("no-store, no-cache");
  });

  it.each(["undefined", "contoso", "not%20a%20tenant", "bad_tenant!"])("answers malformed tenant %s with 900023", async (tenant) => {
    const { status, body } = await openid(tenant);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: "invalid_request", error_codes: [900023] });
  });

  it("treats a tenant of another cloud as not found, and names the cloud of its own", async () => {
    const world = contosoWorld();
    const gov = world.tenants[1];
    if (gov) gov.cloud = "usgov";
    const usgov = await startEntraEmulator(world, { cloud: "usgov" });
    try {
      const publicTenant = await httpsRequest(`${usgov.url}/${CONTOSO.tenantId}/v2.0/.well-known/openid-configuration`);
      expect(JSON.parse(publicTenant.text)).toMatchObject({ error_codes: [90002] });
      const govTenant = await httpsRequest(`${usgov.url}/${CONTOSO.fabrikamTenantId}/v2.0/.well-known/openid-configuration`);
      expect(JSON.parse(govTenant.text)).toMatchObject({ cloud_instance_name: "microsoftonline.us", msgraph_host: "graph.microsoft.us" });
    } finally {
      await usgov.close();
    }
  });
});

describe("other endpoints", () => {
  it("serves msal's instance discovery for its own host only", async () => {
    const authorize = encodeURIComponent(`https://${emu.host}/${CONTOSO.tenantId}/oauth2/v2.0/authorize`);
    const { status, body } = await getJson(`/common/discovery/instance?api-version=1.1&authorization_endpoint=${authorize}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      tenant_discovery_endpoint: `https://${emu.host}/${CONTOSO.tenantId}/v2.0/.well-known/openid-configuration`,
      "api-version": "1.1",
      metadata: [{ preferred_network: emu.host, preferred_cache: emu.host, aliases: [emu.host] }],
    });
    const other = encodeURIComponent("https://login.example.com/common/oauth2/v2.0/authorize");
    const foreign = await getJson(`/common/discovery/instance?api-version=1.1&authorization_endpoint=${other}`);
    expect(foreign.body).toMatchObject({ error: "invalid_instance", error_codes: [50049] });
  });

  it("refuses GET on the token endpoint with 900561", async () => {
    const { status, body } = await getJson(`/${CONTOSO.tenantId}/oauth2/v2.0/token`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: "invalid_request", error_codes: [900561] });
  });

  it("answers unknown paths with a plain 404", async () => {
    const res = await httpsRequest(`${emu.url}/nothing/here`);
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
  });
});
