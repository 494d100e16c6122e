/**
 * A one-answer HTTPS server with the emulator's certificate, for answers the emulator cannot be
 * made to give through the CLI. Needed for AADSTS900023 (invalid-tenant): jcprofile validates the
 * tenant locally with the same rule the emulator uses to answer 900023, so a tenant that reaches
 * Entra is always well-formed. Entra may still disagree, and the probe must name that answer.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import { fileURLToPath } from "node:url";
import { caCertPath } from "../entra/emulator.js";
import { closeServer, listenOnLoopback } from "../entra/local-server.js";

const keyPath = fileURLToPath(new URL("../entra/certs/key.pem", import.meta.url));

export interface CannedServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startCannedServer(status: number, body: Record<string, unknown>): Promise<CannedServer> {
  const requests: string[] = [];
  const server = createServer({ key: readFileSync(keyPath), cert: readFileSync(caCertPath) }, (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    req.resume();
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
  });
  const port = await listenOnLoopback(server);
  return { url: `https://127.0.0.1:${port}`, requests, close: () => closeServer(server) };
}

/** Entra's answer to a tenant segment that is neither a GUID nor a DNS name (shape as in test/entra/aadsts.ts). */
export function invalidTenantBody(tenant: string): Record<string, unknown> {
  const ids = { trace_id: "0f6d1b2c-3a4e-4f5a-8b6c-7d8e9f0a1b2c", correlation_id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d" };
  return {
    error: "invalid_request",
    error_description: `AADSTS900023: Specified tenant identifier '${tenant}' is neither a valid DNS name, nor a valid external domain.`,
    error_codes: [900023],
    timestamp: "2026-11-28 10:00:00Z",
    ...ids,
  };
}
