/**
 * A local Microsoft Entra ID for tests: HTTPS on 127.0.0.1 with the committed self-signed cert,
 * answering discovery and ROPG token requests for a world described as data (world.ts).
 * Every piece of state lives on the instance, so tests may run emulators in parallel.
 *
 *   const emu = await startEntraEmulator(contosoWorld());
 *   // msal: authority `${emu.url}/${tenant}`, knownAuthorities: [emu.host]
 *   // child processes: NODE_EXTRA_CA_CERTS=caCertPath
 */
import { createServer } from "node:https";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { readFileSync } from "node:fs";
import { createServer as createTcpServer } from "node:net";
import { fileURLToPath } from "node:url";
import { instanceDiscovery, openidConfiguration } from "./discovery.js";
import { runPasswordGrant } from "./password-grant.js";
import { AuthorizationState, type BrowserAnswer } from "./authorize.js";
import { runCodeGrant } from "./code-grant.js";
import { EntraFailure, entraHeaders, errorAnswer, newRequestIds } from "./responses.js";
import { closeServer, listenOnLoopback } from "./local-server.js";
import { isForm, readBody, recordRequest } from "./recorded-requests.js";
import type { RecordedRequest } from "./recorded-requests.js";
import { SignInState } from "./sign-in-state.js";
import { resolveTenantSegment } from "./tenants.js";
import type { EntraCloud, EntraWorld } from "./world.js";

export type { RecordedRequest } from "./recorded-requests.js";
export type {
  ConditionalAccessGrant,
  ConditionalAccessPolicy,
  EntraApp,
  EntraCloud,
  EntraTenant,
  EntraUser,
  EntraWorld,
  UserMfa,
  UserState,
} from "./world.js";
export { GRAPH_APP_ID } from "./world.js";
export { contosoWorld, CONTOSO } from "./contoso-world.js";

/** Absolute path of the emulator's certificate; trust it with NODE_EXTRA_CA_CERTS or `ca:`. */
export const caCertPath = fileURLToPath(new URL("./certs/cert.pem", import.meta.url));
const keyPath = fileURLToPath(new URL("./certs/key.pem", import.meta.url));

/**
 * normal: answer as Entra. html502: a gateway's text/html 502 on every request. hang: accept the
 * connection and the request, never answer. garbage: HTTP 200 JSON content type, body not JSON.
 */
export type FailureMode = "normal" | "html502" | "hang" | "garbage";

export interface EntraEmulatorOptions {
  /** The cloud this endpoint belongs to; tenants of another cloud are "not found" (90002). */
  cloud?: EntraCloud;
  mode?: FailureMode;
  /** Clock for timestamps and token times. */
  now?: () => Date;
}

export interface EntraEmulator {
  /** `https://127.0.0.1:<port>` */
  url: string;
  /** `127.0.0.1:<port>`, for msal's `knownAuthorities`. */
  host: string;
  port: number;
  caCertPath: string;
  /** Live: the emulator reads it on every request. */
  world: EntraWorld;
  /** Switch failure modes between requests. */
  mode: FailureMode;
  requests: RecordedRequest[];
  tokenRequests(): number;
  /** Codes issued by the authorize flow, for tests that check one was (or was not) redeemed. */
  authorization: AuthorizationState;
  /** Forget requests, lockout counters and the throttle count; mode back to the start option. */
  reset(): void;
  close(): Promise<void>;
}

const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;
const AUTHORIZE_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/authorize$/;
const LOGIN_PATH = /^\/[^/]+\/emulator-login$/;
const OPENID_PATH = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/;

export async function startEntraEmulator(world: EntraWorld, options: EntraEmulatorOptions = {}): Promise<EntraEmulator> {
  const cloud = options.cloud ?? "public";
  const clock = options.now ?? (() => new Date());
  const state = new SignInState();
  const authorization = new AuthorizationState(clock);
  const server: Server = createServer({ key: readFileSync(keyPath), cert: readFileSync(caCertPath) });

  const emulator: EntraEmulator = {
    url: "",
    host: "",
    port: 0,
    caCertPath,
    world,
    mode: options.mode ?? "normal",
    requests: [],
    tokenRequests: () => emulator.requests.filter((r) => r.method === "POST" && TOKEN_PATH.test(r.path)).length,
    authorization,
    reset() {
      emulator.requests.length = 0;
      state.reset();
      authorization.reset();
      emulator.mode = options.mode ?? "normal";
    },
    close: () => closeServer(server),
  };

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    readBody(req)
      .then((body) => handle(req, res, body))
      .catch((error: unknown) => {
        // A bug in the emulator shows up as a 500 with its stack rather than a silent reset.
        if (res.headersSent) res.destroy();
        else res.writeHead(500, { "content-type": "text/plain" }).end(error instanceof Error ? (error.stack ?? error.message) : String(error));
      });
  });

  function handle(req: IncomingMessage, res: ServerResponse, body: string): void {
    const url = new URL(req.url ?? "/", emulator.url);
    const form = isForm(req) ? new URLSearchParams(body) : new URLSearchParams();
    const record = recordRequest(req, url, form);
    emulator.requests.push(record);
    const send = (status: number, headers: Record<string, string>, text: string, aadsts?: number): void => {
      record.status = status;
      if (aadsts !== undefined) record.aadsts = aadsts;
      res.writeHead(status, { ...headers, "content-length": String(Buffer.byteLength(text)) }).end(text);
    };

    if (emulator.mode === "hang") return;
    if (emulator.mode === "html502") return send(502, GATEWAY_502_HEADERS, GATEWAY_502);
    // A body cut short, as from a proxy that dropped the connection mid-answer.
    if (emulator.mode === "garbage") return send(200, { "content-type": "application/json; charset=utf-8" }, '{"token_type":"Bearer","expires_in":35');

    const clientRequestId = req.headers["client-request-id"]?.toString() ?? url.searchParams.get("client-request-id") ?? undefined;
    const ids = newRequestIds(clientRequestId, clock());
    type Work = () => { body: Record<string, unknown>; cacheControl?: string };
    const answer = (where: "token" | "discovery", work: Work): void => {
      try {
        const ok = work();
        send(200, entraHeaders(ids, ok.cacheControl), JSON.stringify(ok.body));
      } catch (error) {
        if (!(error instanceof EntraFailure)) throw error;
        const failure = errorAnswer(error, ids, emulator.host, where);
        send(failure.status, { ...entraHeaders(ids), ...failure.headers }, JSON.stringify(failure.body), error.code);
      }
    };

    const token = TOKEN_PATH.exec(url.pathname);
    const openid = OPENID_PATH.exec(url.pathname);
    if (token?.[1] && req.method === "POST") {
      const segment = token[1];
      const ctx = { world: emulator.world, cloud, host: emulator.host, now: ids.now, state };
      if (form.get("grant_type") === "authorization_code") return answer("token", () => ({ body: runCodeGrant(ctx, authorization, segment, form, req.headers.origin) }));
      return answer("token", () => ({ body: runPasswordGrant(ctx, segment, form) }));
    }
    const authorize = AUTHORIZE_PATH.exec(url.pathname);
    if (authorize?.[1] && req.method === "GET") return browser(authorization.authorize(emulator.world, cloud, authorize[1], url.searchParams));
    if (LOGIN_PATH.test(url.pathname) && req.method === "POST") return browser(authorization.signIn(form));
    if (token) return answer("token", () => { throw new EntraFailure(900561); });
    if (openid?.[1] && req.method === "GET") {
      const segment = openid[1];
      return answer("discovery", () => {
        const ref = resolveTenantSegment(emulator.world, segment, cloud);
        return { body: openidConfiguration(ref, emulator.host, cloud), cacheControl: "max-age=86400, private" };
      });
    }
    if (url.pathname === "/common/discovery/instance" && req.method === "GET") {
      return answer("discovery", () => {
        const body = instanceDiscovery(url.searchParams.get("authorization_endpoint"), emulator.host);
        if (!body) throw new EntraFailure(50049);
        return { body, cacheControl: "max-age=86400, private" };
      });
    }
    send(404, { "content-type": "text/html; charset=utf-8" }, "<html><body>404 Not Found</body></html>");

    /** A page for the browser, or the 302 that ends the sign-in on the app's redirect URI. */
    function browser(page: BrowserAnswer): void {
      if (page.kind === "redirect") return send(302, { location: page.location, "content-type": "text/html; charset=utf-8" }, "");
      send(page.status, { "content-type": "text/html; charset=utf-8" }, page.html);
    }
  }

  emulator.port = await listenOnLoopback(server);
  emulator.host = `127.0.0.1:${emulator.port}`;
  emulator.url = `https://${emulator.host}`;
  return emulator;
}

/** A port on 127.0.0.1 with nothing listening, for connection-refused tests. */
export async function closedPort(): Promise<number> {
  const probe = createTcpServer();
  const port = await listenOnLoopback(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const GATEWAY_502_HEADERS = { "content-type": "text/html", server: "Microsoft-Azure-Application-Gateway/v2" };
const GATEWAY_502 =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n" +
  "<hr><center>Microsoft-Azure-Application-Gateway/v2</center>\r\n</body>\r\n</html>\r\n";
