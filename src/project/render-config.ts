import { dirname } from "node:path";
import { readLicenseFile } from "./license.js";
import { lineAndColumn, parseJsonc, type ImpreciseNumber } from "../config/json-syntax.js";
import { isPlainObject, withoutPaths } from "../config/merge.js";
import { licensePaths, resolveEnvironment, type ResolvedEnvironment } from "../config/resolve.js";
import type { ConfigFile } from "../config/schema.js";
import { validateConfig } from "../config/validate.js";
import { isError, messageAndFix, type Problem } from "../problem.js";
import { renderEnvironment, type RenderedProfile } from "../render/profile.js";
import { findUnwritableChar } from "../values.js";
import { attributeProblems } from "./attribute.js";
import type { ConfigSource } from "./read-config-file.js";
import { selectEnvironments } from "./select.js";
import { appendAll } from "../append.js";

/**
 * The config pipeline every command shares: text → parse → validate → read licenses → resolve
 * (merge defaults, pure) → render (catalogue, rules, plist bytes). It returns results instead of
 * throwing, and it goes on past a problem wherever it can (leaving out only the part found
 * wrong), so one run lists every problem of every environment: schema, catalogue, rules, license.
 * Only a syntax error stops it early.
 */

export interface RenderInput<Kept = RenderedProfile> extends ConfigSource {
  /** The config's text (readConfigFile), or the text an edit is about to write. */
  text: string;
  /** --env: only these environments are resolved and rendered (default all). */
  envs?: readonly string[];
  /** Reads and checks one license file by absolute path; the only file access (default readLicenseFile). */
  readLicense?: (path: string) => Uint8Array | string;
  /** The command's clock, for a license's expiry (not checked without it). */
  now?: Date;
  /**
   * What the caller keeps of each rendered profile (default all of it). Every profile stays alive
   * until the last environment is rendered (nothing is written when one fails): build keeps only
   * the bytes it writes, so 2000 profiles' dictionaries die young instead of being copied by each
   * garbage collection of a 1000-environment build.
   */
  keep?: (profile: RenderedProfile) => Kept;
  /** false: the resolved environments are not kept either (result.environments is empty); build does not read them. */
  keepEnvironments?: boolean;
}

export interface RenderResult<Kept = RenderedProfile> {
  /** The checked config; undefined when it has errors of its own (not of its environments). */
  config?: ConfigFile;
  /** The parsed value, key order as written; undefined when the text does not parse. */
  raw?: unknown;
  /** The selected environments without errors, resolved (unless keepEnvironments is false), and their profiles. */
  environments: ResolvedEnvironment[];
  profiles: Kept[];
  /** Errors, each with file and JSON path (or line and column); empty means the config builds. */
  problems: Problem[];
  warnings: Problem[];
}

/** Stand-ins for top-level values found wrong, so the environments can still be checked. */
const STAND_INS = { organization: "organization", identifier: "invalid.identifier" };

/** The first stages alone: parse and validate. `config` is what is left to check when parts are wrong. */
export function parseConfig(input: { text: string; displayPath: string }): { raw?: unknown; config?: ConfigFile; problems: Problem[] } {
  const parsed = parseJsonc(input.text);
  if ("issue" in parsed) {
    const { line, column } = lineAndColumn(input.text, parsed.issue.offset);
    // The scanner words an issue as one sentence, with its fix after a dash when it has one.
    const { message, fix } = messageAndFix(parsed.issue.message);
    const problem: Problem = { severity: "error", path: parsed.issue.path ?? [], line, column, file: input.displayPath, message: `invalid JSON: ${message}`, code: "invalid-json" };
    return { problems: [fix === undefined ? problem : { ...problem, fix }] };
  }
  const raw = parsed.value;
  const validated = validateConfig(raw);
  const problems = [...parsed.impreciseNumbers.map(impreciseNumberProblem), ...validated.problems, ...topLevelText(raw)];
  const config = problems.length === 0 ? validated.config : salvage(raw, problems);
  return { raw, ...(config !== undefined && { config }), problems: problems.map((problem) => ({ ...problem, file: input.displayPath })) };
}

export function renderConfig(input: RenderInput): RenderResult;
export function renderConfig<Kept>(input: RenderInput<Kept> & { keep: (profile: RenderedProfile) => Kept }): RenderResult<Kept>;
export function renderConfig<Kept>(input: RenderInput<Kept>): RenderResult<Kept | RenderedProfile> {
  const file = input.displayPath;
  const stamp = (problems: readonly Problem[]) => problems.map((problem) => ({ ...problem, file }));
  const empty = { environments: [], profiles: [], warnings: [] };

  const { raw, config, problems: configProblems } = parseConfig(input);
  if (config === undefined) return { ...empty, ...(raw !== undefined && { raw }), problems: configProblems };

  const selected = selectEnvironments(Object.keys(config.environments), input.envs, file);
  if (selected.problems.length > 0) return { ...empty, raw, problems: [...selected.problems, ...configProblems] };

  const configDir = dirname(input.path);
  const readLicense = input.readLicense ?? readLicenseFile;
  const licenses = new Map(licensePaths(config, configDir).map((path) => [path, readLicense(path)] as const));
  const environments: ResolvedEnvironment[] = [];
  const profiles: (Kept | RenderedProfile)[] = [];
  const keep = input.keep;
  const found: Problem[] = [];
  for (const name of selected.names) {
    const resolved = resolveEnvironment(config, name, { configDir, licenses });
    // Lint's profile checks read the rendered IDs and scopes: after a resolve error they would only
    // judge the stand-ins left for the fields found wrong, so they wait for the next run.
    const profileChecks = !resolved.problems.some(isError);
    const rendered = renderEnvironment(resolved.environment, { profileChecks, ...(input.now !== undefined && { now: input.now }) });
    const problems = [...resolved.problems, ...rendered.problems];
    appendAll(found, problems);
    if (problems.some(isError)) continue;
    if (input.keepEnvironments !== false) environments.push(resolved.environment);
    appendAll(profiles, keep === undefined ? rendered.profiles : rendered.profiles.map(keep));
  }

  // Problems under a part already reported (and left out) would only repeat it in other words.
  const reported = configProblems.map((problem) => problem.path);
  const all = [...configProblems, ...stamp(attributeProblems(found, raw).filter((problem) => !reported.some((path) => isUnder(problem.path, path))))];
  const problems = all.filter(isError);
  const warnings = all.filter((problem) => !isError(problem));
  return { ...(problems.length === 0 && { config }), raw, environments: problems.length === 0 ? environments : [], profiles: problems.length === 0 ? profiles : [], problems, warnings };
}

function isUnder(path: readonly (string | number)[], prefix: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((step, index) => path[index] === step);
}

/** JSON.parse would round 12345678901234567890 to 12345678901234567000 and a profile would carry that. */
function impreciseNumberProblem(number: ImpreciseNumber): Problem {
  const shown = number.text.length > 40 ? `${number.text.slice(0, 20)}… (${number.text.length} characters)` : number.text;
  return {
    severity: "error",
    path: number.path,
    message: `${shown} is beyond what a JSON number keeps exactly (2^53) and would change when read`,
    fix: "write a smaller number, or the value in quotes if the key takes text",
    code: "imprecise-number",
  };
}

/** organization goes into every profile as-is: a character a plist cannot hold is reported there, once. */
function topLevelText(raw: unknown): Problem[] {
  const organization = isPlainObject(raw) ? raw["organization"] : undefined;
  const bad = typeof organization === "string" ? findUnwritableChar(organization) : undefined;
  return bad === undefined ? [] : [{ severity: "error", path: ["organization"], message: `contains ${bad}, which a property list cannot hold`, code: "unwritable-value" }];
}

/**
 * The config without the parts found wrong, with stand-ins for a wrong organization or
 * identifier, so its environments can still be checked; undefined when nothing is left to check.
 */
function salvage(raw: unknown, problems: readonly Problem[]): ConfigFile | undefined {
  if (!isPlainObject(raw)) return undefined;
  const rest = withoutPaths(raw, problems.filter(isError).map((problem) => problem.path));
  for (const [key, standIn] of Object.entries(STAND_INS)) if (!Object.hasOwn(rest, key)) rest[key] = standIn;
  return validateConfig(rest).config;
}
