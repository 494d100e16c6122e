/**
 * Test servers on 127.0.0.1 (the emulator, the canned Entra answer, the CONNECT proxy): listen on a
 * free port, and close without waiting for hanging requests or keep-alive sockets.
 */
import type { Server as HttpServer } from "node:http";
import type { AddressInfo, Server } from "node:net";

/** Listens on a free port of 127.0.0.1 and returns it. */
export async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

export function closeServer(server: HttpServer): Promise<void> {
  if (!server.listening) return Promise.resolve();
  // Hanging requests and keep-alive sockets would otherwise hold close() open forever.
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
