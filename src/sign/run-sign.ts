import { basename, dirname, join } from "node:path";
import { writeIntoFolder } from "../files/locked-write.js";
import { displayPath, outputFolder } from "../project/read-config-file.js";
import { loadAndRender } from "../project/load-and-render.js";
import { formatProblem } from "../problem.js";
import { isSelfSigned } from "../signing/certificate-facts.js";
import { dateOf, oneLine } from "../signing/chain.js";
import { encodeSignedData } from "../signing/cms-sign.js";
import { refuseUnusable } from "./identity-checks.js";
import { loadIdentity, type IdentitySource, type PasswordReader } from "../signing/identity.js";
import { appendAll } from "../append.js";

export interface SignOptions {
  cwd: string;
  config?: string;
  envs?: readonly string[];
  out?: string;
  identity: IdentitySource;
  readPassword: PasswordReader;
  now?: Date;
}

export interface SignResult {
  files: string[];
  warnings: string[];
}

const EXPIRY_WARNING_DAYS = 30;

/**
 * render (as build) → load and check the identity → sign every profile in memory → write all
 * files at once. Any refusal comes before the first byte is written.
 */
export async function runSign(options: SignOptions): Promise<SignResult> {
  const now = options.now ?? new Date();
  const { profiles, warnings: found, source } = loadAndRender(options);
  const warnings = found.map(formatProblem);
  const identity = await loadIdentity(options.cwd, options.identity, options.readPassword);
  refuseUnusable(identity.certificate, identity.shown, now);
  appendAll(warnings, identity.warnings);
  appendAll(warnings, identityWarnings(identity.certificate, identity.facts.digitalSignature, now));
  const outDir = outputFolder(options.cwd, options.out, source);
  const files = profiles.map((profile) => {
    const path = join(outDir, dirname(profile.relativePath), "signed", basename(profile.relativePath));
    const bytes = encodeSignedData({
      content: Buffer.from(profile.text, "utf8"),
      signer: identity.certificate,
      signerFacts: identity.facts,
      key: identity.key,
      chain: identity.chain,
      signingTime: now,
    });
    return { path, displayPath: displayPath(options.cwd, path), bytes };
  });
  await writeIntoFolder(outDir, files, { displayPath: displayPath(options.cwd, outDir) });
  return { files: files.map((file) => file.displayPath), warnings };
}

function identityWarnings(certificate: import("node:crypto").X509Certificate, digitalSignature: boolean | undefined, now: Date): string[] {
  const warnings: string[] = [];
  const subject = oneLine(certificate.subject);
  if (isSelfSigned(certificate)) {
    warnings.push(`the signing certificate (${subject}) is self-signed: Macs show these profiles as "Unverified" unless they trust it — use a certificate from your organisation's CA or Jamf Pro's`);
  }
  if (digitalSignature === false) {
    warnings.push(`the signing certificate (${subject}) lacks the digital signature key usage: macOS may refuse the signature — use a certificate issued for signing`);
  }
  const days = Math.floor((dateOf(certificate.validTo).getTime() - now.getTime()) / 86_400_000);
  if (days < EXPIRY_WARNING_DAYS) {
    warnings.push(`the signing certificate (${subject}) expires in ${days} day${days === 1 ? "" : "s"} (${dateOf(certificate.validTo).toISOString().slice(0, 10)}): renew it and sign again before then`);
  }
  return warnings;
}
