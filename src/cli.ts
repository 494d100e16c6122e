import { ExitCode, isUserError } from "./errors.js";
import type { CommandIo } from "./io.js";
import { createOutput, type Output } from "./output.js";
import type { BuildFlags } from "./commands/build.js";

/**
 * The program's one way in: runs one command for the given arguments, folder, environment and
 * streams, and returns the exit code. Nothing happens on import and nothing here touches `process`
 * (src/bin.ts does, once), so tests run any command in-process.
 *
 * commander (src/program.ts) parses every command line but one: `jcprofile build` with only its
 * own options, each written plainly (`--config FILE`, `-e NAME`, `--check`, …), the command an
 * admin and CI run after every edit. Building commander's tree of ten commands cost that start-up
 * ~5 % of a bare Node start (its code, the tree, package.json read for --version), so such a
 * line goes straight to build with the flags commander would have given it. Anything else (help,
 * `--config=FILE`, a value that starts with "-", a typo) goes to commander, which says what it
 * always said.
 */
export async function run(args: readonly string[], io: CommandIo): Promise<number> {
  const output = createOutput(io);
  try {
    const build = plainBuildFlags(args);
    if (build !== undefined) return await (await import("./commands/build.js")).buildCommand(build, io);
    return await (await import("./program.js")).runProgram(args, io, output);
  } catch (error) {
    return exitCodeOf(error, output);
  }
}

/** build's options that take a value, by how they may be written, and the flag each fills. */
const BUILD_VALUES: Readonly<Record<string, "config" | "env" | "out">> = {
  "-c": "config",
  "--config": "config",
  "-e": "env",
  "--env": "env",
  "-o": "out",
  "--out": "out",
};

/**
 * `build`'s flags, as commander gives them (config defaults to jcprofile.json, a repeated --env
 * collects, the last --config or --out wins), when `args` are `build` and options written plainly;
 * otherwise undefined.
 */
export function plainBuildFlags(args: readonly string[]): BuildFlags | undefined {
  if (args[0] !== "build") return undefined;
  const flags: BuildFlags = { config: "jcprofile.json" };
  for (let index = 1; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === "--check") flags.check = true;
    else if (arg === "--prune") flags.prune = true;
    else {
      const flag = Object.hasOwn(BUILD_VALUES, arg) ? BUILD_VALUES[arg] : undefined;
      const value = args[index + 1];
      if (flag === undefined || value === undefined || value.startsWith("-")) return undefined;
      index++;
      if (flag === "env") flags.env = [...(flags.env ?? []), value];
      else flags[flag] = value;
    }
  }
  return flags;
}

function exitCodeOf(error: unknown, output: Output): number {
  if (isUserError(error)) {
    output.error(error.message);
    for (const line of error.details) output.detail(line);
    for (const warning of error.warnings) output.warn(warning);
    return error.exitCode;
  }
  output.info(error instanceof Error ? (error.stack ?? error.message) : String(error));
  output.error("this is a bug in jcprofile — please report it with the command you ran and the lines above");
  return ExitCode.bug;
}
