import { ExitCode, type ExitCodeValue } from "../errors.js";
import { log, out } from "../log.js";
import { runBuild } from "../build/run-build.js";

export interface BuildFlags {
  config?: string;
  env?: string[];
  out?: string;
  check?: boolean;
}

export function buildCommand(flags: BuildFlags): ExitCodeValue {
  const result = runBuild({
    cwd: process.cwd(),
    ...(flags.config !== undefined && { config: flags.config }),
    ...(flags.env !== undefined && { envs: flags.env }),
    ...(flags.out !== undefined && { out: flags.out }),
    check: flags.check ?? false,
  });
  for (const warning of result.warnings) log.warn(warning);
  if (flags.check) {
    if (result.differences.length === 0) {
      log.info(`up to date: ${result.files.length} profiles match the config`);
      return ExitCode.ok;
    }
    for (const difference of result.differences) out(difference);
    log.info(`${result.differences.length} of the built profiles differ — run "jcprofile build" and commit the result`);
    return ExitCode.failed;
  }
  for (const file of result.files) out(file);
  return ExitCode.ok;
}
