import { guessDomainFromKeys } from "../catalog/guess-domain.js";
import { resolve } from "node:path";
import { UserError } from "../errors.js";
import { showTypedPath } from "../project/read-config-file.js";
import type { Domain, ProfileKind } from "../profile/domains.js";
import { ELEVATION_KEY, holdsElevation, PAYLOAD_PARTS, type PayloadPart } from "../profile/layout.js";
import type { PlistValue } from "../profile/plist-xml.js";
import { describeOther, describeUnread, NothingReadError, readProfileFile, type ProfileModel } from "../profile/read-profile.js";
import { formatPath, problemsError, type Problem } from "../problem.js";
import { findSecrets } from "../secrets.js";
import type { ImportSource } from "./map-environment.js";
import { appendAll } from "../append.js";
import { locatedMessage, toFinding } from "../checks/finding.js";
import { malformedEntryIssue, payloadScopeIssue, unreadEntryIssue } from "../checks/structure-checks.js";

export interface ReadSources {
  sources: ImportSource[];
  /** The profile each part came from (absent for a bare preferences file). */
  profiles: Partial<Record<PayloadPart, { model: ProfileModel; style: "mcx" | "domain" }>>;
  /** The first input that is a profile: its top-level PayloadOrganization and PayloadIdentifier. */
  top?: { organization?: string; identifier?: string };
  notes: string[];
}

/** Reads every input with the profile reader; at most one payload per domain over all of them. */
export function readSources(cwd: string, files: readonly string[], domain: Domain | undefined): ReadSources {
  const sources: ImportSource[] = [];
  const profiles: ReadSources["profiles"] = {};
  const notes: string[] = [];
  let top: ReadSources["top"];
  const models = readModels(cwd, files, domain);
  refuseUnreadEntries(models);
  for (const { fileName, model } of models) {
    appendAll(notes, model.notes.map((note) => `${fileName}: ${note}`));
    appendAll(notes, model.others.map((other) => `${fileName}: payload ${other.index + 1} (${describeOther(other)}) is not Jamf Connect's; not imported`));
    // lint's payload-scope error, which the import mends: say so, in lint's words, as for Set-Once below.
    const scope = payloadScopeIssue(model);
    if (scope?.severity === "error") notes.push(`${fileName}: PayloadScope ${scope.message}; jcprofile writes System`);
    if (model.form === "profile" && top === undefined) {
      top = {
        ...(typeof model.root.PayloadOrganization === "string" && { organization: model.root.PayloadOrganization }),
        ...(typeof model.root.PayloadIdentifier === "string" && { identifier: model.root.PayloadIdentifier }),
      };
    }
    for (const payload of model.payloads) {
      const label = `${fileName}: ${payload.label}`;
      const part = partOf(payload.kind, payload.preferences);
      // A menu bar payload holding privilege elevation inside it clashes with a separate one too.
      const elevationTwice = (other: ImportSource) => (part === "elevation" && holdsElevation(other.preferences)) || (other.part === "elevation" && holdsElevation(payload.preferences));
      const earlier = sources.find((other) => other.part === part || elevationTwice(other));
      if (earlier !== undefined) {
        throw new UserError(`${label}: a second ${PAYLOAD_PARTS[part].title} payload (${payload.domain}; the first is ${earlier.label}) — an environment holds one of each; import one login window, one menu bar and at most one privilege elevation profile`);
      }
      if (payload.mcxState === "Set-Once") notes.push(`${label}: is Set-Once (a default the user may change); jcprofile writes Forced (enforced) preferences`);
      sources.push({ kind: payload.kind, part, label, preferences: payload.preferences });
      if (payload.style !== "preferences") profiles[part] = { model, style: payload.style };
    }
  }
  return { sources, profiles, ...(top !== undefined && { top }), notes };
}

interface ReadModel {
  readonly fileName: string;
  readonly model: ProfileModel;
  /** The reader refused the file: no preferences are read from it (every entry is one refuseUnreadEntries lists). */
  readonly nothingRead?: NothingReadError;
}

/**
 * Every input through the profile reader, before any is judged, so their mcx entries are refused
 * together. A secret is refused as soon as its input is read, before the next one is: it needs
 * rotating whatever else is wrong, and is named first, as when each input was judged on reading.
 */
function readModels(cwd: string, files: readonly string[], domain: Domain | undefined): ReadModel[] {
  return files.map((file) => {
    const fileName = showTypedPath(cwd, file);
    let read: ReadModel;
    try {
      read = { fileName, model: readProfileFile(resolve(cwd, file), { fileName, domain, guessDomain: guessDomainFromKeys }) };
    } catch (error) {
      if (!(error instanceof NothingReadError)) throw error;
      read = { fileName, model: error.model, nothingRead: error };
    }
    for (const payload of read.model.payloads) refuseSecrets(`${fileName}: ${payload.label}`, payload.preferences);
    return read;
  });
}

/**
 * Jamf Connect mcx entries Macs do not get (under an mcx state macOS does not read) or may not get
 * (not in the shape macOS reads): importing them would set on every Mac what no Mac gets today, and
 * leaving them out would lose them. Every one in every input is refused at once, in lint's words
 * (lint's mcx-unknown-state and mcx-malformed); one alone, or one input the reader could read
 * nothing from, keeps its own sentence.
 */
function refuseUnreadEntries(models: readonly ReadModel[]): void {
  const refused = models.filter(({ model }) => model.unread.length > 0 || model.malformed.length > 0);
  const [first] = refused;
  if (first === undefined) return;
  if (refused.length === 1 && first.nothingRead !== undefined) throw first.nothingRead;
  const problems = refused.flatMap(({ fileName, model }) =>
    [...model.unread.map(unreadEntryIssue), ...model.malformed.map(malformedEntryIssue)].map(({ place, issue }): Problem => {
      const finding = toFinding(fileName, place, issue);
      return { severity: "error", path: [], file: fileName, code: finding.code, message: locatedMessage(finding), fix: finding.fix };
    }),
  );
  if (problems.length > 1) throw problemsError(problems, [], "nothing was written — mend these in the source (or remove them), then import again: ");
  const [unread] = first.model.unread;
  if (unread !== undefined) {
    throw new UserError(`${first.fileName}: payload ${unread.index + 1} (${describeUnread(unread)}): is an mcx state macOS does not read, so Macs do not get these preferences today — nothing was written; move them to Forced in the source (or remove them) and import again`);
  }
  throw new UserError(`${first.fileName}: ${problems[0]!.message} — nothing was written; in the source, ${problems[0]!.fix} (or remove the entry), then import again`);
}

/**
 * jcprofile.json is reviewed and committed, and Jamf's Entra setup is a public client that needs no
 * secret: whatever src/secrets.ts calls a secret (by name, misspelt or not, or by shape, in any
 * key) is refused, named by its key and never shown.
 */
function refuseSecrets(label: string, preferences: Readonly<Record<string, PlistValue>>): void {
  const found = findSecrets(preferences).map(formatPath);
  if (found.length === 0) return;
  const what = found.length === 1 ? `${found[0]}: holds a client secret or another credential (by its name or its shape)` : `${found.join(", ")}: hold client secrets or other credentials (by their names or their shapes)`;
  throw new UserError(
    `${label}: ${what}, which import will not copy into the config (every user of a Mac can read it in the profile) — nothing was written; remove it from the source, and rotate it in Entra ID; Jamf Connect's Entra setup is a public client and needs none`,
  );
}

/** A menu bar payload that holds privilege elevation and nothing else is the privilege elevation profile's. */
function partOf(kind: ProfileKind, preferences: Readonly<Record<string, PlistValue>>): PayloadPart {
  const keys = Object.keys(preferences);
  return kind === "menubar" && keys.length === 1 && keys[0] === ELEVATION_KEY ? "elevation" : kind;
}

