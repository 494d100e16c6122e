#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError } from "commander";
import { ExitCode, isUserError, type ExitCodeValue } from "./errors.js";
import { log } from "./log.js";
import { packageRoot } from "./package-root.js";

/**
 * The entry point: builds the command tree, runs one command, and is the only place that turns
 * results and errors into an exit code. Commands are imported when they run, so `build` never
 * loads msal, inquirer or ora.
 */

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

function createProgram(setExit: (code: ExitCodeValue) => void): Command {
  const program = new Command("jcprofile")
    .description("Jamf Connect configuration profiles for Microsoft Entra ID: build them, check them live")
    .version(packageVersion(), "-v, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      outputError: (text, write) => write(text.replace(/^error: /, `${log.paint("red", "error:")} `)),
    });

  program
    .command("build")
    .description("build the login window and menu bar .mobileconfig profiles of every environment")
    .option("-c, --config <file>", "config file", "jcprofile.json")
    .option("-e, --env <name>", "build only this environment (repeat for more; default: all)", collect, [])
    .option("-o, --out <dir>", 'output folder (default: "out" beside the config file)')
    .option("--check", "write nothing; exit 1 when the output folder differs from what would be built")
    .addHelpText(
      "after",
      "\nExit codes: 0 built (or up to date), 1 --check found differences, 2 bad input or usage.\n" +
        "Example: jcprofile build --config examples/contoso.jcprofile.json --env prod",
    )
    .action(async (flags: { config: string; env: string[]; out?: string; check?: boolean }) => {
      const { buildCommand } = await import("./commands/build.js");
      setExit(buildCommand(flags));
    });

  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: ExitCodeValue = ExitCode.ok;
  const program = createProgram((code) => {
    exitCode = code;
  });
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return ExitCode.usage;
    }
    await program.parseAsync(argv as string[]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; everything else commander rejects is a usage error.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (isUserError(error)) {
      log.error(error.message);
      for (const line of error.details) log.detail(line);
      const warnings = (error as { warnings?: string[] }).warnings ?? [];
      for (const warning of warnings) log.warn(warning);
      return error.exitCode;
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    log.error("this is a bug in jcprofile — please report it with the command you ran and the lines above");
    return 70;
  }
}

main(process.argv).then((code) => process.exit(code));
