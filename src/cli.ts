import { ExitCode, isUserError } from "./errors.js";
import type { CommandIo } from "./io.js";
import { createOutput, type Output } from "./output.js";
import type { BuildFlags } from "./commands/build.js";
import { BUILD_OPTIONS, optionForms } from "./build-command/build-options.js";

/**
 * The program's one way in: runs one command for the given arguments, folder, environment and
 * streams, and returns the exit code. Nothing happens on import and nothing here touches `process`
 * (src/bin.ts does, once), so tests run any command in-process.
 *
 * commander (src/program.ts) parses every command line but one: `jcprofile build` with only its
 * own options, each written plainly (`--config FILE`, `-e NAME`, `--check`, …), the command an
 * admin and CI run after every edit. Building commander's tree of ten commands cost that start-up
 * ~5 % of a bare Node start (its code, the tree, package.json read for --version), so such a
 * line goes straight to build with the flags commander would have given it — both read build's
 * options from src/build-command/build-options.ts, declared once. Anything else (help,
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

/** Each way build's options may be written plainly (`-c`, `--config`), and what it fills. */
const BUILD_SPELLINGS = new Map(BUILD_OPTIONS.flatMap((spec) => {
  const form = optionForms(spec);
  return form.spellings.map((spelling) => [spelling, { ...form, spec }] as const);
}));

/**
 * `build`'s flags, as commander gives them (defaults filled, a repeatable option collects), when
 * `args` are `build` and options written plainly, each single-value option given once (or twice
 * with the same value); otherwise undefined.
 */
export function plainBuildFlags(args: readonly string[]): BuildFlags | undefined {
  if (args[0] !== "build") return undefined;
  const flags: Record<string, unknown> = {};
  const given = new Set<string>();
  for (const spec of BUILD_OPTIONS) if (spec.defaultValue !== undefined) flags[optionForms(spec).name] = spec.defaultValue;
  for (let index = 1; index < args.length; index++) {
    const option = BUILD_SPELLINGS.get(args[index]!);
    if (option === undefined) return undefined;
    if (!option.takesValue) {
      flags[option.name] = true;
      continue;
    }
    const value = args[index + 1];
    if (value === undefined || value.startsWith("-")) return undefined;
    index++;
    // Given twice with different values: commander refuses it (program.ts), with its message.
    if (option.spec.repeatable !== true && given.has(option.name) && flags[option.name] !== value) return undefined;
    given.add(option.name);
    flags[option.name] = option.spec.repeatable === true ? [...((flags[option.name] as string[] | undefined) ?? []), value] : value;
  }
  return flags as BuildFlags;
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
