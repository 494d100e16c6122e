/**
 * msal-node 7 against the emulator, configured as the probe will be: a 127.0.0.1 authority listed
 * in knownAuthorities and no authorityMetadata, so msal GETs the openid-configuration first.
 * In-process, the cert is trusted through a custom INetworkModule (https.request with `ca`); the
 * last test runs msal's own fetch client in a child process with NODE_EXTRA_CA_CERTS.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { InteractionRequiredAuthError, PublicClientApplication, ServerError } from "@azure/msal-node";
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";
import { describe, expect, it } from "vitest";
import { caCertPath, CONTOSO } from "./emulator.js";
import type { EntraEmulator } from "./emulator.js";
import { useContosoEmulator } from "./use-emulator.js";
import { httpsRequest } from "./https-client.js";

const { users } = CONTOSO;

/** msal's network seam, over https.request so it can trust the emulator's certificate. */
function emulatorNetworkClient(): INetworkModule {
  async function send<T>(url: string, method: "GET" | "POST", options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const res = await httpsRequest(url, {
      method,
      ...(options?.headers ? { headers: options.headers } : {}),
      ...(options?.body !== undefined ? { body: options.body } : {}),
    });
    return { status: res.status, headers: res.headers, body: JSON.parse(res.text) as T };
  }
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>(url, "GET", options),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>(url, "POST", options),
  };
}

let emu: EntraEmulator;
useContosoEmulator((started) => (emu = started));

function pca(tenant: string = CONTOSO.domain): PublicClientApplication {
  return new PublicClientApplication({
    auth: { clientId: CONTOSO.oidcClientId, authority: `${emu.url}/${tenant}`, knownAuthorities: [emu.host] },
    system: { networkClient: emulatorNetworkClient() },
  });
}

const signIn = (user: { upn: string; password: string }, scopes: readonly string[], tenant?: string) =>
  pca(tenant).acquireTokenByUsernamePassword({ scopes: [...scopes], username: user.upn, password: user.password });

describe("msal-node PublicClientApplication.acquireTokenByUsernamePassword", () => {
  it("returns an AuthenticationResult for the custom scope, after discovering the tenant by domain", async () => {
    const result = await signIn(users.active, CONTOSO.customScopes);
    expect(result?.account?.username).toBe(users.active.upn);
    expect(result?.tenantId).toBe(CONTOSO.tenantId);
    expect(result?.accessToken).toEqual(expect.any(String));
    expect(result?.idTokenClaims).toMatchObject({ preferred_username: users.active.upn, tid: CONTOSO.tenantId });
    expect(result?.scopes).toEqual([CONTOSO.apiScope]);

    const [discovery, token] = emu.requests;
    expect(discovery).toMatchObject({ method: "GET", path: `/${CONTOSO.domain}/v2.0/.well-known/openid-configuration` });
    // msal puts the authority's own tenant segment back into the discovered endpoints.
    expect(token).toMatchObject({ method: "POST", path: `/${CONTOSO.domain}/oauth2/v2.0/token`, username: users.active.upn, hasPassword: true });
    // msal adds the OIDC scopes itself; the emulator accepts them without consent.
    expect(token?.form["scope"]?.split(" ")).toEqual(expect.arrayContaining(["openid", "profile", "offline_access", CONTOSO.apiScope]));
    expect(token?.query["client-request-id"]).toBe(result?.correlationId);
  });

  it("throws InteractionRequiredAuthError 50076 for Jamf's default scopes under the MFA policy", async () => {
    const error: unknown = await signIn(users.active, CONTOSO.defaultScopes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InteractionRequiredAuthError);
    expect(error).toMatchObject({ errorCode: "invalid_grant", subError: "basic_action", errorNo: 50076 });
    expect(String((error as InteractionRequiredAuthError).claims)).toContain("capolids");
  });

  it("throws ServerError 50126 for a wrong password", async () => {
    const error: unknown = await signIn({ upn: users.active.upn, password: "wrong" }, CONTOSO.customScopes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ errorCode: "invalid_grant", errorNo: 50126 });
    expect((error as ServerError).errorMessage).toMatch(/AADSTS50126: Error validating credentials/);
  });

  it("throws ServerError invalid_client 7000218 for an app without public client flows", async () => {
    const app = new PublicClientApplication({
      auth: { clientId: CONTOSO.confidentialClientId, authority: `${emu.url}/${CONTOSO.tenantId}`, knownAuthorities: [emu.host] },
      system: { networkClient: emulatorNetworkClient() },
    });
    const error: unknown = await app
      .acquireTokenByUsernamePassword({ scopes: [...CONTOSO.customScopes], username: users.active.upn, password: users.active.password })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ errorCode: "invalid_client", errorNo: 7000218 });
  });

  it("surfaces an unknown tenant as a discovery failure before any token request", async () => {
    const error: unknown = await signIn(users.active, CONTOSO.customScopes, "nowhere.example.com").catch((e: unknown) => e);
    expect(error).toMatchObject({ errorCode: "endpoints_resolution_error" });
    expect(emu.tokenRequests()).toBe(0);
  });
});

describe("msal-node with its default fetch client in a child process", () => {
  it("signs in when NODE_EXTRA_CA_CERTS names the emulator's certificate", async () => {
    const script = `
      import { PublicClientApplication } from "@azure/msal-node";
      const app = new PublicClientApplication({ auth: {
        clientId: ${JSON.stringify(CONTOSO.oidcClientId)},
        authority: ${JSON.stringify(`${emu.url}/${CONTOSO.domain}`)},
        knownAuthorities: [${JSON.stringify(emu.host)}] } });
      try {
        const r = await app.acquireTokenByUsernamePassword({ scopes: ${JSON.stringify(CONTOSO.customScopes)},
          username: ${JSON.stringify(users.active.upn)}, password: ${JSON.stringify(users.active.password)} });
        console.log(JSON.stringify({ username: r?.account?.username }));
      } catch (e) { console.log(JSON.stringify({ error: e.errorCode, errorNo: e.errorNo })); }`;
    const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
      cwd: repoRoot,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: caCertPath },
      timeout: 20_000,
    });
    expect(JSON.parse(stdout.trim())).toEqual({ username: users.active.upn });
  });
});
