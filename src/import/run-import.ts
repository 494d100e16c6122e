/**
 * `jcprofile import`: profiles → environment → config text → render in memory → compare → review
 * → write (config and license together, all or nothing).
 *
 * Exit codes (documented in the README; commands/import.ts turns `problems` into one through exitCodeFor):
 * - 0: written, every source key came back identical, the config builds;
 * - 1: written, every source key came back identical, but the source broke a rule (Migrate
 *   without DenyLocal, a client ID that is not a GUID…): each problem is listed at its config
 *   path, so the admin fixes it in the config, where build will keep reporting it;
 * - 2: nothing written — an unreadable input, a key that could not be carried over, a usage
 *   mistake, or replacing an environment without --yes and without a terminal.
 */
import { dirname, resolve } from "node:path";
import { checkSettings } from "../catalog/index.js";
import { ownValue } from "../config/merge.js";
import { readInputFile } from "../files/read-file.js";
import { ENVIRONMENT_NAME_PATTERN, environmentNameMessage, IDENTIFIER_PATTERN, isTenant, messages } from "../config/schema.js";
import { leftoverWarning, saveConfigText } from "../project/write-config.js";
import { UserError } from "../errors.js";
import type { FileOps } from "../files/file-ops.js";
import type { Output } from "../output.js";
import { configLocation } from "../project/read-config-file.js";
import { formatPath, formatProblem, problemText, wholeError, type Problem } from "../problem.js";
import { PROFILE_KINDS, isDomain, type Domain } from "../profile/domains.js";
import { PAYLOAD_PARTS, type PayloadPart } from "../profile/layout.js";
import type { RenderedProfile } from "../render/profile.js";
import { renderConfig } from "../project/render-config.js";
import type { ConfigSource } from "../project/read-config-file.js";
import { readExistingConfig, type ExistingConfig } from "../project/config-edit.js";
import { comparePreferences } from "./compare.js";
import { refuseCaseTwin, refuseSharedLicense } from "./config-guards.js";
import { mergeIntoExisting, onlyAdds } from "./merge-halves.js";
import { planImport } from "./plan-import.js";
import type { Prompter } from "../prompt/prompter.js";
import { reviewAndConfirm } from "../project/review.js";
import { mapEnvironment, type GivenTenant, type ImportSource } from "./map-environment.js";
import { profileFields } from "./profile-fields.js";
import { readSources } from "./read-sources.js";
import { verifyImport } from "./verify-import.js";
import { appendAll } from "../append.js";
import { showValue } from "../values.js";

export interface ImportOptions {
  cwd: string;
  files: readonly string[];
  env: string;
  config?: string;
  organization?: string;
  identifier?: string;
  domain?: string;
  /** --tenant: the tenant for a source that names none (an existing environment's is used otherwise). */
  tenant?: string;
  yes: boolean;
  isTTY: boolean;
  prompter?: Prompter;
  ui: Output;
  /** The file operations of the write (default node's): a test makes one fail. */
  ops?: FileOps;
  /** The clock a license's expiry is read against, as build reads it (not checked without it). */
  now?: Date;
}

export interface ImportResult {
  /** Config problems of a faithful import of a rule-breaking source (exit 1): errors only, warnings are shown. */
  problems: Problem[];
  /** Keys the rendered profiles have that the sources did not, as `domain: key`. */
  added: string[];
  /** Parts the environment had that the sources did not carry: kept (login, menubar). */
  kept: PayloadPart[];
  unknownKeys: string[];
  written: string[];
}

export async function runImport(options: ImportOptions): Promise<ImportResult> {
  const { ui } = options;
  checkFlags(options);
  const domain = parseDomain(options.domain);
  const source = configLocation(options.cwd, options.config);
  const configDir = dirname(source.path);
  const read = readSources(options.cwd, options.files, domain);
  for (const note of read.notes) ui.info(`note: ${note}`);

  const existing = readExistingConfig(source);
  refuseCaseTwin(existing, options.env);
  const before = ownValue(existing?.raw["environments"] as Record<string, Record<string, unknown>> | undefined, options.env);
  const mapped = mapEnvironment(read.sources, { ...givenTenant(options.tenant, before, existing?.config.defaults?.tenant) });
  if (mapped.errors.length > 0) throw cannotCarry(mapped.errors);
  for (const note of mapped.notes) ui.info(`note: ${note}`);
  const { profile, notes } = profileFields(options.env, read);
  for (const note of notes) ui.info(`note: ${note}`);

  const environment: Record<string, unknown> = { ...mapped.environment };
  const unknownKeys = unknownKeysOf(read.sources);
  const inherited = existing?.config.defaults ?? {};
  let license: IncomingLicense | undefined;
  if (mapped.license !== undefined) {
    // A license the config already names with these bytes is reused: no second copy of the file.
    const own = ownValue(existing?.config.environments, options.env)?.license;
    const known = [own, inherited.license].find((name) => name !== undefined && sameFile(resolve(configDir, name), mapped.license!));
    const name = known ?? `${options.env}.jamfconnectlicense`;
    license = { path: resolve(configDir, name), bytes: mapped.license, name, known: known !== undefined };
    if (known === undefined || known !== inherited.license) environment.license = name;
  }
  if (Object.keys(profile).length > 0) environment.profile = profile;
  if (unknownKeys.length > 0 && inherited.unknownKeys !== "warn") environment.unknownKeys = "warn";
  // A mode inherited from defaults would add scopes the source did not have.
  if (inherited.conditionalAccess?.mode === "custom-scope" && (environment.conditionalAccess as { mode?: string } | undefined)?.mode === undefined) {
    environment.conditionalAccess = { mode: "none", ...(environment.conditionalAccess as object | undefined) };
  }

  const parts = new Set(read.sources.map((item) => item.part));
  const merged = mergeIntoExisting(before, environment, parts);
  if (mapped.derivedLoginNote !== undefined && !merged.kept.includes("login")) ui.info(`note: ${mapped.derivedLoginNote}`);
  if (merged.kept.length > 0) refuseOtherTenant(options.env, before!, merged.environment, merged.kept);
  const plan = planImport({ options, source, configDir, existing, before, environment: merged.environment, top: read.top, tenant: mapped.environment.tenant as string | undefined });
  const verification = verifyImport({ source, text: plan.text, env: options.env, sources: read.sources, ...(license && { license }), ...(options.now !== undefined && { now: options.now }) });
  const keptChanges = merged.kept.length > 0 && verification.problems.length === 0 ? keptPartChanges({ source, existing: existing!, built: verification.profiles, env: options.env, kept: merged.kept }) : [];
  for (const change of keptChanges) ui.warn(change);
  // Adding the other half changes nothing already there: no question. Anything replaced is asked about.
  plan.replaces = before !== undefined && (!onlyAdds(before, merged.environment) || keptChanges.length > 0);
  const lost: Problem[] = [];
  const added: string[] = [];
  for (const { source: from, comparison } of verification.comparisons) {
    for (const path of comparison.missing) lost.push(cannotBuild("not-built", `${from.label}: ${path}: is not in the profile jcprofile builds from the imported config`));
    for (const change of comparison.changed) lost.push(cannotBuild("built-differently", `${from.label}: ${change.path}: is ${change.source} in the source but ${change.rendered} when built`));
    for (const path of comparison.added) added.push(`${PROFILE_KINDS[from.kind].domain}: ${path}`);
  }
  if (lost.length > 0) throw cannotCarry(lost);

  // Each file is read once: a name the config already has holds these bytes (sameFile above).
  const beside = license === undefined ? undefined : license.known ? "unchanged" : besideLicense(license.path, license.name, license.bytes);
  if (license !== undefined && beside === "replaced") {
    refuseSharedLicense(existing, configDir, options.env, license);
    if (!options.yes && !options.isTTY) throw new UserError(`${license.name}: exists beside the config with another license — pass --yes to replace it, or move it away first`);
  }
  if (license !== undefined) ui.info(`license: ${license.name} beside the config (${BESIDE_WORDS[beside!]})`);
  const configOrganization = existing?.raw["organization"];
  if (options.organization === undefined && read.top?.organization !== undefined && typeof configOrganization === "string" && configOrganization !== read.top.organization) {
    ui.info(`note: the config's organization "${configOrganization}" is kept (the profile says "${read.top.organization}") — pass --organization to change it`);
  }
  await reviewAndConfirm(plan, { ui, prompter: options.prompter, interactive: options.isTTY, yes: options.yes, source, command: "import" });
  const extra = license !== undefined && beside !== "unchanged" ? [{ path: license.path, displayPath: license.name, bytes: license.bytes }] : [];
  const written: string[] = [];
  if (plan.changed || extra.length > 0) {
    const leftovers = await saveConfigText(source, plan.changed ? plan.text : (existing?.text ?? plan.text), extra, options.ops);
    for (const leftover of leftovers) ui.warn(leftoverWarning(leftover));
    if (plan.changed) written.push(source.displayPath);
    appendAll(written, extra.map((file) => file.displayPath));
  }
  for (const warning of verification.warnings) ui.warn(formatProblem(warning));
  return { problems: verification.problems, added, kept: merged.kept, unknownKeys, written };
}

/** --tenant, else the tenant the environment (or defaults) already has: for a source that names none. */
function givenTenant(flag: string | undefined, before: Record<string, unknown> | undefined, inherited: string | undefined): { tenant?: GivenTenant } {
  if (flag !== undefined) return { tenant: { value: flag, from: "--tenant", flag: true } };
  const own = before?.["tenant"];
  if (typeof own === "string") return { tenant: { value: own, from: "the environment's tenant", flag: false } };
  return inherited !== undefined ? { tenant: { value: inherited, from: "defaults.tenant", flag: false } } : {};
}

/** The part kept is for the environment's tenant: a source of another tenant cannot share it. */
function refuseOtherTenant(env: string, before: Record<string, unknown>, after: Record<string, unknown>, kept: readonly PayloadPart[]): void {
  const was = before["tenant"];
  const now = after["tenant"];
  if (typeof was !== "string" || typeof now !== "string" || was.toLowerCase() === now.toLowerCase()) return;
  const what = kept.map((part) => `${PAYLOAD_PARTS[part].title} settings`).join(" and ");
  throw new UserError(
    `environment "${env}" is for tenant ${was}, and its ${what} stay; the source is for tenant ${now} — nothing was written. Import it into another environment (--env), or import both profiles together to replace "${env}" whole`,
  );
}

/**
 * What the kept part would no longer get on a Mac: its preferences as the config builds them before
 * and after the import (a shared field — Conditional Access mode, license — can change them). `built`
 * is the new text's render that verifyImport already made, with the incoming license's bytes.
 */
function keptPartChanges(input: { source: ConfigSource; existing: ExistingConfig; built: readonly RenderedProfile[]; env: string; kept: readonly PayloadPart[] }): string[] {
  const old = renderConfig({ ...input.source, text: input.existing.text, envs: [input.env] });
  if (old.problems.length > 0) return [];
  const changes: string[] = [];
  for (const part of input.kept) {
    const before = old.profiles.flatMap((profile) => profile.payloads).find((payload) => payload.part === part);
    const after = input.built.flatMap((profile) => profile.payloads).find((payload) => payload.part === part);
    if (before === undefined) continue;
    const comparison = comparePreferences(before.preferences, after?.preferences ?? {});
    const paths = [...comparison.missing.map((path) => `${path} (removed)`), ...comparison.changed.map((change) => `${change.path}: ${change.source} → ${change.rendered}`), ...comparison.added.map((path) => `${path} (added)`)];
    if (paths.length > 0) changes.push(`the ${PAYLOAD_PARTS[part].title} settings "${input.env}" keeps would change on every Mac: ${paths.join("; ")}`);
  }
  return changes;
}

/** Read as every named input is (a FIFO or a device is never opened for reading); unreadable counts as different. */
function sameFile(path: string, bytes: Uint8Array): boolean {
  const read = readInputFile(path);
  return "bytes" in read && read.bytes.equals(Buffer.from(bytes));
}

/** The incoming license; `known` when the config already names a file that holds these bytes. */
interface IncomingLicense {
  path: string;
  bytes: Uint8Array;
  name: string;
  known: boolean;
}

type Beside = "new" | "unchanged" | "replaced";

const BESIDE_WORDS: Record<Beside, string> = { new: "new", unchanged: "unchanged", replaced: "replaced — it holds another license now" } as const;

/** What a license file beside the config holds against these bytes; one that cannot be read is the admin's to fix. */
function besideLicense(path: string, name: string, bytes: Uint8Array): Beside {
  const read = readInputFile(path);
  if ("bytes" in read) return read.bytes.equals(Buffer.from(bytes)) ? "unchanged" : "replaced";
  if (read.code === "ENOENT") return "new";
  throw new UserError(`${name}: ${read.reason} — nothing was written; move it away or fix it, then import again`);
}

function checkFlags(options: ImportOptions): void {
  if (!ENVIRONMENT_NAME_PATTERN.test(options.env)) throw new UserError(`--env: ${showValue(options.env)} ${environmentNameMessage(options.env)}`);
  if (options.tenant !== undefined && !isTenant(options.tenant)) throw new UserError(`--tenant: ${showValue(options.tenant)} ${messages.tenant}`);
  if (options.identifier !== undefined && !IDENTIFIER_PATTERN.test(options.identifier)) throw new UserError(`--identifier: ${showValue(options.identifier)} ${messages.identifier}`);
  if (options.organization !== undefined && options.organization.trim() === "") throw new UserError("--organization: is empty — give the organization's name, e.g. \"Contoso Ltd\"");
  if (options.files.length > 3) throw new UserError(`import takes up to three profiles (the login window, the menu bar and privilege elevation), not ${options.files.length} — import one environment at a time`);
}

function parseDomain(value: string | undefined): Domain | undefined {
  if (value === undefined) return undefined;
  if (isDomain(value)) return value;
  if (value === "login" || value === "menubar") return PROFILE_KINDS[value].domain;
  throw new UserError(`--domain: ${showValue(value)} is not a Jamf Connect preference domain — use com.jamf.connect.login or com.jamf.connect (or login / menubar)`);
}

/** A source key the imported config would not build back as it is: there is no fix in the config to give. */
const cannotBuild = (code: string, message: string): Problem => wholeError(code, message);

/** What cannot be carried over, all at once: nothing is written. */
function cannotCarry(problems: readonly Problem[]): UserError {
  const errors = problems.map(problemText);
  const lead = errors.length === 1 ? "nothing was written — cannot import: " : `nothing was written — ${errors.length} keys cannot be imported:`;
  return errors.length === 1 ? new UserError(`${lead}${errors[0]}`) : new UserError(lead, { details: errors });
}

/** Keys the catalogue does not know, as `login.settings.Foo`: kept, and the environment passes them through. */
function unknownKeysOf(sources: readonly ImportSource[]): string[] {
  const names: string[] = [];
  for (const source of sources) {
    const issues = checkSettings(PROFILE_KINDS[source.kind].domain, source.preferences, { unknownKeys: "warn" });
    // formatPath quotes a name with odd characters as JSON does, so an ESC or BEL in a key is never printed raw.
    for (const issue of issues) if (issue.code === "unknown-key") names.push(formatPath([source.kind, "settings", ...issue.path]));
  }
  return names;
}
