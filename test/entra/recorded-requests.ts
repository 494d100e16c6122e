/**
 * What the emulator keeps of each request: enough for tests to assert what a probe sent, never the
 * password or client secret themselves.
 */
import type { IncomingMessage } from "node:http";

const SECRET_FIELDS = ["password", "passwd", "client_secret", "client_assertion", "code_verifier"];
const MAX_BODY_BYTES = 1_000_000;

/** What the emulator saw. Passwords and client secrets are never stored, only their presence. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Form fields, without password, client_secret and client_assertion. */
  form: Record<string, string>;
  username?: string;
  hasPassword: boolean;
  hasClientSecret: boolean;
  /** HTTP status answered; undefined while hanging. */
  status?: number;
  /** The AADSTS code answered, if any. */
  aadsts?: number;
}

export function isForm(req: IncomingMessage): boolean {
  return (req.headers["content-type"] ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
}

export function recordRequest(req: IncomingMessage, url: URL, form: URLSearchParams): RecordedRequest {
  const fields: Record<string, string> = {};
  for (const [name, value] of form) if (!SECRET_FIELDS.includes(name)) fields[name] = value;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers[name] = value;
  const username = form.get("username");
  return {
    method: req.method ?? "",
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    form: fields,
    ...(username !== null ? { username } : {}),
    hasPassword: form.has("password"),
    hasClientSecret: form.has("client_secret") || form.has("client_assertion"),
  };
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error("request body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
