import { createHash, verify, type X509Certificate } from "node:crypto";
import { OID } from "./der.js";
import type { SignedMessage } from "./cms-read.js";
import type { CertificateFacts } from "./certificate-facts.js";

const DIGESTS: Record<string, string> = { [OID.sha1]: "sha1", [OID.sha256]: "sha256", [OID.sha384]: "sha384", [OID.sha512]: "sha512" };
const RSA_PSS = "1.2.840.113549.1.1.10";

export interface SignatureCheck {
  signer?: X509Certificate;
  valid: boolean;
  /** Why it is not valid, in words for the admin. */
  problem?: string;
}

/**
 * Finds the signer's certificate among the embedded ones and checks the signature with
 * node:crypto: the message digest attribute against the content, then the signature over the
 * signed attributes (or over the content, when a signer used none).
 */
export function checkSignature(message: SignedMessage, readFacts: (cert: X509Certificate) => CertificateFacts): SignatureCheck {
  const { signer } = message;
  // A signer named by subject key identifier (rare in profiles) is found by trying each embedded certificate.
  const candidates = signer.subjectKeyId
    ? message.certificates
    : message.certificates.filter((cert) => {
        const facts = readFacts(cert);
        return signer.issuerDer?.equals(facts.issuerDer) === true && signer.serialDer?.equals(facts.serialDer) === true;
      });
  if (candidates.length === 0) return { valid: false, problem: "the signer's certificate is not in the file" };
  const hash = DIGESTS[signer.digestOid];
  if (!hash) return { signer: candidates[0], valid: false, problem: `unsupported digest algorithm ${signer.digestOid}` };
  if (signer.signatureOid === RSA_PSS) return { signer: candidates[0], valid: false, problem: "RSA-PSS signatures are not supported" };
  let signed: Buffer = message.content;
  if (signer.signedAttributes) {
    const digest = createHash(hash).update(message.content).digest();
    if (!signer.messageDigest?.equals(digest)) return { signer: candidates[0], valid: false, problem: "the content was changed after signing (its digest does not match)" };
    if (signer.contentType !== OID.data) return { signer: candidates[0], valid: false, problem: "the signed content type is not data" };
    signed = signer.signedAttributes;
  }
  const certificate = candidates.find((cert) => verifies(hash, signed, cert, signer.signature));
  return certificate ? { signer: certificate, valid: true } : { signer: candidates[0], valid: false, problem: "the signature does not match the signed data" };
}

function verifies(hash: string, data: Buffer, cert: X509Certificate, signature: Buffer): boolean {
  try {
    return verify(hash, data, cert.publicKey, signature);
  } catch {
    return false;
  }
}
