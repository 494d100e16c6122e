/**
 * A tiny HTTPS client for tests that trusts the emulator's certificate. In-process `fetch` cannot be
 * given a CA (NODE_EXTRA_CA_CERTS is read only at process start), `https.request` can.
 */
import { request } from "node:https";
import { readFileSync } from "node:fs";
import { caCertPath } from "./emulator.js";
import type { EntraEmulator } from "./emulator.js";

export const emulatorCa = readFileSync(caCertPath);

export interface HttpsAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export interface HttpsOptions {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export function httpsRequest(url: string, options: HttpsOptions = {}): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? "GET", headers: options.headers, ca: emulatorCa, ...(options.signal ? { signal: options.signal } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === "string") headers[name] = value;
          resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString("utf8") });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** A raw ROPG POST, the way Jamf Connect sends it (no msal additions). */
export async function postPasswordGrant(
  emu: EntraEmulator,
  tenant: string,
  fields: Record<string, string>,
  extra: { headers?: Record<string, string>; query?: Record<string, string> } = {},
): Promise<{ status: number; headers: Record<string, string>; body: Record<string, unknown> }> {
  const query = extra.query ? `?${new URLSearchParams(extra.query).toString()}` : "";
  const answer = await httpsRequest(`${emu.url}/${tenant}/oauth2/v2.0/token${query}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...extra.headers },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: answer.status, headers: answer.headers, body: JSON.parse(answer.text) as Record<string, unknown> };
}
