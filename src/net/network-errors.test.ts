import { describe, expect, it } from "vitest";
import { errorCodes, observeFetchFailure } from "./network-errors.js";

/** What Node's fetch throws: TypeError("fetch failed") with the socket error as cause. */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError("fetch failed", { cause });
}
const socketError = (code: string, message = `connect ${code} 127.0.0.1:443`) => Object.assign(new Error(message), { code });

const direct = { viaProxy: false, timeoutSeconds: 15 };

describe("observeFetchFailure", () => {
  it.each([
    ["ENOTFOUND", "dns"],
    ["EAI_AGAIN", "dns"],
    ["ECONNREFUSED", "refused"],
    ["ECONNRESET", "reset"],
    ["UND_ERR_SOCKET", "reset"],
    ["DEPTH_ZERO_SELF_SIGNED_CERT", "tls"],
    ["SELF_SIGNED_CERT_IN_CHAIN", "tls"],
    ["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "tls"],
    ["UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "tls"],
    ["CERT_HAS_EXPIRED", "tls"],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "tls"],
    ["ERR_SSL_WRONG_VERSION_NUMBER", "tls"],
    ["EHOSTUNREACH", "other"],
  ])("%s → %s", (code, cause) => {
    expect(observeFetchFailure(fetchFailed(socketError(code)), direct)).toEqual({ type: "network", cause, detail: code });
  });

  it("finds the code inside an AggregateError (several addresses tried)", () => {
    const aggregate = Object.assign(new AggregateError([socketError("ECONNREFUSED"), socketError("ECONNREFUSED")], ""), { code: "ECONNREFUSED" });
    expect(observeFetchFailure(fetchFailed(aggregate), direct)).toMatchObject({ cause: "refused" });
  });

  it("turns connect timeouts into a timeout with the configured seconds", () => {
    expect(observeFetchFailure(fetchFailed(socketError("UND_ERR_CONNECT_TIMEOUT")), { viaProxy: false, timeoutSeconds: 7 })).toEqual({ type: "timeout", seconds: 7 });
  });

  it("blames the proxy for connection failures when HTTPS_PROXY is in use, but not for TLS", () => {
    const viaProxy = { viaProxy: true, timeoutSeconds: 15 };
    expect(observeFetchFailure(fetchFailed(socketError("ECONNREFUSED")), viaProxy)).toMatchObject({ cause: "proxy-down" });
    expect(observeFetchFailure(fetchFailed(socketError("ENOTFOUND")), viaProxy)).toMatchObject({ cause: "proxy-down" });
    expect(observeFetchFailure(fetchFailed(socketError("ECONNRESET")), viaProxy)).toMatchObject({ cause: "proxy" });
    expect(observeFetchFailure(fetchFailed(new Error("Proxy response (403) !== 200 when HTTP Tunneling")), viaProxy)).toEqual({ type: "network", cause: "proxy", detail: "HTTP 403" });
    expect(observeFetchFailure(fetchFailed(socketError("SELF_SIGNED_CERT_IN_CHAIN")), viaProxy)).toMatchObject({ cause: "tls" });
  });

  it("names a proxy's 407 as a login it wants", () => {
    const tunnel = Object.assign(new Error("Proxy response (407) !== 200 when HTTP Tunneling"), { code: "UND_ERR_ABORTED" });
    const failure = { type: "network", cause: "proxy-login", detail: "HTTP 407 Proxy Authentication Required" };
    expect(observeFetchFailure(fetchFailed(new Error("Request was cancelled.", { cause: tunnel })), { viaProxy: true, timeoutSeconds: 15 })).toEqual(failure);
  });

  it("falls back to the innermost message, one line, when there is no code", () => {
    expect(observeFetchFailure(fetchFailed(new Error("something odd\nsecond line")), direct)).toEqual({ type: "network", cause: "other", detail: "something odd" });
  });

  it("survives cause cycles", () => {
    const a = socketError("ECONNRESET") as Error & { cause?: unknown };
    a.cause = a;
    expect(errorCodes(fetchFailed(a))).toEqual(["ECONNRESET"]);
  });
});
