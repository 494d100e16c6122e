import type { X509Certificate } from "node:crypto";
import { Asn1Error, contentOf, isContext, readAsn1, readOid, toDer, TAG, type Element } from "../asn1/ber.js";

/** What node's X509Certificate does not expose: the issuer and serial as DER, and the key usage bits. */
export interface CertificateFacts {
  issuerDer: Buffer;
  serialDer: Buffer;
  /** undefined when the certificate has no key usage extension (then any use is allowed). */
  digitalSignature: boolean | undefined;
}

const KEY_USAGE = "2.5.29.15";

/** A certificate node:crypto accepted but whose parts the ASN.1 reader cannot read (a damaged extension, say). */
export class DamagedCertificateError extends Error {}

export function readCertificateFacts(certificate: X509Certificate): CertificateFacts {
  try {
    const tbs = readAsn1(certificate.raw).children[0]?.children ?? [];
    const offset = isContext(tbs[0], 0) ? 1 : 0;
    const serial = tbs[offset];
    const issuer = tbs[offset + 2];
    if (!serial || !issuer) throw new Asn1Error("no serial or issuer");
    return { serialDer: toDer(serial), issuerDer: toDer(issuer), digitalSignature: digitalSignature(tbs) };
  } catch (error) {
    if (!(error instanceof Asn1Error)) throw error;
    throw new DamagedCertificateError(`a certificate in it is damaged (${error.message})`);
  }
}

function digitalSignature(tbs: readonly Element[]): boolean | undefined {
  const extensions = tbs.find((element) => isContext(element, 3))?.children[0]?.children ?? [];
  for (const extension of extensions) {
    const parts = extension.children;
    if (readOid(parts[0]) !== KEY_USAGE) continue;
    const value = parts[parts.length - 1];
    if (value?.tag !== TAG.octetString) return undefined;
    const bitString = readAsn1(contentOf(value));
    if (bitString.next !== value.end - value.start) throw new Asn1Error("bytes after the key usage bit string");
    const bits = bitString.tag === TAG.bitString ? contentOf(bitString) : new Uint8Array(0);
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
