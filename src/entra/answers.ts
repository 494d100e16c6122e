/**
 * HTTP answers from Entra turned into Observations. Pure: no I/O, so every odd answer (HTML from
 * a gateway, JSON without a tenant, a 429) can be tested as data.
 */
import { GUID_PATTERN } from "../config/schema.js";
import type { HttpResult } from "../net/http.js";
import type { EntraAnswer } from "./transport.js";
import type { EntraErrorBody, Observation } from "./types.js";

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const stringField = (record: Record<string, unknown>, key: string): string | undefined =>
  typeof record[key] === "string" ? record[key] : undefined;

/** `HTTP 502 text/html`: enough to recognise a gateway page, without echoing its body. */
function describeResponse(status: number, headers: Record<string, string>): string {
  const type = headers["content-type"]?.split(";")[0]?.trim();
  return `HTTP ${status}${type ? ` ${type}` : ""}`;
}

/** The OAuth error fields, copied one by one so nothing unexpected (or secret) rides along. */
export function errorBodyOf(json: unknown): EntraErrorBody | undefined {
  if (!isRecord(json) || (json["error"] === undefined && json["error_codes"] === undefined)) return undefined;
  const body: EntraErrorBody = {};
  for (const key of ["error", "error_description", "suberror", "trace_id", "correlation_id", "timestamp"] as const) {
    const value = stringField(json, key);
    if (value !== undefined) body[key] = value;
  }
  if (Array.isArray(json["error_codes"])) body.error_codes = json["error_codes"].filter((code): code is number => typeof code === "number");
  return body;
}

/** The tenant GUID an OpenID configuration names: in `issuer`, else in `token_endpoint`. */
export function tenantIdOf(configuration: Record<string, unknown>): string | undefined {
  for (const key of ["issuer", "token_endpoint"]) {
    const value = stringField(configuration, key);
    if (value === undefined) continue;
    try {
      const segment = new URL(value).pathname.split("/").find((part) => part !== "");
      if (segment !== undefined && GUID_PATTERN.test(segment)) return segment.toLowerCase();
    } catch {
      // not a URL: try the next field
    }
  }
  return undefined;
}

const idsFrom = (headers: Record<string, string>, body: EntraErrorBody | undefined, sent: string | null) => ({
  correlationId: body?.correlation_id ?? headers["client-request-id"] ?? sent,
  traceId: body?.trace_id ?? headers["x-ms-request-id"] ?? null,
});

/** An answer that is not JSON, or JSON that is neither what was asked for nor an OAuth error. */
function unexpected(status: number, headers: Record<string, string>, what: string): Observation {
  return { type: "unexpected", httpStatus: status, detail: `${describeResponse(status, headers)}${what}` };
}

/**
 * What every Entra answer shares: a network failure, a body that is not JSON, or an OAuth error
 * body. Anything else is JSON for `read`, the rule of the endpoint that was asked.
 */
function answerOf(
  result: HttpResult,
  sentCorrelationId: string | null,
  read: (json: unknown, status: number, headers: Record<string, string>) => Observation,
): EntraAnswer {
  if (result.kind === "failed") return { observation: result.observation, correlationId: sentCorrelationId, traceId: null };
  const { status, headers } = result;
  const json = parseJson(result.text);
  const error = errorBodyOf(json);
  const ids = idsFrom(headers, error, sentCorrelationId);
  if (json === undefined) return { observation: unexpected(status, headers, ", not JSON"), ...ids };
  if (error !== undefined) return { observation: { type: "error-body", httpStatus: status, body: error }, ...ids };
  return { observation: read(json, status, headers), ...ids };
}

export function discoveryAnswer(result: HttpResult): EntraAnswer {
  return answerOf(result, null, (json, status, headers) => {
    if (status !== 200 || !isRecord(json)) return unexpected(status, headers, "");
    const tenantId = tenantIdOf(json);
    if (tenantId === undefined) return unexpected(status, headers, ", an OpenID configuration without a tenant ID");
    const cloudInstance = stringField(json, "cloud_instance_name");
    return { type: "openid-configuration", httpStatus: status, tenantId, ...(cloudInstance !== undefined && { cloudInstance }) };
  });
}

/** The token endpoint's answer, as the transport saw it on the wire. */
export function tokenAnswer(result: HttpResult, sentCorrelationId: string | null = null): EntraAnswer {
  return answerOf(result, sentCorrelationId, (json, status, headers) => {
    if (status === 200 && isRecord(json) && typeof json["access_token"] === "string") {
      const grantedScopes = stringField(json, "scope");
      return { type: "tokens", httpStatus: status, ...(grantedScopes !== undefined && { grantedScopes }) };
    }
    return unexpected(status, headers, ", neither tokens nor an OAuth error");
  });
}
