/**
 * What a failed request looked like from this side of the wire, shared by every client of the
 * network layer (Entra probe, Jamf Pro): named causes an admin can act on, never a stack.
 */
/**
 * `oversized`: the answer went past MAX_ANSWER_BYTES and was cut off (no real Entra or Jamf Pro answer is that big).
 * `proxy-down`: the proxy from HTTPS_PROXY itself refused the connection or does not resolve.
 * `proxy-login`: the proxy from HTTPS_PROXY answered 407 Proxy Authentication Required.
 */
export type NetworkCause = "dns" | "refused" | "tls" | "reset" | "proxy" | "proxy-down" | "proxy-login" | "oversized" | "other";

export type NetworkFailure =
  | { type: "network"; cause: NetworkCause; detail: string }
  | { type: "timeout"; seconds: number };
