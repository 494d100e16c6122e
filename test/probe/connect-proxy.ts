/**
 * A minimal HTTP CONNECT proxy on 127.0.0.1, as a corporate proxy would be: it tunnels TLS without
 * looking inside and records the targets it was asked for. With `login`, it asks for Basic proxy
 * authentication first, as RFC 9110 §11.7.1 and §15.5.8 describe: a CONNECT without the right
 * Proxy-Authorization is answered 407 with a Proxy-Authenticate challenge.
 */
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { closeServer, listenOnLoopback } from "../entra/local-server.js";

export interface ConnectProxy {
  url: string;
  tunnels: string[];
  close(): Promise<void>;
}

export interface ConnectProxyOptions {
  /** `user:password` the proxy wants in Basic Proxy-Authorization. */
  login?: string;
}

export async function startConnectProxy(options: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const server: Server = createServer((_, res) => res.writeHead(405).end());
  const expected = options.login === undefined ? undefined : `Basic ${Buffer.from(options.login).toString("base64")}`;
  server.on("connect", (req, client, head) => {
    if (expected !== undefined && req.headers["proxy-authorization"] !== expected) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const target = req.url ?? "";
    tunnels.push(target);
    const [host, port] = target.split(":");
    const upstream = connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  const port = await listenOnLoopback(server);
  return { url: `http://127.0.0.1:${port}`, tunnels, close: () => closeServer(server) };
}
