import { describe, expect, it } from "vitest";
import { closedPort, CONTOSO, type EntraEmulator } from "../../test/entra/emulator.js";
import { useContosoEmulator } from "../../test/entra/use-emulator.js";
import { createEntraClient } from "./entra-client.js";
import { emulatorFetch, recordingFetch, untrustingFetch } from "../../test/probe/emulator-fetch.js";

const { users } = CONTOSO;
let emu: EntraEmulator;
useContosoEmulator((started) => (emu = started));

const client = (timeoutSeconds = 5) => createEntraClient({ fetch: emulatorFetch, viaProxy: false, timeoutSeconds });
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

describe("Entra client against the emulator", () => {
  it("discovers a domain tenant and reads its GUID", async () => {
    const answer = await client().discover({ authorityHost: emu.url, tenant: CONTOSO.domain });
    expect(answer.observation).toEqual({ type: "openid-configuration", httpStatus: 200, tenantId: CONTOSO.tenantId, cloudInstance: "microsoftonline.com" });
  });

  it("reports an unknown tenant as the OAuth error body with its status", async () => {
    const answer = await client().discover({ authorityHost: emu.url, tenant: "nowhere.example.com" });
    expect(answer.observation).toMatchObject({ type: "error-body", httpStatus: 400, body: { error: "invalid_tenant", error_codes: [90002] } });
    expect(answer.traceId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gets tokens with one POST carrying exactly Jamf Connect's fields and the profile's scopes", async () => {
    const answer = await grant();
    expect(answer.observation).toMatchObject({ type: "tokens", httpStatus: 200, grantedScopes: CONTOSO.apiScope });
    expect(emu.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /${CONTOSO.domain}/oauth2/v2.0/token`]);
    const [request] = emu.requests;
    // The password is not recorded, only its presence: together these are the whole form.
    expect(request?.form).toEqual({ grant_type: "password", client_id: CONTOSO.oidcClientId, username: users.active.upn, scope: CONTOSO.customScopes.join(" ") });
    expect(request?.hasPassword).toBe(true);
    expect(request?.query).toEqual({});
    expect(request?.headers["client-request-id"]).toBeUndefined();
  });

  it("keeps the HTTP status, the raw error body and Entra's own correlation ID", async () => {
    const answer = await grant({ clientId: CONTOSO.confidentialClientId });
    expect(answer.observation).toMatchObject({ type: "error-body", httpStatus: 401, body: { error: "invalid_client", error_codes: [7000218] } });
    expect(answer.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("returns 50076 for the default scopes under the MFA policy", async () => {
    const answer = await grant({ scopes: CONTOSO.defaultScopes });
    expect(answer.observation).toMatchObject({ type: "error-body", httpStatus: 400, body: { error_codes: [50076], suberror: "basic_action" } });
  });

  it("names a gateway's HTML page as an unexpected answer", async () => {
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
    const plain = createEntraClient({ fetch: untrustingFetch, viaProxy: false, timeoutSeconds: 5 });
    const answer = await plain.discover({ authorityHost: emu.url, tenant: CONTOSO.domain });
    expect(answer.observation).toMatchObject({ type: "network", cause: "tls" });
  });
});

describe("Entra client on a recorded wire", () => {
  it("sends only the token POST, form-encoded, with the scopes in the profile's order", async () => {
    const wire = recordingFetch(() => Response.json({ error: "invalid_grant", error_codes: [50126] }, { status: 400 }));
    const entra = createEntraClient({ fetch: wire.fetch, viaProxy: false, timeoutSeconds: 5 });
    const answer = await entra.passwordGrant({
      authorityHost: "https://login.microsoftonline.com",
      tenant: CONTOSO.tenantId,
      clientId: CONTOSO.oidcClientId,
      scopes: ["openid", "email", "profile"],
      username: "someone@contoso.com",
      password: "not a+real&password",
    });
    expect(wire.calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      `POST https://login.microsoftonline.com/${CONTOSO.tenantId}/oauth2/v2.0/token`,
    ]);
    const form = new URLSearchParams(wire.calls[0]?.body);
    expect([...form.keys()]).toEqual(["grant_type", "client_id", "username", "password", "scope"]);
    expect(form.get("scope")).toBe("openid email profile");
    expect(form.get("password")).toBe("not a+real&password");
    expect(answer.observation).toMatchObject({ type: "error-body", httpStatus: 400, body: { error_codes: [50126] } });
  });
});
