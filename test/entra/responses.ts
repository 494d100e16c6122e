/**
 * The shapes Entra answers with: the error body every endpoint shares, the response headers, and
 * small helpers for ids and timestamps. Field order and formats follow the captured bodies quoted in
 * /work/shared/reference/ropg-and-packages.md §2.1.
 */
import { createHash, randomUUID } from "node:crypto";
import { aadsts } from "./aadsts.js";
import type { AadstsCode, MessageParams } from "./aadsts.js";

/** Thrown by a check to stop the token pipeline with an AADSTS answer. */
export class EntraFailure extends Error {
  constructor(
    readonly code: AadstsCode,
    readonly params: MessageParams = {},
    readonly extra: { claims?: string; passwordChangeUrl?: string; status?: number; headers?: Record<string, string> } = {},
  ) {
    super(`AADSTS${code}`);
  }
}

export interface RequestIds {
  /** Our side of the request: body `trace_id`, header `x-ms-request-id`. */
  traceId: string;
  /** The caller's `client-request-id` when it sent a GUID one, else a fresh GUID. */
  correlationId: string;
  /** Set only when the caller sent one, so it is echoed back as a header. */
  clientRequestId?: string;
  now: Date;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

export function newRequestIds(clientRequestId: string | undefined, now: Date): RequestIds {
  // Entra correlation ids are GUIDs; a caller value that is not one is not echoed (UNVERIFIED).
  const echoed = clientRequestId !== undefined && isGuid(clientRequestId) ? clientRequestId : undefined;
  return {
    traceId: randomUUID(),
    correlationId: echoed ?? randomUUID(),
    ...(echoed ? { clientRequestId: echoed } : {}),
    now,
  };
}

/** `2024-03-26 21:48:02Z`, the format of `timestamp` and of the description's last line. */
export function entraTimestamp(now: Date): string {
  return now.toISOString().replace("T", " ").replace(/\.\d{3}Z$/, "Z");
}

/** A stable version-4-looking GUID for a name, so derived object ids stay the same across runs. */
export function guidFromName(name: string): string {
  const hex = createHash("sha256").update(name).digest("hex");
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString("base64url");
}

export interface ErrorAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

export function errorAnswer(failure: EntraFailure, ids: RequestIds, host: string, where: "token" | "discovery"): ErrorAnswer {
  const entry = aadsts(failure.code);
  const timestamp = entraTimestamp(ids.now);
  const description =
    `AADSTS${failure.code}: ${entry.describe(failure.params)}` +
    `\r\nTrace ID: ${ids.traceId}\r\nCorrelation ID: ${ids.correlationId}\r\nTimestamp: ${timestamp}`;
  const body: Record<string, unknown> = {
    error: where === "discovery" ? (entry.discoveryError ?? entry.error) : entry.error,
    error_description: description,
    error_codes: [failure.code],
    timestamp,
    trace_id: ids.traceId,
    correlation_id: ids.correlationId,
    error_uri: `https://${host}/error?code=${failure.code}`,
  };
  if (entry.suberror) body["suberror"] = entry.suberror;
  if (failure.extra.passwordChangeUrl) body["password_change_url"] = failure.extra.passwordChangeUrl;
  if (failure.extra.claims) body["claims"] = failure.extra.claims;
  return { status: failure.extra.status ?? entry.status, body, headers: failure.extra.headers ?? {} };
}

/** Headers Entra sends on token answers (and on every error). */
export function entraHeaders(ids: RequestIds, cacheControl = "no-store, no-cache"): Record<string, string> {
  return {
    "content-type": "application/json; charset=utf-8",
    "cache-control": cacheControl,
    pragma: "no-cache",
    expires: "-1",
    "strict-transport-security": "max-age=31536000; includeSubDomains",
    "x-content-type-options": "nosniff",
    "x-ms-request-id": ids.traceId,
    "x-ms-ests-server": "2.1.emulator - 127.0.0.1 ProdSlices",
    ...(ids.clientRequestId ? { "client-request-id": ids.clientRequestId } : {}),
  };
}
