import type { X509Certificate } from "node:crypto";
import { children, encodeAsn1, isContext, parseAsn1, readOid, type Forge } from "./forge.js";

/** What node's X509Certificate does not expose: the issuer and serial as DER, and the key usage bits. */
export interface CertificateFacts {
  issuerDer: Buffer;
  serialDer: Buffer;
  /** undefined when the certificate has no key usage extension (then any use is allowed). */
  digitalSignature: boolean | undefined;
}

const KEY_USAGE = "2.5.29.15";

/** A certificate node:crypto accepted but whose parts forge's strict reader cannot (a damaged extension, say). */
export class DamagedCertificateError extends Error {}

export function readCertificateFacts(forge: Forge, certificate: X509Certificate): CertificateFacts {
  try {
    const tbs = children(children(parseAsn1(forge, certificate.raw))[0]);
    const offset = isContext(tbs[0], 0) ? 1 : 0;
    const serial = tbs[offset];
    const issuer = tbs[offset + 2];
    if (!serial || !issuer) throw new Error("no serial or issuer");
    return { serialDer: encodeAsn1(forge, serial), issuerDer: encodeAsn1(forge, issuer), digitalSignature: digitalSignature(forge, tbs) };
  } catch (error) {
    throw new DamagedCertificateError(`a certificate in it is damaged (${error instanceof Error ? error.message : String(error)})`);
  }
}

function digitalSignature(forge: Forge, tbs: ReturnType<typeof children>): boolean | undefined {
  const extensions = children(children(tbs.find((node) => isContext(node, 3)))[0]);
  for (const extension of extensions) {
    const parts = children(extension);
    if (readOid(forge, parts[0]) !== KEY_USAGE) continue;
    const value = parts[parts.length - 1]?.value;
    if (typeof value !== "string") return undefined;
    const bitString = parseAsn1(forge, Buffer.from(value, "binary"));
    const bits = typeof bitString.value === "string" ? Buffer.from(bitString.value, "binary") : Buffer.alloc(0);
    // bits[0] counts the unused bits; digitalSignature is the first (most significant) bit.
    return ((bits[1] ?? 0) & 0x80) !== 0;
  }
  return undefined;
}

/** Same certificate, by its SHA-256 fingerprint. */
export const sameCertificate = (a: X509Certificate, b: X509Certificate): boolean => a.fingerprint256 === b.fingerprint256;

/** Signed by its own key. Not checkIssued: that also wants keyCertSign, which a self-made signing certificate lacks. */
export function isSelfSigned(certificate: X509Certificate): boolean {
  return certificate.subject === certificate.issuer && certificate.verify(certificate.publicKey);
}
