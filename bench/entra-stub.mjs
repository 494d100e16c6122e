// A bare Entra stand-in for `npm run bench`, run as its own process (the bench's spawnSync would
// block a server in the same process). HTTPS with the emulator's test certificate; it answers the
// tenant's OpenID configuration and, on the token endpoint, AADSTS50034 (user not found) — what
// the probe's app check expects. `Connection: close`, so no side waits on an idle keep-alive socket.
import { readFileSync } from "node:fs";
import { createServer } from "node:https";

const certs = new URL("../test/entra/certs/", import.meta.url);
const TENANT_ID = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";

const server = createServer({ key: readFileSync(new URL("key.pem", certs)), cert: readFileSync(new URL("cert.pem", certs)) }, (req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const host = `https://${req.headers.host}`;
    const send = (status, body) =>
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", connection: "close" }).end(JSON.stringify(body));
    if (req.method === "GET" && req.url.endsWith("/v2.0/.well-known/openid-configuration")) {
      return send(200, {
        issuer: `${host}/${TENANT_ID}/v2.0`,
        token_endpoint: `${host}/${TENANT_ID}/oauth2/v2.0/token`,
        cloud_instance_name: "microsoftonline.com",
      });
    }
    if (req.method === "POST" && req.url.split("?")[0].endsWith("/oauth2/v2.0/token")) {
      return send(400, {
        error: "invalid_grant",
        error_description: "AADSTS50034: The user account {EmailHidden} does not exist in the directory.",
        error_codes: [50034],
        timestamp: new Date().toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z"),
        trace_id: "00000000-0000-4000-8000-000000000001",
        correlation_id: "00000000-0000-4000-8000-000000000002",
      });
    }
    send(404, { error: "not_found" });
  });
});
server.listen(0, "127.0.0.1", () => console.log(`https://127.0.0.1:${server.address().port}`));
