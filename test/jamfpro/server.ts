/**
 * A local HTTPS Jamf Pro for tests: token endpoints (OAuth client credentials, user bearer token,
 * invalidate), the Classic API profile endpoints, and faults to inject (a status such as 503 with
 * Retry-After, a connection dropped after a committed create).
 *
 *   const jamf = await startJamfPro();        // { url, world, requests, faults, close() }
 *   // child process: NODE_EXTRA_CA_CERTS=caCertPath (the Entra emulator's test certificate)
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { caCertPath } from "../entra/emulator.js";
import { closeServer, listenOnLoopback } from "../entra/local-server.js";
import { categoriesXml, createProfile, listXml, page, profileXml, updateProfile, type ClassicAnswer } from "./classic-api.js";
import { countWrite, issueToken, newWorld, tokenPrivileges, type JamfWorld, type Privilege } from "./world.js";

export { caCertPath };
const keyPath = fileURLToPath(new URL("../entra/certs/key.pem", import.meta.url));

export interface RecordedRequest {
  method: string;
  path: string;
  body: string;
}

/** A request as a fault's body sees it: with its headers, so a test can play a gateway that echoes them. */
export type EchoedRequest = RecordedRequest & { headers: IncomingMessage["headers"] };

/** `skip`: matching requests let through before the fault starts (the second create hangs, not the first). */
export type Fault = (
  /**
   * Answers with this status instead of Jamf Pro. A body made from the request plays what Jamf Pro
   * never sends but a gateway or proxy in front of it may: an error page that echoes the request,
   * Authorization header and all (the issue 22 trial's hostile servers).
   */
  | { kind: "status"; method?: string; path: RegExp; status: number; retryAfter?: string; body?: string | ((request: EchoedRequest) => string); times: number }
  /** Never answers (the client's timeout decides). */
  | { kind: "hang"; method?: string; path: RegExp; times: number }
  /** The request is carried out, then the socket is destroyed before any answer. */
  | { kind: "drop-after-commit"; method?: string; path: RegExp; times: number }
) & { skip?: number };

export interface JamfProDouble {
  url: string;
  world: JamfWorld;
  requests: RecordedRequest[];
  faults: Fault[];
  /** Requests that would change something on the server. */
  writes(): RecordedRequest[];
  close(): Promise<void>;
}

const json = (status: number, body: unknown): ClassicAnswer => ({ status, body: JSON.stringify(body), contentType: "application/json" });

function route(world: JamfWorld, request: RecordedRequest, headers: IncomingMessage["headers"], now: number): ClassicAnswer {
  const { method, path } = request;
  // /api/v1/oauth/token is current, /api/oauth/token deprecated (developer.jamf.com postoauthtoken; facts U1).
  if (method === "POST" && world.oauthPaths.includes(path)) {
    const form = new URLSearchParams(request.body);
    const client = world.clients.find((item) => item.clientId === form.get("client_id") && item.secret === form.get("client_secret"));
    if (form.get("grant_type") !== "client_credentials" || client === undefined) return json(401, { error: "invalid_client" });
    const { token } = issueToken(world, client.privileges, now);
    return json(200, { access_token: token, scope: "api-role:1", token_type: "Bearer", expires_in: world.tokenLifetimeSeconds });
  }
  if (method === "POST" && path === "/api/v1/auth/token") {
    const basic = /^Basic (.+)$/.exec(headers.authorization ?? "")?.[1];
    const [username, ...rest] = Buffer.from(basic ?? "", "base64").toString("utf8").split(":");
    const user = world.users.find((item) => item.username === username && item.password === rest.join(":"));
    if (user === undefined) return json(401, { httpStatus: 401, errors: [] });
    const { token, expiresAt } = issueToken(world, user.privileges, now);
    return json(200, { token, expires: new Date(expiresAt).toISOString() });
  }
  const privileges = tokenPrivileges(world, headers.authorization, now);
  // Jamf Pro API "Invalidates current token": 204, and 401 for a token it does not take
  // (developer.jamf.com/jamf-pro/reference/post_v1-auth-invalidate-token). Documented for user
  // bearer tokens; that it also ends an API client's OAuth token is not confirmed by a source (UNVERIFIED).
  if (method === "POST" && path === "/api/v1/auth/invalidate-token") {
    const token = /^Bearer (.+)$/.exec(headers.authorization ?? "")?.[1];
    const issued = token === undefined ? undefined : world.tokens.get(token);
    if (privileges === undefined || issued === undefined) return json(401, { httpStatus: 401, errors: [] });
    issued.invalidated = true;
    return { status: 204, body: "", contentType: "text/plain" };
  }
  if (!path.startsWith("/JSSResource/")) return page(404, "Not Found", "The server has not found anything matching the request URI");
  if (privileges === undefined) return page(401, "Unauthorized", "The request requires user authentication");
  const need: Privilege = path === "/JSSResource/categories" ? "categories" : method === "GET" ? "read" : method === "POST" ? "create" : "update";
  if (!privileges.includes(need)) return page(401, "Unauthorized", "The request requires user authentication");
  if (method === "GET" && path === "/JSSResource/categories") return categoriesXml(world);
  if (method !== "GET") countWrite(world, headers.authorization);
  if (method === "GET" && path === "/JSSResource/osxconfigurationprofiles") return listXml(world);
  const byId = /^\/JSSResource\/osxconfigurationprofiles\/id\/(\d+)$/.exec(path);
  if (byId === null) return page(404, "Not Found", "The server has not found anything matching the request URI");
  const id = Number(byId[1]);
  if (method === "GET") {
    const profile = world.profiles.find((item) => item.id === id);
    return profile === undefined ? page(404, "Not Found", "The server has not found anything matching the request URI") : profileXml(profile);
  }
  if (method === "POST" && id === 0) return createProfile(world, request.body);
  if (method === "PUT") return updateProfile(world, id, request.body);
  return page(405, "Method Not Allowed", "The method specified in the Request-Line is not allowed");
}

function takeFault(faults: Fault[], request: RecordedRequest): Fault | undefined {
  const fault = faults.find((item) => item.times > 0 && (item.method === undefined || item.method === request.method) && item.path.test(request.path));
  if (fault?.skip) {
    fault.skip--;
    return undefined;
  }
  if (fault) fault.times--;
  return fault;
}

export async function startJamfPro(world: JamfWorld = newWorld()): Promise<JamfProDouble> {
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const server: Server = createServer({ key: readFileSync(keyPath), cert: readFileSync(caCertPath) }, (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = { method: req.method ?? "GET", path: (req.url ?? "/").split("?")[0]!, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(request);
      const fault = takeFault(faults, request);
      if (fault?.kind === "status") {
        res.writeHead(fault.status, { "content-type": "text/html", ...(fault.retryAfter !== undefined && { "retry-after": fault.retryAfter }) });
        const body = typeof fault.body === "function" ? fault.body({ ...request, headers: req.headers }) : fault.body;
        res.end(body ?? `<html><body><p>${fault.status}</p></body></html>`);
        return;
      }
      if (fault?.kind === "hang") return;
      let answer: ClassicAnswer;
      try {
        answer = route(double.world, request, req.headers, Date.now());
      } catch (error) {
        // A body the double cannot handle answers at once rather than hanging the client until its timeout.
        answer = page(500, "Internal Server Error", `double: ${(error as Error).message}`);
      }
      if (fault?.kind === "drop-after-commit") {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, { "content-type": answer.contentType });
      res.end(answer.body);
    });
  });
  const port = await listenOnLoopback(server);
  const double: JamfProDouble = {
    url: `https://127.0.0.1:${port}`,
    world,
    requests,
    faults,
    writes: () => requests.filter((request) => request.path.startsWith("/JSSResource/") && request.method !== "GET"),
    close: () => closeServer(server),
  };
  return double;
}
