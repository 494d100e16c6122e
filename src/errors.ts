/**
 * Two kinds of failure: a UserError is the admin's to fix (bad flag, bad config, unreachable
 * tenant) and is printed as one message with no stack; anything else is a bug in jcprofile.
 * Only src/cli.ts turns either into an exit code (and only src/bin.ts exits with it).
 */

export const ExitCode = {
  ok: 0,
  /** `build --check` found differences; `probe` found a failing check. */
  failed: 1,
  /** Bad input or usage: flags, config file, templates. */
  usage: 2,
  /** `probe` could not decide: network, timeout, unexpected answer. */
  inconclusive: 3,
  /** Interrupted at a prompt (Ctrl-C / Ctrl-D), as shells report SIGINT. */
  interrupted: 130,
  /** Ended by SIGTERM or SIGHUP, as shells report them (128 + the signal's number). */
  terminated: 143,
  hungUp: 129,
  /** A bug in jcprofile (an unexpected exception): sysexits' EX_SOFTWARE. */
  bug: 70,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * Marks a UserError. The built CLI bundles each command into its own file (scripts/bundle.mjs), so
 * a command's UserError is a different class from the one cli.ts sees: recognise it by this mark.
 */
const USER_ERROR = Symbol.for("jcprofile.UserError");

export class UserError extends Error {
  override readonly name = "UserError";
  readonly [USER_ERROR] = true;
  readonly exitCode: ExitCodeValue;
  /** Further lines shown under the message, e.g. one line per config problem. */
  readonly details: readonly string[];
  /** Warnings found on the way to the error, shown after it (they may explain it). */
  readonly warnings: readonly string[];

  constructor(message: string, options: { exitCode?: ExitCodeValue; details?: readonly string[]; warnings?: readonly string[] } = {}) {
    super(message);
    this.exitCode = options.exitCode ?? ExitCode.usage;
    this.details = options.details ?? [];
    this.warnings = options.warnings ?? [];
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof Error && (error as { [USER_ERROR]?: unknown })[USER_ERROR] === true;
}
