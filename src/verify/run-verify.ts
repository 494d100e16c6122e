import type { X509Certificate } from "node:crypto";
import { isUserError } from "../errors.js";
import { looksLikeCms } from "../profile/cms.js";
import { withoutPemArmour } from "../profile/read-profile.js";
import { DamagedCertificateError, readCertificateFacts } from "../signing/certificate-facts.js";
import { bundledRoots, checkChain, checkValidity, isoOf, oneLine } from "../signing/chain.js";
import { checkSignature } from "./check-signature.js";
import { NotSignedDataError, readSignedMessage } from "../signing/cms-read.js";
import { checkDrift, type DriftCheck } from "./drift.js";
import { readInput, readPemCertificates } from "../signing/identity.js";
import { mcxEntryProblems, readProfileContent } from "./profile-content.js";
import { loadAndRender } from "../project/load-and-render.js";
import { messageAndFix, wholeError, type Problem } from "../problem.js";
import { appendAll } from "../append.js";

export interface VerifyOptions {
  cwd: string;
  files: readonly string[];
  /** With config or envs, each file's content is compared with what the config builds now. */
  config?: string;
  envs?: readonly string[];
  ca?: string;
  now?: Date;
}

export interface FileVerdict {
  file: string;
  /** False when the file cannot be checked at all (missing, truncated, not a profile): see problems; exit 2. */
  readable: boolean;
  signed: boolean;
  signer?: { subject: string; issuer: string; serial: string; validFrom: string; validTo: string };
  signingTime?: string;
  signatureValid: boolean;
  /** False when jcprofile cannot tell (two signers, RSA-PSS, MD5): the signature is neither valid nor proven invalid. */
  signatureCheckable: boolean;
  trusted: boolean;
  /** Subjects from the signer up to the trust anchor (or as far as the chain goes). */
  chain: string[];
  certificatesInFile: number;
  timeValid: boolean;
  jamfConnect: boolean;
  identifier?: string;
  drift?: DriftCheck;
  /** Every reason the file is not valid (each an error with a code), empty when it is; `readable: false` has code `unreadable`. */
  problems: Problem[];
  valid: boolean;
}

export async function runVerify(options: VerifyOptions): Promise<FileVerdict[]> {
  const anchors = options.ca !== undefined ? readPemCertificates(options.cwd, options.ca, "--ca") : bundledRoots();
  // Rendered once, before any file is judged: a config error is a usage error (exit 2).
  const built = options.config !== undefined || (options.envs?.length ?? 0) > 0 ? loadAndRender(options).profiles : undefined;
  const verdicts: FileVerdict[] = [];
  // Each file is judged on its own: one that cannot be read is reported, and the others still are.
  for (const file of options.files) {
    const bytes = readOne(options.cwd, file);
    if (!Buffer.isBuffer(bytes)) {
      verdicts.push({ ...emptyVerdict(file), readable: false, problems: [bytes] });
      continue;
    }
    const verdict = verifyOne(file, bytes, anchors, options.now ?? new Date());
    if (built && verdict.content && verdict.profile) {
      const drift = checkDrift(built, verdict.content, verdict.profile);
      verdict.result.drift = drift.check;
      if (drift.problem) verdict.result.problems.push(drift.problem);
    }
    verdict.result.valid = verdict.result.readable && verdict.result.problems.length === 0;
    verdicts.push(verdict.result);
  }
  return verdicts;
}

/** The file's bytes (a PEM-armoured signed profile unwrapped), or why it cannot be read. */
function readOne(cwd: string, file: string): Buffer | Problem {
  try {
    return Buffer.from(withoutPemArmour(readInput(cwd, file, "verify")));
  } catch (error) {
    if (!isUserError(error)) throw error;
    const text = error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message;
    // The reader's one sentence, "what — fix", split as every such wording is: the text shown stays the same.
    const { message, fix } = messageAndFix(text);
    return wholeError("unreadable", message, fix);
  }
}

function emptyVerdict(file: string): FileVerdict {
  // Every key in its place from the start, so --json always lists them in this order.
  return {
    file,
    readable: true,
    valid: false,
    signed: false,
    signer: undefined,
    signingTime: undefined,
    signatureValid: false,
    signatureCheckable: true,
    trusted: false,
    chain: [],
    certificatesInFile: 0,
    timeValid: false,
    jamfConnect: false,
    identifier: undefined,
    drift: undefined,
    problems: [],
  };
}

function verifyOne(file: string, bytes: Buffer, anchors: readonly X509Certificate[], now: Date) {
  const result = emptyVerdict(file);
  let content: Buffer | undefined;
  if (!looksLikeCms(bytes)) {
    content = bytes;
    result.problems.push(wholeError("unsigned", "not signed"));
  } else {
    try {
      const message = readSignedMessage(bytes);
      content = message.content;
      result.signed = true;
      result.certificatesInFile = message.certificates.length;
      if (message.signer.signingTime) result.signingTime = message.signer.signingTime.toISOString();
      const signature = checkSignature(message, readCertificateFacts);
      result.signatureValid = signature.valid;
      result.signatureCheckable = signature.checkable;
      if (signature.problem) result.problems.push(signature.problem);
      if (signature.signer) {
        const cert = signature.signer;
        result.signer = {
          subject: oneLine(cert.subject),
          issuer: oneLine(cert.issuer),
          serial: cert.serialNumber,
          validFrom: isoOf(cert.validFrom),
          validTo: isoOf(cert.validTo),
        };
        const chain = checkChain(cert, message.certificates, anchors);
        result.chain = chain.path.map((link) => oneLine(link.subject));
        result.trusted = chain.trusted;
        if (chain.problem) result.problems.push(wholeError("untrusted", `untrusted: ${chain.problem}`, chain.fix));
        const expired = checkValidity(chain.path, now);
        result.timeValid = expired === undefined;
        if (expired) result.problems.push(wholeError(expired.code, expired.message));
      }
    } catch (error) {
      if (!(error instanceof NotSignedDataError || error instanceof DamagedCertificateError)) throw error;
      if (error instanceof NotSignedDataError && error.damaged) {
        const damaged = wholeError("unreadable", `cannot be read: a truncated or damaged signed profile (${error.message})`, "sign it again, or copy it again in binary mode");
        return { result: { ...result, readable: false, problems: [damaged] } };
      }
      result.problems.push(wholeError("signed-data-unreadable", `not a readable signed profile: ${error.message}`));
      return { result };
    }
  }
  const profile = readProfileContent(content, file);
  result.jamfConnect = profile.problem === undefined;
  if (profile.identifier !== undefined) result.identifier = profile.identifier;
  if (profile.problem) {
    if (!result.signed) {
      const neither = wholeError("unreadable", `cannot be read: neither a signed profile nor a Jamf Connect profile (${profile.problem})`, "pass a .mobileconfig written by jcprofile sign or build");
      return { result: { ...result, readable: false, problems: [neither] } };
    }
    result.problems.push(wholeError("not-jamf-connect", profile.problem));
  }
  appendAll(result.problems, mcxEntryProblems(profile));
  return { result, content, profile };
}
