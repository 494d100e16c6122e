/**
 * A throwaway PKI made in the test run from the committed test-only keys in keys/ (certificates
 * and files are made anew, so their dates follow the clock of the run, real or moved): a root CA, an intermediate, signing
 * certificates good and bad, and identity files in the forms admins bring — PKCS#12 in the legacy
 * 3DES/SHA-1 form (Keychain Access), in AES form (forge, and OpenSSL 3's own when openssl is
 * installed), and PEM with an encrypted key. Signatures come from node:crypto (fast); forge lays
 * out the certificates and writes the PKCS#12 files.
 */
import { execFileSync } from "node:child_process";
import { createPrivateKey, sign } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { pki } from "node-forge";
import { afterAll, beforeAll } from "vitest";
import { copyExample, tempDir } from "../folders.js";
import { testKeyPath } from "./keys.js";

// node-forge is CommonJS with no named exports node can see; require it as the product's loader does.
const forge = createRequire(import.meta.url)("node-forge") as typeof import("node-forge");

const DAY = 86_400_000;

export interface Made {
  cert: pki.Certificate;
  key: pki.rsa.PrivateKey;
  certPem: string;
  keyPem: string;
}

let serial = 1;

/** One of the committed test keys (keys/README.md): generating them cost each test process about a second. */
function readKey(name: string): { key: pki.rsa.PrivateKey; publicKey: pki.rsa.PublicKey; keyPem: string } {
  const keyPem = readFileSync(testKeyPath(name), "utf8");
  const key = forge.pki.privateKeyFromPem(keyPem) as pki.rsa.PrivateKey;
  return { key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e), keyPem };
}

export function makeCertificate(options: {
  name: string;
  /** Its key, by file name in keys/ (2048 bits for the chain and the signer, 1024 for certificates tested only for validity or usage). */
  key: string;
  issuer?: Made;
  ca?: boolean;
  /** The instant the default validity (a day before to a year after) is counted from. */
  at: number;
  notBefore?: Date;
  notAfter?: Date;
  digitalSignature?: boolean;
}): Made {
  const { key, publicKey, keyPem } = readKey(options.key);
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = (serial++).toString(16).padStart(4, "0");
  cert.validity.notBefore = options.notBefore ?? new Date(options.at - DAY);
  cert.validity.notAfter = options.notAfter ?? new Date(options.at + 365 * DAY);
  const subject = [{ name: "commonName", value: options.name }, { name: "organizationName", value: "jcprofile tests" }];
  cert.setSubject(subject);
  cert.setIssuer(options.issuer ? options.issuer.cert.subject.attributes : subject);
  const extensions: object[] = [{ name: "basicConstraints", cA: options.ca ?? false }];
  if (options.ca) extensions.push({ name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true });
  else extensions.push({ name: "keyUsage", digitalSignature: options.digitalSignature ?? true, keyEncipherment: true });
  cert.setExtensions(extensions);
  signCertificate(cert, options.issuer?.keyPem ?? keyPem);
  return { cert, key, certPem: forge.pki.certificateToPem(cert), keyPem };
}

/** What forge's cert.sign(key, sha256) does, with node:crypto's RSA instead of forge's pure-JS one (10x faster). */
function signCertificate(cert: pki.Certificate, issuerKeyPem: string): void {
  cert.md = forge.md.sha256.create();
  cert.signatureOid = cert.siginfo.algorithmOid = forge.pki.oids["sha256WithRSAEncryption"]!;
  // getTBSCertificate is public in forge but missing from its type definitions.
  cert.tbsCertificate = (forge.pki as unknown as { getTBSCertificate(cert: pki.Certificate): import("node-forge").asn1.Asn1 }).getTBSCertificate(cert);
  const tbs = Buffer.from(forge.asn1.toDer(cert.tbsCertificate).getBytes(), "binary");
  cert.signature = sign("sha256", tbs, issuerKeyPem).toString("binary");
}

/**
 * `count` is the key derivation's iteration count: 2048 (forge's default, as Keychain Access
 * writes) unless a test is about something else; each iteration costs time in forge's pure JS, when
 * the file is made and again each time jcprofile reads it.
 */
export function pkcs12(key: Made | null, certs: Made[], password: string, algorithm: "3des" | "aes256", count = 2048): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(key?.key ?? null, certs.map((made) => made.cert), password, { algorithm, count, friendlyName: "jcprofile test" });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
}

/** One probe for openssl, shared with the CMS fixtures. */
export { hasOpenssl } from "../profiles/openssl.js";

export const PASSWORD = "S3ntinel-Pa55-jcprofile-9f2c";

type Pki = { root: Made; intermediate: Made; signer: Made; madeAt: Date; files: [string, string | Buffer][] };
/** Made once per test process: forge's pure-JS PKCS#12 still costs a few hundred ms of CPU a PKI. */
let made: Pki | undefined;

/** Writes every identity file the tests use into `dir`; returns the PKI for further checks. */
export function writePki(dir: string): Omit<Pki, "files"> {
  made ??= makePki(Date.now());
  for (const [name, data] of made.files) writeFileSync(join(dir, name), data);
  return { root: made.root, intermediate: made.intermediate, signer: made.signer, madeAt: made.madeAt };
}

/**
 * The instant every certificate's dates are counted from: the clock of this test process when the
 * PKI was made (a moved clock moves it too). A test that pins the clock it hands to sign or verify
 * takes it from here, so the certificates and that clock never disagree, on any day.
 */
export function pkiTime(): Date {
  if (made === undefined) throw new Error("pkiTime() before writePki(): call it inside a test, after usePkiDir's beforeAll");
  return made.madeAt;
}

function makePki(at: number): Pki {
  const root = makeCertificate({ name: "jcprofile Test Root CA", key: "root", ca: true, at, notAfter: new Date(at + 3650 * DAY) });
  const intermediate = makeCertificate({ name: "jcprofile Test Intermediate", key: "intermediate", ca: true, issuer: root, at });
  const signer = makeCertificate({ name: "Contoso Profile Signing", key: "signer", issuer: intermediate, at });
  // These are refused or warned about for their dates, issuer or key usage, never their key size.
  const expired = makeCertificate({ name: "Expired Signing", key: "expired", issuer: intermediate, at, notBefore: new Date(at - 60 * DAY), notAfter: new Date(at - DAY) });
  const future = makeCertificate({ name: "Future Signing", key: "future", issuer: intermediate, at, notBefore: new Date(at + 10 * DAY), notAfter: new Date(at + 400 * DAY) });
  const soon = makeCertificate({ name: "Soon Expiring Signing", key: "soon", issuer: intermediate, at, notAfter: new Date(at + 10 * DAY) });
  const selfSigned = makeCertificate({ name: "Self-Signed Signing", key: "self-signed", at });
  const noSignatureUsage = makeCertificate({ name: "Encryption Only", key: "encryption-only", issuer: intermediate, at, digitalSignature: false });
  const files: Pki["files"] = [];
  const write = (name: string, data: string | Buffer) => files.push([name, data]);
  write("root.pem", root.certPem);
  write("intermediate.pem", intermediate.certPem);
  write("signer.pem", signer.certPem);
  write("signer-key.pem", signer.keyPem);
  write("signer-key-encrypted.pem", encryptKey(signer.keyPem));
  write("other-key.pem", expired.keyPem);
  write("legacy.p12", pkcs12(signer, [signer, intermediate], PASSWORD, "3des"));
  write("forge-aes.p12", pkcs12(signer, [signer, intermediate], PASSWORD, "aes256"));
  // legacy.p12 and forge-aes.p12 above carry the real iteration count; these are about their contents.
  const FEW = 16;
  write("no-key.p12", pkcs12(null, [signer, intermediate], PASSWORD, "3des", FEW));
  write("expired.p12", pkcs12(expired, [expired, intermediate], PASSWORD, "3des", FEW));
  write("future.p12", pkcs12(future, [future, intermediate], PASSWORD, "3des", FEW));
  write("soon.p12", pkcs12(soon, [soon, intermediate], PASSWORD, "3des", FEW));
  write("self-signed.p12", pkcs12(selfSigned, [selfSigned], PASSWORD, "3des", FEW));
  write("no-signature-usage.p12", pkcs12(noSignatureUsage, [noSignatureUsage, intermediate], PASSWORD, "3des", FEW));
  return { root, intermediate, signer, madeAt: new Date(at), files };
}

/**
 * PKCS#8 "ENCRYPTED PRIVATE KEY" (PBES2, AES-256-CBC), as `openssl pkcs8 -topk8` writes it; made
 * with node:crypto, not forge's pure-JS PBKDF2.
 */
function encryptKey(pem: string): string {
  return createPrivateKey(pem).export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: PASSWORD }) as string;
}

/** OpenSSL 3's own default PKCS#12 (PBES2, AES-256-CBC, PBKDF2-HMAC-SHA256, SHA-256 MAC). */
export function writeOpensslPkcs12(pkiDir: string, outDir: string): string {
  const dir = pkiDir;
  const out = join(outDir, "openssl3.p12");
  execFileSync("openssl", [
    "pkcs12", "-export", "-in", join(dir, "signer.pem"), "-inkey", join(dir, "signer-key.pem"),
    "-certfile", join(dir, "intermediate.pem"), "-out", out, "-passout", "env:P12_PASSWORD",
  ], { env: { ...process.env, P12_PASSWORD: PASSWORD }, stdio: ["ignore", "ignore", "pipe"] });
  return out;
}

/**
 * The hooks of a test file that shares one PKI folder: made and written once before its tests
 * (with the shipped example copied in too when `example` is set), handed to `use`, removed after.
 *
 *   let pkiDir: string;
 *   usePkiDir((made) => (pkiDir = made), { prefix: "jcprofile-pki-" });
 */
export function usePkiDir(use: (dir: string) => void, options: { prefix?: string; example?: boolean } = {}): void {
  let cleanup = () => {};
  beforeAll(() => {
    const made = tempDir(options.prefix);
    cleanup = made.cleanup;
    writePki(made.dir);
    if (options.example === true) copyExample(made.dir);
    use(made.dir);
  });
  afterAll(() => cleanup());
}
