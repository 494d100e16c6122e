/**
 * A minimal HTTP CONNECT proxy on 127.0.0.1, as a corporate proxy would be: it tunnels TLS without
 * looking inside and records the targets it was asked for.
 */
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { closeServer, listenOnLoopback } from "../entra/local-server.js";

export interface ConnectProxy {
  url: string;
  tunnels: string[];
  close(): Promise<void>;
}

export async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const server: Server = createServer((_, res) => res.writeHead(405).end());
  server.on("connect", (req, client, head) => {
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
