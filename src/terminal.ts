/**
 * What a person's terminal can take, decided in one place for the logger, the wizard and the
 * probe's spinner: colour only on a terminal without NO_COLOR (https://no-color.org); animation
 * (ora) only on a terminal outside CI and not TERM=dumb — ora's own is-interactive test, checked
 * before ora is imported so that nothing loads it where it would only print plain lines.
 */
export interface TerminalStream {
  isTTY?: boolean;
}

export function canColour(stream: TerminalStream, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !("NO_COLOR" in env);
}

export function canAnimate(stream: TerminalStream, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !("CI" in env) && env["TERM"] !== "dumb";
}
