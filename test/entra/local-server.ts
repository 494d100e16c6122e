/**
 * Test servers on 127.0.0.1 (the emulator, the canned Entra answer, the CONNECT proxy): listen on a
 * free port, and close without waiting for hanging requests or keep-alive sockets.
 */
import type { Server as HttpServer } from "node:http";
import type { AddressInfo, Server, Socket } from "node:net";

/** Every socket a server accepted and has not closed, TLS handshakes under way included. */
const openSockets = new WeakMap<Server, Set<Socket>>();

/** Listens on a free port of 127.0.0.1 and returns it. */
export async function listenOnLoopback(server: Server): Promise<number> {
  const sockets = new Set<Socket>();
  openSockets.set(server, sockets);
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

export function closeServer(server: HttpServer): Promise<void> {
  if (!server.listening) return Promise.resolve();
  // Hanging requests, keep-alive sockets and half-done TLS handshakes would otherwise hold close()
  // open (closeAllConnections alone misses sockets the HTTP layer has not seen yet).
  server.closeAllConnections();
  for (const socket of openSockets.get(server) ?? []) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}
