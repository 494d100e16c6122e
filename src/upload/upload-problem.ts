/**
 * What keeps one profile from being done: a Problem (message and fix apart, a stable code for
 * --json) with its verdict — refused (Jamf Pro or upload said no: the admin's to settle) or
 * inconclusive (no usable answer, or interrupted: a later run may do). Which exit code the
 * verdicts make is exitCodeFor's (src/problem.ts), through outcomeOf.
 */
import { wholeError, type Outcome, type Problem } from "../problem.js";
import { InterruptedError, JamfError, type JamfCode, type Verdict } from "../jamfpro/errors.js";
import { BodyError } from "../jamfpro/classic-body.js";
import { StoredProfileError } from "../jamfpro/stored-profile.js";
import type { Refusal } from "./sync-profile.js";

export type UploadCode = JamfCode | Refusal["code"] | "unreadable-profile" | "interrupted";

export interface UploadProblem extends Problem {
  readonly code: UploadCode;
  readonly verdict: Verdict;
}

function problem(code: UploadCode, verdict: Verdict, message: string, fix?: string): UploadProblem {
  return { ...wholeError(code, message, fix), verdict };
}

/** A stored profile upload will not write (someone else's, or an update that would drop settings). */
export function refusalProblem(refusal: Refusal): UploadProblem {
  return problem(refusal.code, "refused", refusal.message, refusal.fix);
}

/** How far a profile had got when the run stopped: not begun, only reading from Jamf Pro, or a write sent. */
export type Stage = "not begun" | "reading" | "writing";

/**
 * A profile the interrupted run did not finish. Only once a write was sent may Jamf Pro have
 * carried it out without the answer coming back; while upload was reading, nothing was changed.
 */
export function interruptedProblem(signal: string, stage: Stage): UploadProblem {
  if (stage === "writing") {
    const fix = "it may have made this change; run upload again to finish (it finds the profile by its name and compares first)";
    return problem("interrupted", "inconclusive", `interrupted (${signal}) before Jamf Pro answered`, fix);
  }
  if (stage === "reading") {
    return problem("interrupted", "inconclusive", `interrupted (${signal}) while reading from Jamf Pro`, "no change was sent for this profile; run upload again to finish");
  }
  return problem("interrupted", "inconclusive", `not done: interrupted (${signal})`);
}

/** A JamfError, an interruption or an answer Jamf Pro should not have sent, as a Problem; undefined for anything else (a bug). */
export function problemOf(error: unknown, server: string, stage: Stage): UploadProblem | undefined {
  if (error instanceof InterruptedError) return interruptedProblem(error.signal, stage);
  if (error instanceof JamfError) return { ...error.problem, verdict: error.verdict };
  if (error instanceof BodyError) return problem("unreadable-answer", "inconclusive", `${server}: ${error.message}`);
  if (error instanceof StoredProfileError) {
    const fix = "a profile uploaded signed is read-only in Jamf Pro: delete it there (or rename it), then run upload again";
    return problem("unreadable-profile", "inconclusive", `${server}: the stored profile ${error.message}`, fix);
  }
  return undefined;
}

/** The run's outcome for exitCodeFor: a refusal outweighs network trouble, as in every command. */
export function outcomeOf(problems: readonly UploadProblem[]): Outcome {
  return { failed: problems.some((found) => found.verdict === "refused"), inconclusive: problems.some((found) => found.verdict === "inconclusive") };
}
