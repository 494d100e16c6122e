import { ExitCode, type ExitCodeValue } from "../errors.js";
import type { CommandIo } from "../io.js";
import { createOutput } from "../output.js";
import { runBuild } from "../build/run-build.js";

export interface BuildFlags {
  config?: string;
  env?: string[];
  out?: string;
  check?: boolean;
}

export function buildCommand(flags: BuildFlags, io: CommandIo): ExitCodeValue {
  const output = createOutput(io);
  const result = runBuild({
    cwd: io.cwd,
    ...(flags.config !== undefined && { config: flags.config }),
    ...(flags.env !== undefined && { envs: flags.env }),
    ...(flags.out !== undefined && { out: flags.out }),
    check: flags.check ?? false,
  });
  for (const warning of result.warnings) output.warn(warning);
  if (flags.check) {
    if (result.differences.length === 0) {
      output.info(`up to date: ${result.files.length} profiles match the config`);
      return ExitCode.ok;
    }
    for (const difference of result.differences) output.data(difference);
    output.info(`${result.differences.length} of the built profiles differ — run "jcprofile build" and commit the result`);
    return ExitCode.failed;
  }
  for (const file of result.files) output.data(file);
  return ExitCode.ok;
}
