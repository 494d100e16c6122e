/** `jcprofile verify`: files → runVerify → one report per file, or --json. */
import type { ExitCodeValue } from "../errors.js";
import type { CommandIo } from "../io.js";
import { createOutput, type Output } from "../output.js";
import { exitCodeFor, problemText } from "../problem.js";
import { runVerify, type FileVerdict } from "../verify/run-verify.js";

export interface VerifyFlags {
  files: string[];
  config?: string;
  env?: string[];
  ca?: string;
  json?: boolean;
}

export async function verifyCommand(flags: VerifyFlags, io: CommandIo): Promise<ExitCodeValue> {
  const output = createOutput(io);
  const verdicts = await runVerify({
    cwd: io.cwd,
    files: flags.files,
    ...(flags.config !== undefined && { config: flags.config }),
    ...(flags.env !== undefined && flags.env.length > 0 && { envs: flags.env }),
    ...(flags.ca !== undefined && { ca: flags.ca }),
    now: io.now(),
  });
  if (flags.json) {
    output.data(JSON.stringify(verdicts.map(jsonOf), null, 2));
    // As lint does: a file that cannot be read is said on stderr too, where a CI log shows it.
    for (const verdict of verdicts) if (!verdict.readable) for (const problem of verdict.problems) output.error(`${verdict.file}: ${problemText(problem)}`);
  } else for (const verdict of verdicts) printVerdict(output, verdict);
  // Every problem fails its file; a file that could not be checked at all outweighs one that was checked and failed.
  return exitCodeFor(
    verdicts.flatMap((verdict) => verdict.problems),
    { unreadable: verdicts.some((verdict) => !verdict.readable) },
  );
}

/** A verdict as --json gives it: each problem as lint gives one, `{ code, message, fix }` (fix "" when there is none). */
function jsonOf(verdict: FileVerdict) {
  return { ...verdict, problems: verdict.problems.map((problem) => ({ code: problem.code, message: problem.message, fix: problem.fix ?? "" })) };
}

function printVerdict(output: Output, verdict: FileVerdict): void {
  if (!verdict.readable) {
    for (const problem of verdict.problems) output.error(`${verdict.file}: ${problemText(problem)}`);
    return;
  }
  const mark = verdict.valid ? output.paint("green", "valid") : output.paint("red", "INVALID");
  output.data(`${verdict.file}: ${mark}`);
  const line = (label: string, value: string) => output.data(`  ${label.padEnd(11)} ${value}`);
  line("signed", verdict.signed ? `yes${verdict.signingTime ? `, at ${verdict.signingTime}` : ""}` : "no");
  if (verdict.signer) {
    line("signer", verdict.signer.subject);
    line("issuer", verdict.signer.issuer);
    line("serial", verdict.signer.serial);
    line("valid", `${verdict.signer.validFrom} to ${verdict.signer.validTo}`);
  }
  if (verdict.signed) {
    line("signature", verdict.signatureValid ? "valid for the content" : verdict.signatureCheckable ? "NOT valid" : "cannot check (see below)");
    line("chain", `${verdict.trusted ? "trusted" : "NOT trusted"}: ${verdict.chain.join(" ← ") || "(none)"}`);
  }
  line("content", verdict.jamfConnect ? `Jamf Connect profile ${verdict.identifier ?? ""}`.trim() : "NOT a Jamf Connect profile");
  if (verdict.drift) line("config", verdict.drift.matches ? `matches (${verdict.drift.environment} ${verdict.drift.profile})` : verdict.drift.summary);
  for (const problem of verdict.problems) line("problem", problemText(problem));
}
