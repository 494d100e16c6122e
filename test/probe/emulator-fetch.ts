/**
 * In-process fetch that trusts the emulator's certificate. NODE_EXTRA_CA_CERTS is read only when a
 * process starts, so in-process tests give undici an Agent with the CA instead (the CLI itself
 * relies on NODE_EXTRA_CA_CERTS, which the e2e tests set).
 */
import { readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";
import { Agent, fetch as undiciFetch } from "undici";
import { caCertPath } from "../entra/emulator.js";
import type { FetchLike } from "../../src/net/http.js";

const agent = new Agent({ connect: { ca: readFileSync(caCertPath) } });

export const emulatorFetch: FetchLike = (url, init) =>
  undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher: agent }) as unknown as Promise<Response>;

/**
 * A fetch that trusts only Node's bundled roots, as a Mac without the emulator's CA would: the
 * test workers themselves trust it (NODE_EXTRA_CA_CERTS, see vitest.config.ts).
 */
const untrustingAgent = new Agent({ connect: { ca: [...rootCertificates] } });
export const untrustingFetch: FetchLike = (url, init) =>
  undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher: untrustingAgent }) as unknown as Promise<Response>;

/** Records every request and answers from a function: msal against a fake wire, no sockets. */
export function recordingFetch(answer: (url: string, init: RequestInit) => Response): {
  fetch: FetchLike;
  calls: { url: string; method: string; body: string }[];
} {
  const calls: { url: string; method: string; body: string }[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, method: init.method ?? "GET", body: typeof init.body === "string" ? init.body : "" });
      return answer(url, init);
    },
  };
}
