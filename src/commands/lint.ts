import { guessDomainFromKeys } from "../catalog/guess-domain.js";
import { resolve } from "node:path";
import { UserError, type ExitCodeValue } from "../errors.js";
import type { CommandIo } from "../io.js";
import { lintProfile } from "../lint/lint-profile.js";
import { locatedMessage, type LintFinding } from "../checks/finding.js";
import { createOutput, type Output } from "../output.js";
import { DOMAINS, PROFILE_KINDS, isDomain, type Domain } from "../profile/domains.js";
import { showTypedPath } from "../project/read-config-file.js";
import { NothingReadError, ProfileReadError, describeOther, readProfileFile, type ProfileModel } from "../profile/read-profile.js";
import { appendAll } from "../append.js";
import { exitCodeFor } from "../problem.js";
import { showValue } from "../values.js";

export interface LintFlags {
  readonly files: readonly string[];
  readonly json?: boolean;
  readonly strict?: boolean;
  readonly domain?: string;
}

/**
 * `jcprofile lint FILE...`: a report per file on stdout (or one JSON array), unreadable files as
 * one error line each on stderr. A Jamf Connect profile none of whose entries macOS reads is
 * reported, one finding per entry, not unreadable. Exit 2 when a file could not be read, else 1
 * when errors were found (warnings too with --strict), else 0.
 */
export function lintCommand(flags: LintFlags, io: CommandIo): ExitCodeValue {
  const now = io.now();
  const output = createOutput(io);
  const domain = parseDomain(flags.domain);
  const all: LintFinding[] = [];
  let unreadable = 0;
  for (const file of flags.files) {
    const fileName = showTypedPath(io.cwd, file);
    let model: ProfileModel;
    try {
      model = readProfileFile(resolve(io.cwd, file), { fileName, domain, guessDomain: guessDomainFromKeys });
    } catch (error) {
      // A Jamf Connect profile macOS reads nothing of is still one: its entries are checkStructure's findings.
      if (error instanceof NothingReadError) model = error.model;
      else if (error instanceof ProfileReadError) {
        output.error(error.message);
        unreadable++;
        continue;
      } else throw error;
    }
    const findings = lintProfile(model, { now });
    appendAll(all, findings);
    if (flags.json) {
      for (const note of notesOf(model)) output.info(`${fileName}: ${note}`);
    } else {
      printReport(output, model, findings);
    }
  }
  if (flags.json) output.data(JSON.stringify(all, null, 2));
  return exitCodeFor(all, { unreadable: unreadable > 0, strict: flags.strict === true });
}

function parseDomain(value: string | undefined): Domain | undefined {
  if (value === undefined) return undefined;
  if (isDomain(value)) return value;
  if (value === "login" || value === "menubar") return PROFILE_KINDS[value].domain;
  throw new UserError(`--domain: ${showValue(value)} is not a Jamf Connect preference domain — use ${DOMAINS.join(" or ")} (or login / menubar)`);
}

function printReport(output: Output, model: ProfileModel, findings: readonly LintFinding[]): void {
  const errors = findings.filter((finding) => finding.severity === "error").length;
  const warnings = findings.length - errors;
  const summary = findings.length === 0 ? "clean" : [count(errors, "error"), count(warnings, "warning")].filter((part) => part !== "").join(", ");
  output.data(`${model.fileName}: ${summary}`);
  for (const finding of findings) {
    output.data(`  ${finding.severity}: ${locatedMessage(finding)} [${finding.code}]`);
    if (finding.fix !== "") output.data(`    fix: ${finding.fix}`);
  }
  for (const note of notesOf(model)) output.data(`  note: ${note}`);
}

function notesOf(model: ProfileModel): string[] {
  const ignored = model.others.map((other) => `payload ${other.index + 1} (${describeOther(other)}) is not Jamf Connect's; ignored`);
  return [...model.notes, ...ignored];
}

function count(n: number, noun: string): string {
  return n === 0 ? "" : `${n} ${noun}${n === 1 ? "" : "s"}`;
}
