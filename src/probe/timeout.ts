/** `--timeout` as probe and init read it: seconds per request, a number in (0, 600]. Pure. */
export const DEFAULT_TIMEOUT_SECONDS = 15;

/** The seconds, or the message saying what is wrong with the text. */
export function parseTimeoutSeconds(text: string): number | string {
  const seconds = Number(text);
  if (text.trim() === "" || !Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    return `--timeout ${JSON.stringify(text)} is not a number of seconds between 0 and 600 (default ${DEFAULT_TIMEOUT_SECONDS})`;
  }
  return seconds;
}
