import { createHash, sign, type KeyObject, type X509Certificate } from "node:crypto";
import { explicit, integer, nullValue, objectIdentifier, octetString, OID, sequence, set, sortedSet, time } from "../asn1/der.js";
import type { CertificateFacts } from "./certificate-facts.js";

export interface SignInput {
  /** The canonical profile bytes; embedded unchanged (attached content). */
  content: Uint8Array;
  signer: X509Certificate;
  signerFacts: CertificateFacts;
  key: KeyObject;
  /** Intermediates (and any root) to embed after the signer, so a Mac can build the chain. */
  chain: readonly X509Certificate[];
  signingTime: Date;
}

/** The signature algorithm for a key type; forge's own signer knows only RSA, node:crypto also ECDSA. */
export function signatureAlgorithm(key: KeyObject): Buffer | undefined {
  if (key.asymmetricKeyType === "rsa") return sequence(objectIdentifier(OID.rsaEncryption), nullValue());
  if (key.asymmetricKeyType === "ec") return sequence(objectIdentifier(OID.ecdsaWithSha256));
  return undefined;
}

/**
 * A CMS SignedData (RFC 5652) as Apple's tools write a signed profile: DER, content attached,
 * SHA-256, signed attributes (content type, signing time, message digest), signer identified by
 * issuer and serial, and the signer's certificate plus its chain embedded.
 */
export function encodeSignedData(input: SignInput): Buffer {
  const algorithm = signatureAlgorithm(input.key);
  if (!algorithm) throw new Error(`cannot sign with a ${input.key.asymmetricKeyType} key`);
  const digestAlgorithm = sequence(objectIdentifier(OID.sha256));
  const attribute = (oid: string, value: Buffer) => sequence(objectIdentifier(oid), set(value));
  const attributes = [
    attribute(OID.contentType, objectIdentifier(OID.data)),
    attribute(OID.signingTime, time(input.signingTime)),
    attribute(OID.messageDigest, octetString(createHash("sha256").update(input.content).digest())),
  ];
  // The signature covers the attributes encoded as a SET; in the SignerInfo they carry tag [0].
  const signedAttributes = sortedSet(0x31, attributes);
  const signature = sign("sha256", signedAttributes, input.key);
  const signerInfo = sequence(
    integer(1),
    sequence(input.signerFacts.issuerDer, input.signerFacts.serialDer),
    digestAlgorithm,
    Buffer.concat([Buffer.from([0xa0]), signedAttributes.subarray(1)]),
    algorithm,
    octetString(signature),
  );
  const certificates = [input.signer, ...input.chain.filter((cert) => cert.fingerprint256 !== input.signer.fingerprint256)];
  const signedData = sequence(
    integer(1),
    set(digestAlgorithm),
    sequence(objectIdentifier(OID.data), explicit(0, octetString(input.content))),
    sortedSet(0xa0, certificates.map((cert) => cert.raw)),
    set(signerInfo),
  );
  return sequence(objectIdentifier(OID.signedData), explicit(0, signedData));
}
