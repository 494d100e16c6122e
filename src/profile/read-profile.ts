import { readInputFile } from "../files/read-file.js";
import { UserError } from "../errors.js";
import { extractCmsContent, looksLikeCms } from "./cms.js";
import { DOMAINS, type Domain } from "./domains.js";
import { formatPath } from "../problem.js";
import { PlistReadError, readPlist, type PlistFormat } from "./plist-read.js";
import type { PlistDict } from "./plist-xml.js";
import { isDict, isProfileDictionary, preferencesAsPayload, unwrapProfile, type MalformedEntry, type OtherPayload, type PreferencePayload, type UnreadEntry } from "./unwrap.js";

/** A Jamf Connect profile (or preferences file) as read from disk, for lint, import, verify and upload. */
export interface ProfileModel {
  readonly fileName: string;
  readonly format: PlistFormat;
  /** CMS-signed: the content was read, the signature was not checked. */
  readonly signed: boolean;
  /** The plist bytes (for a signed profile, the signed content). */
  readonly content: Uint8Array;
  /** `preferences`: a bare preferences file without a profile around it. */
  readonly form: "profile" | "preferences";
  /** The top-level dictionary. */
  readonly root: PlistDict;
  /** The Jamf Connect payloads, in file order (at most one per domain in a well-formed profile). */
  readonly payloads: readonly PreferencePayload[];
  /** Payloads that are not Jamf Connect's, named and otherwise ignored. */
  readonly others: readonly OtherPayload[];
  /** Jamf Connect mcx entries under a state macOS does not read: lint reports them, import refuses them. */
  readonly unread: readonly UnreadEntry[];
  /** Jamf Connect mcx entries not in the shape macOS reads (no preferences read from them): lint reports them, import refuses them. */
  readonly malformed: readonly MalformedEntry[];
  /** What the reader decided on the admin's behalf ("signature not checked", a guessed domain). */
  readonly notes: readonly string[];
}

export interface DomainGuess {
  readonly domain: Domain;
  /** How it was decided, for the note the reader prints. */
  readonly reason: string;
}

export interface ReadProfileOptions {
  /** How messages name the file. */
  readonly fileName: string;
  /** The domain of a bare preferences file; for a profile, read only this domain's payloads. */
  readonly domain?: Domain | undefined;
  /**
   * The domain of bare preferences from their keys, when neither --domain nor the file name gives
   * it: src/catalog/guess-domain.ts, handed in by the caller (the catalogue sits above this reader).
   */
  readonly guessDomain?: ((preferences: PlistDict) => DomainGuess | undefined) | undefined;
}

/** Bytes that are not a Jamf Connect profile: one line naming the file and what it is, exit 2. */
export class ProfileReadError extends UserError {
  /** What the bytes are instead, without the file's name ("is binary data, not a property list"). */
  readonly what: string;

  /** `fix`: advice after the dash (how to get a readable file, or lint's and import's --domain); `what` leaves it out, for verify, which gives its own. */
  constructor(fileName: string, what: string, fix?: string) {
    super(`${fileName}: ${what}${fix === undefined ? "" : ` — ${fix}`}`);
    this.what = what;
  }
}

/**
 * A Jamf Connect profile from which no preferences are read: its every entry (of --domain's domain,
 * when given) is not in the shape macOS reads or is under an mcx state macOS does not read. import
 * refuses it with this error's words; lint and verify report what it holds, from `model`, as lint's
 * mcx-unknown-state and mcx-malformed findings, one per entry.
 */
export class NothingReadError extends ProfileReadError {
  readonly model: ProfileModel;

  constructor(model: ProfileModel, what: string, fix: string) {
    super(model.fileName, what, fix);
    this.model = model;
  }
}

/** A signed profile in PEM armour (`openssl cms -outform PEM`) as its DER bytes; any other file as it is. */
export function withoutPemArmour(bytes: Uint8Array): Uint8Array {
  const pem = /^-----BEGIN (?:PKCS7|CMS)-----([\s\S]*?)-----END (?:PKCS7|CMS)-----/.exec(Buffer.from(bytes.subarray(0, 1 << 20)).toString("latin1").trimStart());
  return pem ? new Uint8Array(Buffer.from(pem[1]!.replace(/\s+/g, ""), "base64")) : bytes;
}

/** The plist bytes of a profile file: the content of a CMS-signed one, else the bytes themselves. */
function profileContent(bytes: Uint8Array): { content: Uint8Array; signed: boolean } {
  const der = withoutPemArmour(bytes);
  if (!looksLikeCms(der)) return { content: bytes, signed: false };
  return { content: extractCmsContent(der), signed: true };
}

export function readProfile(bytes: Uint8Array, options: ReadProfileOptions): ProfileModel {
  const { fileName } = options;
  try {
    const { content, signed } = profileContent(bytes);
    const { value, format } = readPlist(content);
    if (!isDict(value)) throw new PlistReadError(`is a property list whose top level is ${Array.isArray(value) ? "an array" : "a single value"}, not a profile or preferences`);
    const notes = signed ? ["signed profile: content read, signature not checked"] : [];
    const base = { fileName, format, signed, content, root: value };
    if (!isProfileDictionary(value)) return readPreferences(base, notes, options);
    const { payloads: all, others, unread: allUnread, malformed: allMalformed } = unwrapProfile(value);
    const ofDomain = <T extends { domain: Domain }>(list: readonly T[]): T[] => (options.domain === undefined ? [...list] : list.filter((item) => item.domain === options.domain));
    const payloads = ofDomain(all);
    const unread = ofDomain(allUnread);
    const malformed = ofDomain(allMalformed);
    const model: ProfileModel = { ...base, form: "profile", payloads, others, unread, malformed, notes };
    if (payloads.length === 0 && malformed.length > 0) {
      const alsoUnread = unread.length > 0 ? `; and under an mcx state macOS does not read: ${unread.map(describeUnread).join(", ")}` : "";
      throw new NothingReadError(model, `is a configuration profile whose Jamf Connect preferences are not in the shape macOS reads (${malformed.map(describeMalformed).join(", ")}${alsoUnread}), so none are read from it`, mcxShapeFix(new Set([...malformed, ...unread].map((entry) => entry.domain)).size === 1 ? malformed[0]!.domain : "the domain"));
    }
    if (payloads.length === 0 && unread.length > 0) {
      throw new NothingReadError(model, `is a configuration profile whose Jamf Connect preferences are under an mcx state macOS does not read (${unread.map(describeUnread).join(", ")}), so they set nothing`, "move them to Forced");
    }
    // After those two: a --domain whose entries are only badly formed or unread is held, and said so above.
    const domainsHeld = [...new Set([...all, ...allMalformed, ...allUnread].map((entry) => entry.domain))];
    if (payloads.length === 0 && domainsHeld.length > 0) {
      throw new PlistReadError(`is a configuration profile without a ${options.domain} payload (it has ${domainsHeld.join(", ")}) — leave out --domain or give that domain`);
    }
    if (payloads.length === 0) {
      const held = others.length === 0 ? "no payloads" : others.map(describeOther).join(", ");
      throw new PlistReadError(`is a configuration profile without a Jamf Connect payload (it holds ${held})`);
    }
    return model;
  } catch (error) {
    if (error instanceof PlistReadError) throw new ProfileReadError(fileName, error.message, error.fix);
    throw error;
  }
}

/**
 * Reads a file from disk through readInputFile (regular files up to 10 MB: a FIFO or a device never
 * hangs); a missing or unreadable file is a ProfileReadError too.
 */
export function readProfileFile(path: string, options: ReadProfileOptions): ProfileModel {
  const read = readInputFile(path);
  if ("reason" in read) throw new ProfileReadError(options.fileName, read.code === "EISDIR" ? "is a folder, not a profile" : read.reason, read.fix);
  return readProfile(read.bytes, options);
}

function readPreferences(
  base: Pick<ProfileModel, "fileName" | "format" | "signed" | "content" | "root">,
  notes: string[],
  options: ReadProfileOptions,
): ProfileModel {
  const root = base.root;
  if (Object.keys(root).length === 0) throw new PlistReadError("is an empty property list, neither a profile nor Jamf Connect preferences");
  let domain = options.domain;
  if (domain === undefined) {
    const guess = domainFromFileName(base.fileName) ?? options.guessDomain?.(root);
    if (guess === undefined) {
      throw new ProfileReadError(
        base.fileName,
        "is a property list that is neither a configuration profile nor recognisably Jamf Connect preferences",
        "if it holds preferences, give --domain com.jamf.connect.login or --domain com.jamf.connect",
      );
    }
    domain = guess.domain;
    notes.push(`preferences file: domain ${domain} ${guess.reason} (give --domain to set it)`);
  }
  return { ...base, form: "preferences", payloads: [preferencesAsPayload(domain, root)], others: [], unread: [], malformed: [], notes };
}

/** A preferences file macOS wrote is named after its domain (`com.jamf.connect.login.plist`). */
function domainFromFileName(fileName: string): DomainGuess | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const named = DOMAINS.find((domain) => base === `${domain}.plist`);
  return named !== undefined ? { domain: named, reason: "from the file name" } : undefined;
}

/** `com.jamf.connect: "Often"`, for messages. */
export function describeUnread(entry: UnreadEntry): string {
  return `${entry.domain}: ${JSON.stringify(entry.state)}`;
}

/** `com.jamf.connect: Forced is a dictionary, not an array of dictionaries`, for messages; `PayloadContent holding com.jamf.connect is an array, …` for the payload's own. */
export function describeMalformed(entry: MalformedEntry): string {
  const [domain, ...inside] = entry.path;
  const where = domain === undefined ? `PayloadContent holding ${entry.domain}` : inside.length === 0 ? `${domain}` : `${domain}: ${formatPath(inside)}`;
  return `${where} ${shapeWords(entry)}`;
}

/** "is missing", "is a dictionary, not an array of dictionaries", "is a string, … (the same for 2 more items of Forced)". */
export function shapeWords(entry: Pick<MalformedEntry, "found" | "expected" | "alike" | "path">): string {
  const words = entry.found === "missing" ? "is missing" : `is ${entry.found}, not ${entry.expected}`;
  if (entry.alike === 0) return words;
  return `${words} (the same for ${entry.alike.toLocaleString("en-US")} more item${entry.alike === 1 ? "" : "s"} of ${String(entry.path[1])})`;
}

/** The shape macOS reads, as the fix for an entry of `domain` that is not in it. */
export function mcxShapeFix(domain: string): string {
  return `write the shape macOS reads: PayloadContent → ${domain} → Forced → an array of dictionaries, each holding the preferences in a mcx_preference_settings dictionary`;
}

export function describeOther(other: OtherPayload): string {
  const name = other.displayName !== undefined ? ` "${other.displayName}"` : "";
  return other.domain !== undefined ? `${other.type} for ${other.domain}${name}` : `${other.type}${name}`;
}
