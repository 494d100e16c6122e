import { UserError } from "../errors.js";

/**
 * `--timeout` as probe, init and upload read it: seconds per request, a number in (0, 600].
 * Each command has its own default (a Jamf Pro write can take longer than an Entra answer).
 */
export const PROBE_TIMEOUT_SECONDS = 15;
export const UPLOAD_TIMEOUT_SECONDS = 30;

/** The seconds given, or the default when the flag was not given; a UserError naming the flag otherwise. */
export function readTimeoutFlag(text: string | undefined, defaultSeconds: number): number {
  if (text === undefined) return defaultSeconds;
  // Plain decimals only: Number() would also take "0x10", "1e2" or "0b11", which no admin means as seconds.
  const seconds = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    throw new UserError(`--timeout ${JSON.stringify(text)} is not a number of seconds between 0 and 600 (default ${defaultSeconds})`);
  }
  return seconds;
}
