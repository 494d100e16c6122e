import { describe, expect, it } from "vitest";
import { discoveryAnswer, errorBodyOf, tenantIdOf, tokenAnswer } from "./answers.js";
import type { HttpResult } from "../net/http.js";

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResult => ({
  kind: "response", status, headers: { "content-type": "application/json; charset=utf-8", ...headers }, text: JSON.stringify(body),
});

describe("discoveryAnswer", () => {
  it("reads the tenant GUID from the issuer and the cloud instance", () => {
    const answer = discoveryAnswer(json(200, { issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`, cloud_instance_name: "microsoftonline.com" }, { "x-ms-request-id": "t-1" }));
    expect(answer).toEqual({
      observation: { type: "openid-configuration", httpStatus: 200, tenantId: TENANT, cloudInstance: "microsoftonline.com" },
      correlationId: null, traceId: "t-1",
    });
  });

  it("falls back to the token endpoint when the issuer has a placeholder", () => {
    expect(tenantIdOf({ issuer: "https://login.microsoftonline.com/{tenantid}/v2.0", token_endpoint: `https://h/${TENANT.toUpperCase()}/oauth2/v2.0/token` })).toBe(TENANT);
  });

  it("calls a 200 without a tenant GUID unexpected", () => {
    expect(discoveryAnswer(json(200, { issuer: "https://h/organizations/v2.0" })).observation).toEqual({
      type: "unexpected", httpStatus: 200, detail: "HTTP 200 application/json, an OpenID configuration without a tenant ID",
    });
  });

  it("keeps an OAuth error with its status and ids", () => {
    const answer = discoveryAnswer(json(400, { error: "invalid_tenant", error_codes: [90002], trace_id: "t", correlation_id: "c" }));
    expect(answer).toEqual({ observation: { type: "error-body", httpStatus: 400, body: { error: "invalid_tenant", error_codes: [90002], trace_id: "t", correlation_id: "c" } }, correlationId: "c", traceId: "t" });
  });

  it("names an HTML gateway page without echoing it", () => {
    const answer = discoveryAnswer({ kind: "response", status: 502, headers: { "content-type": "text/html" }, text: "<html>502</html>" });
    expect(answer.observation).toEqual({ type: "unexpected", httpStatus: 502, detail: "HTTP 502 text/html, not JSON" });
  });
});

describe("tokenAnswer", () => {
  it("sees tokens and the granted scopes", () => {
    expect(tokenAnswer(json(200, { access_token: "x", scope: "openid email" }), "sent").observation).toEqual({ type: "tokens", httpStatus: 200, grantedScopes: "openid email" });
  });

  it("keeps the correlation id it sent when the network failed", () => {
    expect(tokenAnswer({ kind: "failed", observation: { type: "timeout", seconds: 1 } }, "sent")).toEqual({ observation: { type: "timeout", seconds: 1 }, correlationId: "sent", traceId: null });
  });

  it("calls a 200 JSON without tokens unexpected", () => {
    expect(tokenAnswer(json(200, { hello: 1 }), "sent").observation).toMatchObject({ type: "unexpected", httpStatus: 200 });
  });
});

describe("errorBodyOf", () => {
  it("copies only the OAuth fields", () => {
    expect(errorBodyOf({ error: "invalid_grant", error_codes: [50126, "x"], suberror: "s", claims: "{}", password_change_url: "u" })).toEqual({
      error: "invalid_grant", error_codes: [50126], suberror: "s",
    });
  });
});
