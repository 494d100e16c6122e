/**
 * What one emulator instance remembers between token requests: how many it has seen (throttling)
 * and the smart-lockout counters. Kept per instance so parallel tests never share it.
 */
import { createHash } from "node:crypto";

/** Microsoft: "Smart lockout tracks the last three bad password hashes". */
const REMEMBERED_BAD_PASSWORDS = 3;

interface Failures {
  count: number;
  recentHashes: string[];
}

export class SignInState {
  tokenRequests = 0;
  private readonly failures = new Map<string, Failures>();

  /** Key users by tenant and lower-cased UPN, as Entra matches UPNs case-insensitively. */
  static userKey(tenantId: string, upn: string): string {
    return `${tenantId.toLowerCase()}/${upn.toLowerCase()}`;
  }

  isLockedOut(userKey: string, threshold: number | undefined): boolean {
    return threshold !== undefined && (this.failures.get(userKey)?.count ?? 0) >= threshold;
  }

  recordWrongPassword(userKey: string, password: string): void {
    const hash = createHash("sha256").update(password).digest("hex");
    const failures = this.failures.get(userKey) ?? { count: 0, recentHashes: [] };
    // The same wrong password again does not count; it is what a user retyping a typo looks like.
    if (!failures.recentHashes.includes(hash)) {
      failures.count += 1;
      failures.recentHashes = [hash, ...failures.recentHashes].slice(0, REMEMBERED_BAD_PASSWORDS);
    }
    this.failures.set(userKey, failures);
  }

  /** A right password clears the counter (UNVERIFIED for Entra; it is how AD behaves). */
  recordRightPassword(userKey: string): void {
    this.failures.delete(userKey);
  }

  reset(): void {
    this.tokenRequests = 0;
    this.failures.clear();
  }
}
