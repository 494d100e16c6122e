import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { signInRequest, type LoginSettings } from "./sign-in-request.js";

const settings: LoginSettings = {
  environment: "prod", authorityHost: "https://login.microsoftonline.com", tenant: "contoso.onmicrosoft.com",
  clientId: "4f8e2a1b-7c3d-4e5f-a6b7-c8d9e0f1a2b3", redirectUri: "https://127.0.0.1/jamfconnect",
  scopes: ["api://7d2c9e4a-1b3f-4a6e-8c5d-2f7a9b1e3c4d/jamfconnect", "openid", "profile", "email"],
  adminValues: [], adminAttribute: "groups", adminAttributeSet: false, createAdminUser: false, ignoreAdmin: false,
};

describe("signInRequest", () => {
  it("builds Jamf Connect's authorize request with an S256 challenge of its verifier", () => {
    const request = signInRequest(settings, { loginHint: "adele@contoso.com", random: (size) => Buffer.alloc(size, 7) });
    const url = new URL(request.authorizeUrl);
    expect(url.origin + url.pathname).toBe("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: settings.clientId, response_type: "code", redirect_uri: settings.redirectUri, response_mode: "query",
      scope: settings.scopes.join(" "), state: request.state, nonce: request.nonce,
      code_challenge: createHash("sha256").update(request.codeVerifier).digest("base64url"), code_challenge_method: "S256",
      prompt: "login", login_hint: "adele@contoso.com",
    });
    expect(request.codeVerifier).toHaveLength(43);
    expect(request.authorizeUrl).not.toContain(request.codeVerifier);
  });
});
