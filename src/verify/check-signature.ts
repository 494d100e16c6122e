import { createHash, verify, type X509Certificate } from "node:crypto";
import { OID } from "../asn1/der.js";
import type { SignedMessage } from "../signing/cms-read.js";
import type { CertificateFacts } from "../signing/certificate-facts.js";
import { wholeError, type Problem } from "../problem.js";

const DIGESTS: Record<string, string> = { [OID.sha1]: "sha1", [OID.sha256]: "sha256", [OID.sha384]: "sha384", [OID.sha512]: "sha512" };
/** Digests a signer may name that jcprofile does not check, by name for the message. */
const UNCHECKED_DIGESTS: Record<string, string> = { "1.2.840.113549.2.5": "MD5", "1.2.840.113549.2.2": "MD2", "2.16.840.1.101.3.4.2.4": "SHA-224" };
const RSA_PSS = "1.2.840.113549.1.1.10";
const CHECKABLE = "jcprofile checks one signer, RSA or ECDSA, with SHA-1 or SHA-2 (as jcprofile sign, Jamf Pro and Apple Configurator sign)";

export interface SignatureCheck {
  signer?: X509Certificate;
  valid: boolean;
  /** False when jcprofile cannot tell valid from invalid (an algorithm or a form it does not check). */
  checkable: boolean;
  /** Why it is not valid (`signature-invalid`), or why it cannot be checked (`signature-uncheckable`), in words for the admin. */
  problem?: Problem;
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
  const signerFound = candidates[0] && { signer: candidates[0] };
  const cannotCheck = (why: string): SignatureCheck => ({
    ...signerFound,
    valid: false,
    checkable: false,
    problem: wholeError("signature-uncheckable", `cannot check the signature: ${why}`, CHECKABLE),
  });
  const invalid = (why: string): SignatureCheck => ({ ...signerFound, valid: false, checkable: true, problem: wholeError("signature-invalid", why) });
  if (message.signerCount > 1) return cannotCheck(`the file has ${message.signerCount} signers`);
  if (candidates.length === 0) return invalid("the signer's certificate is not in the file");
  const hash = DIGESTS[signer.digestOid];
  if (!hash) return cannotCheck(`it uses the digest algorithm ${UNCHECKED_DIGESTS[signer.digestOid] ?? signer.digestOid}`);
  if (signer.signatureOid === RSA_PSS) return cannotCheck("it is an RSA-PSS signature");
  let signed: Buffer = message.content;
  if (signer.signedAttributes) {
    const digest = createHash(hash).update(message.content).digest();
    if (!signer.messageDigest?.equals(digest)) return invalid("the content was changed after signing (its digest does not match)");
    if (signer.contentType !== OID.data) return invalid("the signed content type is not data");
    signed = signer.signedAttributes;
  }
  const certificate = candidates.find((cert) => verifies(hash, signed, cert, signer.signature));
  return certificate ? { signer: certificate, valid: true, checkable: true } : invalid("the signature does not match the signed data");
}

function verifies(hash: string, data: Buffer, cert: X509Certificate, signature: Buffer): boolean {
  try {
    return verify(hash, data, cert.publicKey, signature);
  } catch {
    return false;
  }
}
