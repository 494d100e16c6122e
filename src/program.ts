import { Command, CommanderError, Option } from "commander";
import { ExitCode, UserError, type ExitCodeValue } from "./errors.js";
import type { CommandIo } from "./io.js";
import type { Output } from "./output.js";
import type { BuildFlags } from "./commands/build.js";
import { BUILD_OPTIONS } from "./build-command/build-options.js";
import type { LintFlags } from "./commands/lint.js";
import type { ImportFlags } from "./commands/import.js";
import type { ProbeFlags } from "./commands/probe.js";
import type { SignFlags } from "./commands/sign.js";
import type { SigninFlags } from "./commands/signin.js";
import type { VerifyFlags } from "./commands/verify.js";
import type { UploadFlags } from "./commands/upload.js";
import type { KeysFlags } from "./commands/keys.js";
import { HELP_AFTER } from "./help-texts.js";
import { packageVersion } from "./package-root.js";
import { optionConflicts, watchOptions } from "./option-conflicts.js";

/**
 * The program as commander parses it: the command tree, its help and its usage errors. src/cli.ts
 * hands it every command line except a plain `jcprofile build …`, so the everyday build never
 * loads commander (scripts/bundle.mjs keeps this file apart, dist/program.js). Commands are
 * imported when they run, so `build` never loads msal, inquirer or ora.
 *
 * Adding a command: `.command(...)`, its options, and an action that returns
 * `(await import("./commands/x.js")).xCommand(flags, io)`.
 */

/** A repeatable option; without a default it stays undefined until given once. */
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
const repeatable = (option: Option): boolean => option.parseArg === collect;


/** `--name=value` as commander echoes it in an error, with the value (maybe a secret) left out. */
export function withoutOptionValues(text: string): string {
  return text.replace(/'(--[^'=\s]+)=[^']*'/g, "'$1=…'");
}

function createProgram(io: CommandIo, output: Output, setExit: (code: ExitCodeValue) => void): Command {
  /** Runs a command's adapter and keeps its exit code. */
  const action = async (run: () => Promise<ExitCodeValue> | ExitCodeValue): Promise<void> => setExit(await run());
  const program = new Command("jcprofile")
    .description("Jamf Connect configuration profiles for Microsoft Entra ID: build them, check them live")
    .version(packageVersion(), "-v, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      // commander would read these from process.stdout/stderr; help has no colours of its own.
      getOutHelpWidth: () => (io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80),
      getErrHelpWidth: () => (io.stderr.isTTY && io.stderr.columns ? io.stderr.columns : 80),
      getOutHasColors: () => false,
      getErrHasColors: () => false,
      outputError: (text, write) => write(withoutOptionValues(text).replace(/^error: /, `${output.paint("red", "error:")} `)),
    });

  const build = program.command("build").description("build the login window and menu bar .mobileconfig profiles of every environment");
  for (const spec of BUILD_OPTIONS) {
    if (spec.repeatable === true) build.option(spec.flags, spec.description, collect);
    else if (spec.defaultValue !== undefined) build.option(spec.flags, spec.description, spec.defaultValue);
    else build.option(spec.flags, spec.description);
  }
  build
    .addHelpText("after", HELP_AFTER.build)
    .action((flags: BuildFlags) => action(async () => (await import("./commands/build.js")).buildCommand(flags, io)));

  program
    .command("probe")
    .description("check tenant, app, scopes and optionally a test user's password live against Entra ID, as Jamf Connect does (ROPG)")
    .option("-c, --config <file>", 'config file (default "jcprofile.json" when --env is given)')
    .option("-e, --env <name>", "environment to probe (needed when the config has more than one)")
    .option("--all", "tenant and app checks of every environment in the config (no password), a few at a time")
    .addOption(new Option("-t, --target <which>", "which ROPG settings of the environment (default all)").choices(["login", "menubar", "all"]))
    .option("--tenant <tenant>", "without a config: Directory (tenant) ID or verified domain")
    .option("--client-id <guid>", "without a config: the ROPG Application (client) ID")
    .option("--scopes <scopes>", 'without a config: ROPG scopes, "+" or space separated (default "openid profile email")')
    .option("--authority-host <url>", "without a config: authority host (default https://login.microsoftonline.com)")
    .option("-u, --username <upn>", "also check this test user's password: one attempt per target, never retried")
    .option("--password-stdin", "read the password from standard input (one trailing newline is removed)")
    .addOption(new Option("--password [value]").hideHelp())
    .option("--json", "print one JSON array, one object per check, on stdout")
    .option("--timeout <seconds>", "seconds to wait for each answer (default 15)")
    .addHelpText("after", HELP_AFTER.probe)
    .action((flags: ProbeFlags) => action(async () => (await import("./commands/probe.js")).probeCommand(flags, io)));

  program
    .command("signin")
    .description("try the login window's sign-in (OIDC, authorization code with PKCE) in a browser and show what Jamf Connect would see")
    .option("-c, --config <file>", 'config file (default "jcprofile.json")')
    .option("-e, --env <name>", "environment to sign in to (needed when the config has more than one)")
    .addOption(new Option("-t, --target <which>", "which sign-in (the login window's)").choices(["login"]))
    .option("-u, --username <upn>", "the test user: sent as login_hint so the browser fills it in")
    .option("--no-open", "print the authorize URL without opening a browser")
    .option("--json", "print one JSON object on stdout")
    .option("--timeout <seconds>", "seconds to wait for Entra's answer to the code redemption (default 15)")
    .addHelpText("after", HELP_AFTER.signin)
    .action((flags: SigninFlags) => action(async () => (await import("./commands/signin.js")).signinCommand(flags, io)));

  const init = program
    .command("init")
    .description("ask for a tenant's Jamf Connect settings, check them live against Entra ID, write jcprofile.json and build the profiles");
  // Declared once, with the questions they answer (src/init/questions.ts, init-options.ts), and
  // only when init (or its help) runs: the question table pulls in the validators, which every
  // other command would otherwise load at start-up.
  let initOptionsDeclared = false;
  program.hook("preSubcommand", async (_program, command) => {
    if (command !== init || initOptionsDeclared) return;
    initOptionsDeclared = true;
    for (const option of (await import("./commands/init.js")).initOptionDeclarations()) {
      if (option.repeat === true) init.option(option.flags, option.description, collect);
      else init.option(option.flags, option.description);
    }
    watchOptions(init, repeatable);
  });
  init
    .addHelpText("after", HELP_AFTER.init)
    .action((flags: Record<string, unknown>) => action(async () => (await import("./commands/init.js")).initCommand(flags, io, optionConflicts(init))));

  program
    .command("sign")
    .description("build each environment's profiles in memory, as build does, and write them CMS-signed to <out>/<env>/signed/")
    .option("-c, --config <file>", "config file", "jcprofile.json")
    .option("-e, --env <name>", "sign only this environment (repeat for more; default: all)", collect)
    .option("--identity <file.p12>", "signing identity: a PKCS#12 with the certificate and its private key")
    .option("--cert <file.pem>", "signing certificate (PEM; further certificates in it are embedded as the chain)")
    .option("--key <file.pem>", "its private key (PEM, encrypted or not)")
    .option("--chain <file.pem>", "intermediate certificates to embed (PEM)")
    .option("-o, --out <dir>", 'output folder (default: "out" beside the config file)')
    .option("--password-stdin", "read the PKCS#12 or key password from standard input (one trailing newline is removed)")
    .addOption(new Option("--password [value]").hideHelp())
    .addHelpText("after", HELP_AFTER.sign)
    .action((flags: SignFlags) => action(async () => (await import("./commands/sign.js")).signCommand(flags, io)));

  program
    .command("verify")
    .description("check signed profiles: signer, signature, chain, Jamf Connect content, and with --config/--env drift from the config")
    .argument("<file...>", "signed .mobileconfig files")
    .option("-c, --config <file>", "also compare each file's content with what this config builds now")
    .option("-e, --env <name>", "compare with this environment only (repeat for more; default config: jcprofile.json)", collect)
    .option("--ca <file.pem>", "trusted root certificates (PEM; default: Node's bundled public roots)")
    .option("--json", "print one JSON array, one object per file, on stdout")
    .addHelpText("after", HELP_AFTER.verify)
    .action((files: string[], flags: Omit<VerifyFlags, "files">) =>
      action(async () => (await import("./commands/verify.js")).verifyCommand({ ...flags, files }, io)),
    );

  program
    .command("lint")
    .description("check existing Jamf Connect profiles or preference files: keys, types, rules, identifiers, IDs, scopes, secrets, license")
    .argument("<file...>", ".mobileconfig (XML, binary or signed) or a preferences .plist")
    .option("--json", "print one JSON array of findings on stdout: file, domain, payload, path, severity, code, message, fix")
    .option("--strict", "warnings count as errors for the exit code")
    .option("--domain <domain>", "domain of a bare preferences file (com.jamf.connect.login or com.jamf.connect); for a profile, lint only that domain")
    .addHelpText("after", HELP_AFTER.lint)
    .action((files: string[], flags: Omit<LintFlags, "files">) =>
      action(async () => (await import("./commands/lint.js")).lintCommand({ ...flags, files }, io)),
    );

  program
    .command("import")
    .description("turn existing Jamf Connect profiles (login window and/or menu bar) into an environment of jcprofile.json")
    .argument("<file...>", "one or two .mobileconfig (XML, binary or signed) or preferences .plist files")
    .requiredOption("-e, --env <name>", "the environment to write (added; or, when it exists, the imported domains replaced after a diff and the others kept)")
    .option("-c, --config <file>", "config file, created when missing", "jcprofile.json")
    .option("--organization <name>", "organization of a new config (default: the profile's PayloadOrganization)")
    .option("--identifier <id>", "identifier base of a new config (default: the profile's PayloadIdentifier when reverse-DNS, else derived)")
    .option("--domain <domain>", "domain of a bare preferences file (com.jamf.connect.login or com.jamf.connect)")
    .option("--tenant <id>", "Entra tenant for a source that names none (default: the environment's own)")
    .option("-y, --yes", "replace what an existing environment holds without asking")
    .addHelpText("after", HELP_AFTER.import)
    .action((files: string[], flags: Omit<ImportFlags, "files">) =>
      action(async () => (await import("./commands/import.js")).importCommand({ ...flags, files }, io)),
    );

  program
    .command("upload")
    .description("create or update each environment's profiles in its Jamf Pro server, keeping their identifiers (no ghost profiles)")
    .option("-c, --config <file>", "config file", "jcprofile.json")
    .option("-e, --env <name>", "upload only this environment (repeat for more; default: every one with jamfPro)", collect)
    .option("--dry-run", "read only: print would create / would update (with the changed keys) / unchanged")
    .option("--json", "print one JSON array, one object per profile, on stdout")
    .option("--timeout <seconds>", "seconds to wait for each answer, and for all waits a busy server asks for together (default 30)")
    .option("--take-over <name-or-id>", "overwrite this Jamf Pro profile although it is not this environment's (other payloads, another tenant); repeat for more", collect)
    .option("--allow-removal <name-or-id>", "let the update remove a preference domain this Jamf Pro profile holds; repeat for more", collect)
    .addHelpText("after", HELP_AFTER.upload)
    .action((flags: UploadFlags) => action(async () => (await import("./commands/upload.js")).uploadCommand(flags, io)));

  program
    .command("keys")
    .description("list the Jamf Connect keys jcprofile knows: type, default, values, meaning, UNVERIFIED notes and public sources")
    .argument("[domain]", "login, menubar, com.jamf.connect.login or com.jamf.connect (default: both)")
    .option("--json", "print one JSON array, one object per key, on stdout")
    .addHelpText("after", HELP_AFTER.keys)
    .action((domain: string | undefined, flags: Omit<KeysFlags, "domain">) =>
      action(async () => (await import("./commands/keys.js")).keysCommand({ ...flags, ...(domain !== undefined && { domain }) }, io)),
    );

  // A flag given twice with different values, or with its --no- form, is refused before the
  // command runs; init names these with its other bad flags instead.
  for (const command of program.commands) if (command !== init) watchOptions(command, repeatable);
  program.hook("preAction", (_program, command) => {
    if (command === init) return;
    const conflicts = optionConflicts(command);
    if (conflicts.length === 1) throw new UserError(conflicts[0]!);
    if (conflicts.length > 1) throw new UserError(`${conflicts.length} flags are wrong — fix them all, then run the command again:`, { details: conflicts });
  });

  return program;
}

/**
 * Parses `args` and runs the command they name, returning its exit code; help and version are
 * successes, everything else commander rejects is a usage error (it has printed why). A command's
 * own error is thrown on, for src/cli.ts to report.
 */
export async function runProgram(args: readonly string[], io: CommandIo, output: Output): Promise<ExitCodeValue> {
  let exitCode: ExitCodeValue = ExitCode.ok;
  const program = createProgram(io, output, (code) => {
    exitCode = code;
  });
  if (args.length === 0) {
    program.outputHelp();
    return ExitCode.usage;
  }
  try {
    await program.parseAsync([...args], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    throw error;
  }
  return exitCode;
}
