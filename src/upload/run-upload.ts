/**
 * `jcprofile upload` without the terminal: rendered profiles in, one result per profile out.
 * Profiles are grouped by server and API client; each group gets one session, one list, and its
 * token invalidated at the end. One profile failing never stops the others.
 */
import type { ProfileName } from "../profile/layout.js";
import type { PlistDict } from "../profile/plist-xml.js";
import { UserError } from "../errors.js";
import type { ResolvedJamfPro } from "../config/jamf-pro.js";
import type { HttpRequest, HttpResult } from "../net/http.js";
import { credentialsFromEnv, secretsOf, type JamfCredentials } from "../jamfpro/auth.js";
import { createJamfClient, type JamfClient, type WaitBudget } from "../jamfpro/client.js";
import type { JamfError } from "../jamfpro/errors.js";
import type { ListedProfile } from "../jamfpro/classic-body.js";
import { missingCategories } from "../jamfpro/categories.js";
import type { Redactor } from "../jamfpro/redact.js";
import type { Change } from "./reconcile.js";
import { listProfiles, syncProfile, type Overrides, type SyncAction } from "./sync-profile.js";
import { interruptedProblem, problemOf, refusalProblem, type Stage, type UploadProblem } from "./upload-problem.js";

export interface UploadItem {
  environment: string;
  target: ProfileName;
  /** PayloadDisplayName: the profile's name in Jamf Pro. */
  name: string;
  description?: string;
  /** The unsigned profile as build renders it (RenderedProfile.dictionary). */
  profile: PlistDict;
  jamfPro: ResolvedJamfPro;
}

export interface UploadResult {
  environment: string;
  target: ProfileName;
  name: string;
  server: string;
  /** interrupted: not done, or done without the answer having come (Ctrl-C, SIGTERM, SIGHUP). */
  action: SyncAction | "failed" | "interrupted";
  id?: number;
  /** `<server>/OSXConfigurationProfiles.html?id=<id>`. */
  url?: string;
  changes: Change[];
  /** Lines for the admin that are not changes (stderr). */
  notes: string[];
  /** failed, refused or interrupted: what stands in the way, printed as "message — fix". */
  problem?: UploadProblem;
}

export interface UploadOptions {
  items: readonly UploadItem[];
  env: NodeJS.ProcessEnv;
  dryRun: boolean;
  overrides: Overrides;
  send: (request: HttpRequest, signal?: AbortSignal) => Promise<HttpResult>;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  onProgress?: (text: string) => void;
  /** Each profile's result as soon as it is final, so that an interrupted run has printed what it did. */
  onResult?: (result: UploadResult) => void;
  /** Aborted (with the signal's name as reason) when the run is interrupted: no further request starts. */
  signal?: AbortSignal;
  /** Told the credentials and every token, so that whatever is printed can be cleaned of them. */
  redactor?: Redactor;
  /** The run's time for waiting on busy servers (Retry-After), shared by all of them. */
  waitBudget?: WaitBudget;
  onWait?: (text: string) => void;
}

function serverKey(url: string): string {
  const parsed = new URL(url);
  return parsed.origin.toLowerCase() + parsed.pathname.replace(/\/+$/, "");
}

/** Two environments on one server must not write the same profile name: checked before any request. */
function checkNameClashes(items: readonly UploadItem[]): void {
  const seen = new Map<string, UploadItem>();
  for (const item of items) {
    const key = `${serverKey(item.jamfPro.url)}\n${item.name}`;
    const other = seen.get(key);
    if (other !== undefined) {
      throw new UserError(
        `environments ${other.environment} (${other.target}) and ${item.environment} (${item.target}) would both upload "${item.name}" to ${item.jamfPro.url} — give them different names with profile.loginDisplayName / profile.menubarDisplayName / profile.combinedDisplayName`,
      );
    }
    seen.set(key, item);
  }
}

interface Group {
  url: string;
  credentials: JamfCredentials;
  items: UploadItem[];
}

/** Credentials for every group, or exit 2 naming the variables — before any request. */
function groupItems(items: readonly UploadItem[], env: NodeJS.ProcessEnv, redactor: Redactor | undefined): Group[] {
  const groups = new Map<string, Group>();
  for (const item of items) {
    const { url, clientIdEnv, clientSecretEnv } = item.jamfPro;
    const key = `${serverKey(url)}\n${clientIdEnv}\n${clientSecretEnv}`;
    const group = groups.get(key);
    if (group !== undefined) {
      group.items.push(item);
      continue;
    }
    const credentials = credentialsFromEnv(env, item.jamfPro);
    if ("missing" in credentials) {
      throw new UserError(`no Jamf Pro credentials for ${url} (environment ${item.environment}): ${credentials.missing}`);
    }
    for (const secret of secretsOf(credentials)) redactor?.add(secret);
    groups.set(key, { url, credentials, items: [item] });
  }
  return [...groups.values()];
}

/** How long invalidating the token may take on the way out of an interrupted run: the admin is waiting to get the prompt back. */
const INVALIDATE_ON_INTERRUPT_MS = 5000;

export async function runUpload(options: UploadOptions): Promise<UploadResult[]> {
  checkNameClashes(options.items);
  const results: UploadResult[] = [];
  const report = (result: UploadResult) => {
    results.push(result);
    options.onResult?.(result);
  };
  for (const group of groupItems(options.items, options.env, options.redactor)) {
    if (options.signal?.aborted) {
      for (const item of group.items) report(interrupted(item, String(options.signal.reason), "not begun"));
      continue;
    }
    const client = createJamfClient({
      url: group.url,
      credentials: group.credentials,
      send: options.send,
      sleep: options.sleep,
      now: options.now,
      ...(options.signal !== undefined && { signal: options.signal }),
      ...(options.redactor !== undefined && { redactor: options.redactor }),
      ...(options.waitBudget !== undefined && { waitBudget: options.waitBudget }),
      ...(options.onWait !== undefined && { onWait: options.onWait }),
    });
    try {
      await uploadGroup(client, group, options, report);
    } finally {
      // Also, and above all, when interrupted: a token left valid is a credential left lying around.
      await client.invalidate(options.signal?.aborted ? AbortSignal.timeout(INVALIDATE_ON_INTERRUPT_MS) : undefined);
    }
  }
  return results;
}

async function uploadGroup(client: JamfClient, group: Group, options: UploadOptions, report: (result: UploadResult) => void): Promise<void> {
  options.onProgress?.(`reading the profiles of ${group.url}`);
  let listed: ListedProfile[];
  let missing: Map<string, JamfError>;
  try {
    listed = await listProfiles(client);
    missing = await missingCategories(client, group.items.map((item) => item.jamfPro.category));
  } catch (error) {
    // Without the list nothing can be planned: every profile of this server fails alike.
    for (const item of group.items) report(failed(item, error, "not begun"));
    return;
  }
  for (const item of group.items) {
    if (options.signal?.aborted) {
      report(interrupted(item, String(options.signal.reason), "not begun"));
      continue;
    }
    options.onProgress?.(`${options.dryRun ? "comparing" : "uploading"} "${item.name}" (${item.environment})`);
    const category = missing.get(item.jamfPro.category ?? "");
    if (category !== undefined) {
      report(failed(item, category, "not begun"));
      continue;
    }
    const writesBefore = client.writesSent;
    try {
      const outcome = await syncProfile(client, listed, {
        general: {
          name: item.name,
          ...(item.description !== undefined && { description: item.description }),
          ...(item.jamfPro.category !== undefined && { category: item.jamfPro.category }),
          distribution: item.jamfPro.distribution,
          redeployOnUpdate: item.jamfPro.redeployOnUpdate,
        },
        profile: item.profile,
        dryRun: options.dryRun,
        overrides: options.overrides,
        nameField: `profile.${item.target}DisplayName`,
      });
      report({
        ...base(item),
        action: outcome.action,
        ...(outcome.id !== undefined && { id: outcome.id, url: `${item.jamfPro.url}/OSXConfigurationProfiles.html?id=${outcome.id}` }),
        changes: outcome.changes,
        notes: outcome.notes,
        ...(outcome.refusal !== undefined && { problem: refusalProblem(outcome.refusal) }),
      });
    } catch (error) {
      // Interrupted: "reading" while only this profile's reads were under way, "writing" once a write went out.
      report(failed(item, error, client.writesSent > writesBefore ? "writing" : "reading"));
    }
  }
}

function interrupted(item: UploadItem, signal: string, stage: Stage): UploadResult {
  return { ...base(item), action: "interrupted", changes: [], notes: [], problem: interruptedProblem(signal, stage) };
}

function base(item: UploadItem): Pick<UploadResult, "environment" | "target" | "name" | "server"> {
  return { environment: item.environment, target: item.target, name: item.name, server: item.jamfPro.url };
}

/** A JamfError, an interruption or a body Jamf Pro should not have sent; anything else is a bug and is rethrown. */
function failed(item: UploadItem, error: unknown, stage: Stage): UploadResult {
  const problem = problemOf(error, item.jamfPro.url, stage);
  if (problem === undefined) throw error;
  return { ...base(item), action: problem.code === "interrupted" ? "interrupted" : "failed", changes: [], notes: [], problem };
}
