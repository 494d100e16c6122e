import { ExitCode, UserError } from "../errors.js";

/**
 * Ctrl-C (SIGINT), `kill` (SIGTERM) and a closed terminal (SIGHUP) while files are being replaced
 * must not leave temp files or a mix of old and new profiles. While a guard is held, such a signal
 * is only noted; the writer sees it at its next step, puts everything back, and releases the
 * guard, which then sends the same signal again with the default action restored, so the process
 * ends as the shell expects (exit 130, 143 or 129). No process.exit here: the signal does it.
 */
const GUARDED = ["SIGINT", "SIGTERM", "SIGHUP"] as const satisfies readonly NodeJS.Signals[];

export interface SignalGuardOptions {
  /** Sends the signal again once the guard is gone (tests record it instead). */
  raise?: (signal: NodeJS.Signals) => void;
  /** Told of the first signal at once, for a holder that can stop early (upload aborts its request). */
  onSignal?: (signal: NodeJS.Signals) => void;
}

export interface SignalGuard {
  /** The first guarded signal received since the guard was taken. */
  readonly caught: NodeJS.Signals | undefined;
  /** Removes the handlers; a caught signal is then raised again. */
  release(): void;
}

export function guardSignals(options: SignalGuardOptions = {}): SignalGuard {
  const raise = options.raise ?? ((signal: NodeJS.Signals) => void process.kill(process.pid, signal));
  let caught: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (caught !== undefined) return;
    caught = signal;
    options.onSignal?.(signal);
  };
  for (const signal of GUARDED) process.on(signal, onSignal);
  let released = false;
  return {
    get caught() {
      return caught;
    },
    release() {
      if (released) return;
      released = true;
      for (const signal of GUARDED) process.off(signal, onSignal);
      // Another listener (init's Ctrl-C handling) has been told already and decides; otherwise the
      // default action ends the process now.
      if (caught !== undefined && process.listenerCount(caught) === 0) raise(caught);
    },
  };
}

/** Thrown by a writer that stopped for a signal, after it put everything back. */
export function interruptedWrite(signal: NodeJS.Signals): UserError {
  return new UserError(`interrupted (${signal}): nothing was changed`, { exitCode: ExitCode.interrupted });
}

/** Lets the event loop turn, so a signal that arrived meanwhile reaches the guard. */
export function letSignalsIn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
