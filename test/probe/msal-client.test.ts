import { describe, expect, it } from "vitest";
import { closedPort, CONTOSO, type EntraEmulator } from "../entra/emulator.js";
import { useContosoEmulator } from "../entra/use-emulator.js";
import { createMsalClient } from "../../src/probe/msal-client.js";
import { emulatorFetch, recordingFetch, untrustingFetch } from "./emulator-fetch.js";

const { users } = CONTOSO;
let emu: EntraEmulator;
useContosoEmulator((started) => (emu = started));

const client = (timeoutSeconds = 5) => createMsalClient({ fetch: emulatorFetch, viaProxy: false, timeoutSeconds });
const grant = (overrides: Partial<Parameters<ReturnType<typeof client>["passwordGrant"]>[0]> = {}, timeoutSeconds?: number) =>
  client(timeoutSeconds).passwordGrant({
    authorityHost: emu.url,
    tenant: CONTOSO.domain,
    clientId: CONTOSO.oidcClientId,
    scopes: CONTOSO.customScopes,
    username: users.active.upn,
    password: users.active.password,
    ...overrides,
  });

describe("msal client against the Entra emulator", () => {
  it("discovers a domain tenant and reads its GUID", async () => {
    const answer = await client().discover({ authorityHost: emu.url, tenant: CONTOSO.domain });
    expect(answer.observation).toEqual({ type: "openid-configuration", httpStatus: 200, tenantId: CONTOSO.tenantId, cloudInstance: "microsoftonline.com" });
  });

  it("reports an unknown tenant as the OAuth error body with its status", async () => {
    const answer = await client().discover({ authorityHost: emu.url, tenant: "nowhere.example.com" });
    expect(answer.observation).toMatchObject({ type: "error-body", httpStatus: 400, body: { error: "invalid_tenant", error_codes: [90002] } });
    expect(answer.traceId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gets tokens with one POST and no discovery request", async () => {
    const answer = await grant();
    expect(answer.observation).toMatchObject({ type: "tokens", httpStatus: 200, grantedScopes: CONTOSO.apiScope });
    expect(emu.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /${CONTOSO.domain}/oauth2/v2.0/token`]);
    const [request] = emu.requests;
    expect(request?.query["client-request-id"]).toBe(answer.correlationId);
    // msal's additions, documented in msal-client.ts.
    expect(request?.form["scope"]?.split(" ").sort()).toEqual([...CONTOSO.customScopes, "offline_access"].sort());
  });

  it("keeps the HTTP status and the raw error body msal would hide", async () => {
    const answer = await grant({ clientId: CONTOSO.confidentialClientId });
    expect(answer.observation).toMatchObject({ type: "error-body", httpStatus: 401, body: { error: "invalid_client", error_codes: [7000218] } });
    expect(answer.correlationId).toBe(emu.requests[0]?.query["client-request-id"]);
  });

  it("returns 50076 for the default scopes under the MFA policy", async () => {
    const answer = await grant({ scopes: CONTOSO.defaultScopes });
    expect(answer.observation).toMatchObject({ type: "error-body", httpStatus: 400, body: { error_codes: [50076], suberror: "basic_action" } });
  });

  it("names a gateway's HTML page instead of msal's parse error", async () => {
    emu.mode = "html502";
    const answer = await grant();
    expect(answer.observation).toEqual({ type: "unexpected", httpStatus: 502, detail: "HTTP 502 text/html, not JSON" });
  });

  it("gives up after the timeout on a server that never answers", async () => {
    emu.mode = "hang";
    const started = Date.now();
    const answer = await grant({}, 1);
    expect(answer.observation).toEqual({ type: "timeout", seconds: 1 });
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it("names a refused connection", async () => {
    const port = await closedPort();
    const answer = await grant({ authorityHost: `https://127.0.0.1:${port}` });
    expect(answer.observation).toMatchObject({ type: "network", cause: "refused" });
  });

  it("names a certificate it cannot trust as a TLS failure", async () => {
    const plain = createMsalClient({ fetch: untrustingFetch, viaProxy: false, timeoutSeconds: 5 });
    const answer = await plain.discover({ authorityHost: emu.url, tenant: CONTOSO.domain });
    expect(answer.observation).toMatchObject({ type: "network", cause: "tls" });
  });
});

describe("msal client on a recorded wire", () => {
  it("sends only the token POST to login.microsoftonline.com (no instance discovery)", async () => {
    const wire = recordingFetch(() => Response.json({ error: "invalid_grant", error_codes: [50126] }, { status: 400 }));
    const entra = createMsalClient({ fetch: wire.fetch, viaProxy: false, timeoutSeconds: 5 });
    const answer = await entra.passwordGrant({
      authorityHost: "https://login.microsoftonline.com",
      tenant: CONTOSO.tenantId,
      clientId: CONTOSO.oidcClientId,
      scopes: ["openid", "profile", "email"],
      username: "someone@contoso.com",
      password: "not-a-real-password",
    });
    expect(wire.calls.map((call) => `${call.method} ${call.url.split("?")[0]}`)).toEqual([
      `POST https://login.microsoftonline.com/${CONTOSO.tenantId}/oauth2/v2.0/token`,
    ]);
    expect(new URLSearchParams(wire.calls[0]?.body).get("grant_type")).toBe("password");
    expect(answer.observation).toMatchObject({ type: "error-body", httpStatus: 400, body: { error_codes: [50126] } });
  });
});

describe("msal client when msal refuses the request itself", () => {
  it("names msal's error code, without a request on the wire", async () => {
    const wire = recordingFetch(() => Response.json({}));
    const entra = createMsalClient({ fetch: wire.fetch, viaProxy: false, timeoutSeconds: 5 });
    const answer = await entra.passwordGrant({
      // An http authority: msal refuses it before any request (authority_uri_insecure).
      authorityHost: "http://127.0.0.1:9", tenant: CONTOSO.tenantId, clientId: CONTOSO.oidcClientId,
      scopes: ["openid"], username: "someone@contoso.com", password: "not-a-real-password",
    });
    expect(answer.observation).toMatchObject({ type: "unexpected", httpStatus: null, detail: "msal-node did not send the request (authority_uri_insecure)" });
    expect(wire.calls).toEqual([]);
  });
});
