/**
 * A failed fetch, named the way an admin can act on it. Node's fetch throws
 * `TypeError: fetch failed` with the socket error as `cause` (sometimes an AggregateError when
 * several addresses were tried), so the code is looked for along that chain.
 */
import type { NetworkCause, NetworkFailure } from "./types.js";

const DNS = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NONAME", "EAI_NODATA"]);
const RESET = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "ECONNABORTED"]);
const TIMEOUT = new Set(["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
const TLS_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN", "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID",
  "CERT_REVOKED", "CERT_UNTRUSTED", "CERT_REJECTED", "HOSTNAME_MISMATCH", "EPROTO",
]);

function isTls(code: string): boolean {
  return TLS_CODES.has(code) || code.startsWith("ERR_TLS_") || code.startsWith("ERR_SSL_") || code.startsWith("CERT_");
}

/** Error codes along the cause chain, outermost first. */
export function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    const code = (node as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    if (node instanceof AggregateError) for (const inner of node.errors) visit(inner);
    visit((node as { cause?: unknown }).cause);
  };
  visit(error);
  return codes;
}

export interface FailureContext {
  /** A proxy from HTTPS_PROXY carried the request: refused/reset/DNS then concern the proxy. */
  viaProxy: boolean;
  timeoutSeconds: number;
}

export function observeFetchFailure(error: unknown, context: FailureContext): NetworkFailure {
  const codes = errorCodes(error);
  if (codes.some((code) => TIMEOUT.has(code))) return { type: "timeout", seconds: context.timeoutSeconds };
  const refusal = context.viaProxy ? proxyRefusal(error) : undefined;
  if (refusal === 407) return { type: "network", cause: "proxy-login", detail: "HTTP 407 Proxy Authentication Required" };
  const detail = refusal !== undefined ? `HTTP ${refusal}` : (codes[codes.length - 1] ?? shortMessage(error));
  const cause = causeOf(codes, context.viaProxy);
  return { type: "network", cause, detail };
}

/**
 * The status a proxy answered a CONNECT with instead of 200: undici says it only in a message,
 * "Proxy response (407) !== 200 when HTTP Tunneling" (code UND_ERR_ABORTED).
 */
function proxyRefusal(error: unknown): number | undefined {
  const seen = new Set<unknown>();
  for (let node: unknown = error; node instanceof Error && !seen.has(node); node = node.cause) {
    seen.add(node);
    const status = /^Proxy response \((\d{3})\)/.exec(node.message)?.[1];
    if (status !== undefined) return Number(status);
  }
  return undefined;
}

function causeOf(codes: readonly string[], viaProxy: boolean): NetworkCause {
  if (codes.some(isTls)) return "tls";
  // Behind a proxy every connection goes to the proxy first: a refusal or a name that does not resolve
  // is the proxy's own (the far end's would come back as the proxy's HTTP answer, e.g. 502).
  if (viaProxy) return codes.some((code) => DNS.has(code) || code === "ECONNREFUSED") ? "proxy-down" : "proxy";
  if (codes.some((code) => DNS.has(code))) return "dns";
  if (codes.includes("ECONNREFUSED")) return "refused";
  if (codes.some((code) => RESET.has(code))) return "reset";
  return "other";
}

/** The innermost message, one line: socket errors name host and port, never the request body. */
function shortMessage(error: unknown): string {
  let node: unknown = error;
  while (node instanceof Error && node.cause instanceof Error) node = node.cause;
  const message = node instanceof Error ? node.message : String(node);
  return message.split("\n")[0]?.slice(0, 200) ?? "unknown error";
}
