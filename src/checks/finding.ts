import { formatPath, type Problem } from "../problem.js";

/** One problem lint found, located by file, payload and key path. */
export interface LintFinding {
  readonly file: string;
  /** The preference domain, or null for the profile's own keys. */
  readonly domain: string | null;
  /** 1-based position in PayloadContent, or null (top level, bare preferences). */
  readonly payload: number | null;
  /** Key path inside the payload's preferences (`IdPSettings.ROPGID`), or the profile key. */
  readonly path: string;
  readonly severity: "error" | "warning";
  readonly code: string;
  readonly message: string;
  readonly fix: string;
}

/** Where a finding sits, before the file is known. */
export interface FindingPlace {
  readonly domain: string | null;
  readonly payload: number | null;
}

/** A Problem as lint shows it; a type mismatch without `fix` has it as the message's "(write …)" tail. */
export function toFinding(file: string, place: FindingPlace, issue: Problem): LintFinding {
  const { message, fix } = issue.fix !== undefined ? { message: issue.message, fix: issue.fix } : splitFix(issue.message);
  return { file, ...place, path: formatPath(issue.path), severity: issue.severity, code: issue.code ?? "invalid", message, fix };
}

/** `payload 2 com.jamf.connect: IdPSettings.ROPGID: message`: the finding with where it is, as lint's report shows it. */
export function locatedMessage(finding: Pick<LintFinding, "payload" | "domain" | "path" | "message">): string {
  const where = [finding.payload !== null ? `payload ${finding.payload}` : "", finding.domain ?? ""].filter((part) => part !== "").join(" ");
  return `${where === "" ? "" : `${where}: `}${finding.path === "(top level)" ? "" : `${finding.path}: `}${finding.message}`;
}

/**
 * Every check gives its fix apart, but for one wording: the catalogue's type mismatch ends with
 * "(write …)", the sentence build prints; lint shows both halves and --json gives them apart.
 */
export function splitFix(text: string): { message: string; fix: string } {
  const hint = /^(.*) \(((?:write|remove|set) [^)]*)\)$/.exec(text);
  if (hint) return { message: hint[1]!, fix: hint[2]! };
  return { message: text, fix: "" };
}
