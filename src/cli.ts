#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { ExitCode, isUserError, type ExitCodeValue } from "./errors.js";
import { log } from "./log.js";
import type { BuildFlags } from "./commands/build.js";
import type { InitCommandFlags } from "./commands/init.js";
import type { ProbeFlags } from "./commands/probe.js";
import type { UploadFlags } from "./commands/upload.js";
import { processIo } from "./io.js";
import { packageRoot } from "./package-root.js";

/**
 * The entry point: builds the command tree, runs one command, and is the only place that turns
 * results and errors into an exit code. Commands are imported when they run, so `build` never
 * loads msal, inquirer or ora.
 */

/** A repeatable option; without a default it stays undefined until given once. */
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

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
    .action(async (flags: BuildFlags) => {
      const { buildCommand } = await import("./commands/build.js");
      setExit(buildCommand(flags));
    });

  program
    .command("probe")
    .description("check tenant, app, scopes and optionally a test user's password live against Entra ID, as Jamf Connect does (ROPG)")
    .option("-c, --config <file>", 'config file (default "jcprofile.json" when --env is given)')
    .option("-e, --env <name>", "environment to probe (needed when the config has more than one)")
    .addOption(new Option("-t, --target <which>", "which ROPG settings of the environment (default all)").choices(["login", "menubar", "all"]))
    .option("--tenant <tenant>", "without a config: Directory (tenant) ID or verified domain")
    .option("--client-id <guid>", "without a config: the ROPG Application (client) ID")
    .option("--scopes <scopes>", 'without a config: ROPG scopes, "+" or space separated (default "openid profile email")')
    .option("--authority-host <url>", "without a config: authority host (default https://login.microsoftonline.com)")
    .option("-u, --username <upn>", "also check this test user's password: one attempt per target, never retried")
    .option("--password-stdin", "read the password from standard input (one trailing newline is removed)")
    .addOption(new Option("--password [value]").hideHelp())
    .option("--json", "print one JSON array, one object per check, on stdout")
    .option("--timeout <seconds>", "seconds to wait for each answer", "15")
    .addHelpText(
      "after",
      "\nChecks, in Entra's order: tenant (OpenID configuration; a domain resolves to its GUID), app (a ROPG request for a\n" +
        "user name that cannot exist, so no password is at stake), password (with --username). From a config the\n" +
        "targets are read from the built profiles: login = OIDCTenant, OIDCROPGID, ROPGScopes (else OIDCScopes, else\n" +
        "openid profile email), ROPGSuccessCodes; menubar = IdPSettings TenantID, ROPGID, ROPGScopes (that key name is\n" +
        "UNVERIFIED), SuccessCodes. msal-node adds openid profile offline_access to every request.\n" +
        `\nPassword: prompted (masked) at a terminal, or --password-stdin, or JCPROFILE_PASSWORD — never a flag.\n` +
        "Proxy: HTTPS_PROXY / NO_PROXY. TLS inspection: NODE_EXTRA_CA_CERTS=<root CA .pem>.\n" +
        "\nExit codes: 0 every check passed or was accepted, 1 a check failed (including a right password that Jamf\n" +
        "Connect would still refuse: Conditional Access block, device state, expired), 2 bad input or usage,\n" +
        "3 inconclusive (network, timeout, unexpected answer, rate limiting).\n" +
        "Examples:\n" +
        "  jcprofile probe --config jcprofile.json --env prod\n" +
        "  jcprofile probe --tenant contoso.onmicrosoft.com --client-id <guid> --username adele@contoso.com\n" +
        "  op read op://it/jc-test/password | jcprofile probe --env prod --username adele@contoso.com --password-stdin --json",
    )
    .action(async (flags: ProbeFlags) => {
      const { probeCommand } = await import("./commands/probe.js");
      setExit(await probeCommand(flags));
    });

  program
    .command("init")
    .description("ask for a tenant's Jamf Connect settings, check them live against Entra ID, write jcprofile.json and build the profiles")
    .option("-c, --config <file>", 'config file to create or add to (default "jcprofile.json")')
    .option("-e, --env <name>", 'environment to add or replace (default "prod")')
    .option("--tenant <tenant>", "Directory (tenant) ID or verified domain")
    .option("--keep-domain", "store a tenant domain as typed, not the tenant ID it resolves to")
    .option("--client-id <guid>", "login app's Application (client) ID (OIDCClientID)")
    .option("--ropg-client-id <guid>", "password-check app's client ID (OIDCROPGID; default: --client-id)")
    .option("--redirect-uri <uri>", "OIDCRedirectURI (default https://127.0.0.1/jamfconnect)")
    .option("--ca-mode <mode>", "per-user-mfa (or none), all-cloud-apps, custom-scope (default per-user-mfa)")
    .option("--api-app-id <guid>", 'custom-scope: the "Conditional Access Policy API" app\'s client ID')
    .option("--scope-name <name>", "custom-scope: the API app's scope (default jamfconnect)")
    .option("--admin-role <role>", "app role whose holders become local admins (repeat for more)", collect)
    .option("--new-password", "users create a separate local password (OIDCNewPassword true)")
    .option("--no-new-password", "the Entra password becomes the local password (default)")
    .option("--passthrough", "pass the Entra password on to the local account (default)")
    .option("--no-passthrough", "do not (OIDCUsePassthroughAuth false)")
    .option("--create-jamf-connect-password", "create the Jamf Connect keychain item (default)")
    .option("--no-create-jamf-connect-password", "do not (CreateJamfConnectPassword false)")
    .option("--deny-local", "require Entra sign-in at the login window (DenyLocal, default)")
    .option("--no-deny-local", "allow local login (DenyLocal false; no migration)")
    .option("--migrate", "offer to connect existing local accounts (Migrate, default)")
    .option("--no-migrate", "do not offer migration")
    .option("--license <file>", "the .jamfconnectlicense file (default: the one beside the config, if exactly one)")
    .option("--no-license", "write no license into the profiles")
    .option("--organization <name>", "PayloadOrganization (asked when the config is new)")
    .option("--identifier <id>", "reverse-DNS base of the profile identifiers (asked when the config is new)")
    .option("--payload-style <style>", "mcx (default) or domain")
    .option("--authority-host <url>", "Entra authority host to check against, stored in the environment")
    .option("--test-user <upn>", "check this test user's password (prompted, masked; one attempt)")
    .option("--no-probe", "skip the live checks against Entra (offline)")
    .option("-y, --yes", "take the defaults instead of asking for them; replace an existing environment without asking")
    .addHelpText(
      "after",
      "\nAt a terminal every answer not given by a flag is asked. Without one (CI, pipes), defaults are taken and a missing\n" +
        "answer without a default is an error that lists the flags to pass. The password is never a flag and never saved.\n" +
        "\nExit codes: 0 written and built, 1 a live check failed (or you quit), 2 bad input or usage, 130 interrupted.\n" +
        "Example: jcprofile init --env prod --tenant contoso.onmicrosoft.com --client-id <guid> --organization \"Contoso Ltd\" --yes",
    )
    .action(async (flags: InitCommandFlags) => {
      const { initCommand } = await import("./commands/init.js");
      setExit(await initCommand(flags));
    });

  program
    .command("upload")
    .description("create or update each environment's profiles in its Jamf Pro server, keeping their identifiers (no ghost profiles)")
    .option("-c, --config <file>", "config file", "jcprofile.json")
    .option("-e, --env <name>", "upload only this environment (repeat for more; default: every one with jamfPro)", collect, [])
    .option("--dry-run", "read only: print would create / would update (with the changed keys) / unchanged")
    .option("--json", "print one JSON array, one object per profile, on stdout")
    .option("--timeout <seconds>", "seconds to wait for each answer", "30")
    .addHelpText(
      "after",
      "\nCredentials come from the environment, never from a flag or the config: the variables named by\n" +
        "jamfPro.clientIdEnv / clientSecretEnv (default JAMF_CLIENT_ID / JAMF_CLIENT_SECRET) of an API client whose\n" +
        "role has Create, Read and Update macOS Configuration Profiles; or JAMF_USERNAME / JAMF_PASSWORD.\n" +
        "A new profile is created unscoped; an update sends only the profile (general), so scope, exclusions and\n" +
        "Self Service settings in Jamf Pro stay as they are. Proxy: HTTPS_PROXY. TLS inspection: NODE_EXTRA_CA_CERTS.\n" +
        "\nExit codes: 0 every profile created, updated or unchanged, 1 Jamf Pro refused something (credentials,\n" +
        "privileges, a conflict), 2 bad input or usage, 3 network or no usable answer.\n" +
        "Example (the credentials in the CI job's secret variables, not typed in a shell): jcprofile upload --env prod --dry-run",
    )
    .action(async (flags: UploadFlags) => {
      const { uploadCommand } = await import("./commands/upload.js");
      setExit(await uploadCommand(flags, processIo()));
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
      for (const warning of error.warnings) log.warn(warning);
      return error.exitCode;
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    log.error("this is a bug in jcprofile — please report it with the command you ran and the lines above");
    return 70;
  }
}

main(process.argv).then((code) => process.exit(code));
