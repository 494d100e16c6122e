/**
 * What a person's terminal can take, decided in one place for every command's output: colour only
 * on a terminal without NO_COLOR (https://no-color.org); animation (ora) only on a terminal outside
 * CI and not TERM=dumb — ora's own is-interactive test, checked before ora is imported so that
 * nothing loads it where it would only print plain lines.
 */
export interface TerminalStream {
  isTTY?: boolean;
  columns?: number;
}

/**
 * Narrower than this, a spinner line wraps and ora clears one line per wrapped column on every
 * frame; at 0 columns (a pty without a window size) it would count infinitely many lines and spin
 * the event loop forever, so even SIGTERM could not be handled. Such a terminal gets plain lines.
 */
export const MIN_SPINNER_COLUMNS = 20;

export function canColour(stream: TerminalStream, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !("NO_COLOR" in env);
}

export function canAnimate(stream: TerminalStream, env: NodeJS.ProcessEnv): boolean {
  const wideEnough = stream.columns === undefined || stream.columns >= MIN_SPINNER_COLUMNS;
  return Boolean(stream.isTTY) && wideEnough && !("CI" in env) && env["TERM"] !== "dumb";
}
