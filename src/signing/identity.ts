import { createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";
import { resolve } from "node:path";
import { readInputFile } from "../files/read-file.js";
import { UserError } from "../errors.js";
import { DamagedCertificateError, readCertificateFacts, sameCertificate, type CertificateFacts } from "./certificate-facts.js";
import { signatureAlgorithm } from "./cms-sign.js";
import { loadForge, type Forge } from "./forge.js";
import { issued, missingIssuer, oneLine } from "./chain.js";
import { looksLikePkcs12, openPkcs12, parsePkcs12, type Pkcs12Contents, type Pkcs12Structure } from "./pkcs12.js";

/** Where the signing certificate and key come from, as the admin named them. */
export type IdentitySource =
  | { kind: "pkcs12"; identity: string; chain?: string }
  | { kind: "pem"; cert: string; key: string; chain?: string };

export interface SigningIdentity {
  certificate: X509Certificate;
  facts: CertificateFacts;
  key: KeyObject;
  /** Other certificates to embed: the PKCS#12's own, then --chain's (without duplicates). */
  chain: X509Certificate[];
  /** The file the certificate came from, as the admin named it. */
  shown: string;
  /** What the admin should know about the choice made: a second identity not used, a --chain certificate that issues nothing. */
  warnings: string[];
}

/** Asked only when a password is needed (a PKCS#12, an encrypted PEM key); never logged. */
export type PasswordReader = (forFile: string) => Promise<string>;

export async function loadIdentity(cwd: string, source: IdentitySource, readPassword: PasswordReader): Promise<SigningIdentity> {
  const loaded = source.kind === "pkcs12" ? await loadPkcs12(cwd, source.identity, readPassword) : await loadPem(cwd, source, readPassword);
  const extra = source.chain !== undefined ? readPemCertificates(cwd, source.chain, "--chain") : [];
  const chain = [...loaded.chain, ...extra].filter(
    (cert, index, all) => !sameCertificate(cert, loaded.certificate) && all.findIndex((other) => sameCertificate(other, cert)) === index,
  );
  if (!signatureAlgorithm(loaded.key)) {
    throw new UserError(`${loaded.shown}: the key is ${loaded.key.asymmetricKeyType}, which cannot sign profiles here — use an RSA or ECDSA signing identity`);
  }
  const shown = source.kind === "pkcs12" ? source.identity : source.cert;
  const warnings = [...loaded.warnings, ...unrelatedChain(loaded.certificate, chain, extra, source.chain), ...incompleteChain(loaded.certificate, chain, shown, source.kind)];
  let facts: CertificateFacts;
  try {
    facts = readCertificateFacts(loaded.certificate);
  } catch (error) {
    if (!(error instanceof DamagedCertificateError)) throw error;
    throw new UserError(`${shown}: ${error.message} — export the signing identity again`);
  }
  return { certificate: loaded.certificate, facts, key: loaded.key, chain, shown, warnings };
}

/**
 * --chain certificates that issue neither the signer nor another certificate on its way up: they
 * are embedded as asked, but a Mac cannot use them, and the intermediate meant is likely missing.
 */
function unrelatedChain(signer: X509Certificate, chain: readonly X509Certificate[], extra: readonly X509Certificate[], file: string | undefined): string[] {
  const onPath = [signer];
  for (let grew = true; grew; ) {
    grew = false;
    for (const cert of chain) {
      if (!onPath.includes(cert) && onPath.some((below) => issued(cert, below))) {
        onPath.push(cert);
        grew = true;
      }
    }
  }
  return extra
    .filter((cert) => chain.includes(cert) && !onPath.includes(cert))
    .map((cert) => `${file}: ${oneLine(cert.subject)} issues neither the signing certificate (${oneLine(signer.subject)}) nor another certificate of its chain — it is embedded, but pass the intermediate that issued ${oneLine(signer.issuer)} instead`);
}

/**
 * A signer whose issuer is in neither the identity nor --chain signs (the Mac may hold the
 * intermediate), but openssl and verify cannot build the chain, and a Mac without it shows
 * "Unverified": say which certificate is missing and how to add it.
 */
function incompleteChain(signer: X509Certificate, chain: readonly X509Certificate[], shown: string, kind: IdentitySource["kind"]): string[] {
  const gap = missingIssuer(signer, chain);
  if (gap === undefined) return [];
  const whose = gap === signer ? "the signing certificate" : oneLine(gap.subject);
  const orExport = kind === "pkcs12" ? ", or export the .p12 with its intermediate" : "";
  return [
    `${shown}: the issuer of ${whose} (${oneLine(gap.issuer)}) is neither in ${shown} nor in --chain: openssl and jcprofile verify cannot build its chain to a root, and a Mac that lacks it shows the profile as "Unverified" — pass the issuing CA's certificate (and any CA above it but the root) with --chain CHAIN.pem${orExport}`,
  ];
}

interface Loaded {
  certificate: X509Certificate;
  key: KeyObject;
  chain: X509Certificate[];
  shown: string;
  warnings: string[];
}

async function loadPkcs12(cwd: string, file: string, readPassword: PasswordReader): Promise<Loaded> {
  const bytes = readInput(cwd, file, "--identity");
  const forge = await loadForge();
  // Not a PKCS#12 at all is said before any password is asked.
  const structure = parsePkcs12(forge, bytes, file);
  // A PKCS#12 exported without a password opens with the empty one: nothing to ask for.
  const contents = openWithoutPassword(forge, structure, file) ?? openPkcs12(forge, structure, await readPassword(file), file);
  if (contents.keys.length === 0) {
    throw new UserError(`${file}: this PKCS#12 holds no private key — export the identity (certificate with its key) from Keychain Access as .p12, not the certificate alone`);
  }
  const identities = contents.keys.flatMap((key) => {
    const certificate = contents.certificates.find((cert) => cert.checkPrivateKey(key));
    return certificate !== undefined ? [{ key, certificate }] : [];
  });
  const [first] = identities;
  if (first === undefined) throw new UserError(`${file}: its private key belongs to none of its certificates — export the signing identity again, certificate and key together`);
  const warnings =
    identities.length > 1
      ? [`${file}: holds ${identities.length} identities (${identities.map((identity) => oneLine(identity.certificate.subject)).join("; ")}) — signing with the first; export only the one to sign with to choose another`]
      : [];
  return { certificate: first.certificate, key: first.key, chain: contents.certificates.filter((cert) => cert !== first.certificate), shown: file, warnings };
}

/** The contents when the PKCS#12 opens with the empty password, else undefined: a password is needed. */
function openWithoutPassword(forge: Forge, structure: Pkcs12Structure, file: string): Pkcs12Contents | undefined {
  try {
    return openPkcs12(forge, structure, "", file);
  } catch {
    return undefined;
  }
}

async function loadPem(cwd: string, source: Extract<IdentitySource, { kind: "pem" }>, readPassword: PasswordReader): Promise<Loaded> {
  const [certificate, ...chain] = readPemCertificates(cwd, source.cert, "--cert");
  const keyText = readPem(cwd, source.key, "--key").text;
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(keyText)) {
    throw new UserError(`${source.key}: not a PEM private key — pass the key as PEM ("-----BEGIN PRIVATE KEY-----"), e.g. convert with: openssl pkey -in key.der -inform DER -out key.pem`);
  }
  const encrypted = /ENCRYPTED/.test(keyText);
  const passphrase = encrypted ? await readPassword(source.key) : undefined;
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: keyText, format: "pem", ...(passphrase !== undefined && { passphrase }) });
  } catch {
    throw new UserError(
      encrypted
        ? `${source.key}: wrong password for this encrypted key — check the password (JCPROFILE_SIGNING_PASSWORD, --password-stdin or the prompt)`
        : `${source.key}: the private key cannot be read — pass an unmodified PEM private key`,
    );
  }
  if (!certificate!.checkPrivateKey(key)) {
    throw new UserError(`${source.key}: this key does not belong to the certificate in ${source.cert} — pass the key that was created with that certificate`);
  }
  return { certificate: certificate!, key, chain, shown: source.key, warnings: [] };
}

/** Every certificate in a PEM file, in order; at least one. */
export function readPemCertificates(cwd: string, file: string, flag: string): X509Certificate[] {
  const { text, bytes } = readPem(cwd, file, flag);
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0 && flag === "--cert" && looksLikePkcs12(bytes)) {
    throw new UserError(`${file}: no PEM certificate in it — it is a PKCS#12 (.p12) file: pass it with --identity ${file} instead of --cert and --key`);
  }
  if (blocks.length === 0) {
    throw new UserError(`${file}: no PEM certificate in it — ${flag} takes a PEM file ("-----BEGIN CERTIFICATE-----"); convert DER with: openssl x509 -inform DER -in cert.cer -out cert.pem`);
  }
  return blocks.map((block) => {
    try {
      return new X509Certificate(block);
    } catch {
      throw new UserError(`${file}: a certificate in it is damaged — export it again as PEM`);
    }
  });
}

/** A PEM file's text. PEM is ASCII; Windows tools sometimes save it as UTF-16, which would read as "no PEM in it". */
function readPem(cwd: string, file: string, flag: string): { text: string; bytes: Buffer } {
  const bytes = readInput(cwd, file, flag);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UserError(`${file}: is UTF-16 text — ${flag} takes PEM saved as plain ASCII/UTF-8 (e.g. iconv -f UTF-16 -t UTF-8 ${file} > fixed.pem)`);
  }
  return { text: bytes.toString("utf8"), bytes };
}

/** A file the admin named: only a regular, non-empty file up to 10 MB (a FIFO or /dev/zero would hang). */
export function readInput(cwd: string, file: string, flag: string): Buffer {
  const read = readInputFile(resolve(cwd, file));
  if ("reason" in read) {
    // A path that fails to open is named by its errno, as before; a refused kind of file says what it is.
    const what = ["ENOENT", "EACCES", "EPERM", "ENOTDIR"].includes(read.code) ? `cannot be read (${read.code})` : read.reason;
    throw new UserError(`${file}: ${what} — ${read.fix ?? `check the path given to ${flag}`}`);
  }
  if (read.bytes.length === 0) throw new UserError(`${file}: is empty — check the path given to ${flag}`);
  return read.bytes;
}
