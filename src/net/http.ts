/**
 * One HTTP exchange with a deadline, over fetch. Never throws for network trouble: a failure comes
 * back as an Observation, so the caller can report it with a hint instead of a stack.
 *
 * Node 20's global fetch ignores HTTPS_PROXY, so when a proxy variable is set the request goes
 * through undici's EnvHttpProxyAgent, given the proxy and NO_PROXY read from the command's own
 * environment (proxy.ts), not from process.env. NODE_EXTRA_CA_CERTS needs no
 * code: Node adds it to the trust store of every TLS connection, proxied or not.
 */
import { observeFetchFailure } from "./network-errors.js";
import { proxyFromEnvironment } from "./proxy.js";
import type { NetworkFailure } from "./types.js";

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface HttpRequest {
  method: "GET" | "POST" | "PUT";
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export type HttpResult =
  | { kind: "response"; status: number; headers: Record<string, string>; text: string }
  | { kind: "failed"; observation: NetworkFailure };

export interface HttpOptions {
  fetch: FetchLike;
  viaProxy: boolean;
  timeoutSeconds: number;
  signal?: AbortSignal;
}

export async function sendHttp(request: HttpRequest, options: HttpOptions): Promise<HttpResult> {
  const deadline = AbortSignal.timeout(Math.max(1, Math.round(options.timeoutSeconds * 1000)));
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  try {
    const response = await options.fetch(request.url, {
      method: request.method,
      ...(request.headers !== undefined && { headers: request.headers }),
      ...(request.body !== undefined && { body: request.body }),
      signal,
      redirect: "manual",
    });
    // The body is read under the same deadline: a server may send headers and then stall.
    const text = await readCapped(response);
    if (text === undefined) return { kind: "failed", observation: { type: "network", cause: "oversized", detail: `${MAX_ANSWER_BYTES / 1024 / 1024} MB` } };
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    return { kind: "response", status: response.status, headers, text };
  } catch (error) {
    if (deadline.aborted) return { kind: "failed", observation: { type: "timeout", seconds: options.timeoutSeconds } };
    return { kind: "failed", observation: observeFetchFailure(error, options) };
  }
}

/** No Entra or Jamf Pro answer comes near this; a server streaming without end must not fill memory. */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

/** The body as text, or undefined (the rest cancelled) once it passes MAX_ANSWER_BYTES. */
async function readCapped(response: Response): Promise<string | undefined> {
  if (response.body === null) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The fetch to use: the global one, or undici's with an env proxy agent when HTTPS_PROXY is set.
 * undici is imported only then, so an ordinary run does not pay for loading it.
 */
export async function fetchForEnvironment(env: NodeJS.ProcessEnv): Promise<{ fetch: FetchLike; viaProxy: boolean }> {
  const proxy = proxyFromEnvironment(env);
  if (proxy === undefined) return { fetch: (url, init) => fetch(url, init), viaProxy: false };
  const undici = await import("undici");
  // Both proxies given, so undici never falls back to process.env's (jcprofile only speaks https).
  const dispatcher = new undici.EnvHttpProxyAgent({ httpProxy: proxy.url, httpsProxy: proxy.url, noProxy: proxy.noProxy });
  const proxied: FetchLike = (url, init) =>
    undici.fetch(url, { ...(init as Parameters<typeof undici.fetch>[1]), dispatcher }) as unknown as Promise<Response>;
  return { fetch: proxied, viaProxy: true };
}
