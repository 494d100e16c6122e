/**
 * What a failed request looked like from this side of the wire, shared by every client of the
 * network layer (Entra probe, Jamf Pro): named causes an admin can act on, never a stack.
 */
export type NetworkCause = "dns" | "refused" | "tls" | "reset" | "proxy" | "other";

export type NetworkFailure =
  | { type: "network"; cause: NetworkCause; detail: string }
  | { type: "timeout"; seconds: number };
