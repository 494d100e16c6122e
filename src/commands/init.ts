import type { ExitCodeValue } from "../errors.js";
import { runBuild } from "../build-command/run-build.js";
import { initFlagsFrom } from "../init/init-options.js";
import type { Prompter } from "../prompt/prompter.js";
import { runInit } from "../init/run-init.js";
import type { CommandIo } from "../io.js";
import { terminalPrompter } from "../prompt/terminal-prompter.js";
import { createOutput } from "../output.js";
import { exitCodeFor } from "../problem.js";

// cli.ts declares init's flags from here when init runs (one lazily loaded module per command).
export { initOptionDeclarations } from "../init/init-options.js";

/**
 * `jcprofile init`: commander's options (declared in init/init-options.ts) → runInit, which builds
 * through build's use case once the config is written. Exit 1 when the config was written although
 * the admin continued past a failed live check. `conflicts`: flags that contradict each other
 * (program.ts), named with the other bad flags.
 */
export async function initCommand(parsed: Readonly<Record<string, unknown>>, io: CommandIo, conflicts: readonly string[] = []): Promise<ExitCodeValue> {
  const flags = initFlagsFrom(parsed, conflicts);
  // Prompts need a keyboard (stdin) and somewhere to draw (stderr; stdout carries the written paths).
  const isTTY = Boolean(io.stdin.isTTY) && Boolean(io.stderr.isTTY);
  // Ctrl-C while a live check runs arrives as SIGINT (no prompt has the keyboard in raw mode then).
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.on("SIGINT", onSigint);
  try {
    let prompter: Prompter | undefined;
    if (isTTY) {
      prompter = await terminalPrompter(io, { signal: controller.signal });
    }
    const result = await runInit({
      cwd: io.cwd,
      flags,
      isTTY,
      ...(prompter !== undefined && { prompter }),
      checks: async ({ timeoutSeconds }) =>
        (await import("../init/probe-checks.js")).createProbeChecks({ env: io.env, timeoutSeconds }),
      build: runBuild,
      ui: createOutput(io),
      signal: controller.signal,
      now: io.now,
      ...(isTTY && (io.stderr.columns ?? 0) > 0 && { width: io.stderr.columns! }),
    });
    // runInit offers the sign-in only when no failed check was continued past.
    if (!result.trySignIn) return exitCodeFor([], { failed: result.failedChecks.length > 0 });
    const { signinCommand } = await import("./signin.js");
    return signinCommand({ env: result.environment, ...(typeof parsed["config"] === "string" && { config: parsed["config"] }) }, io);
  } finally {
    process.off("SIGINT", onSigint);
  }
}
