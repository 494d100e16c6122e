import { X509Certificate } from "node:crypto";
import { Asn1Error, contentOf, isContext, readOctets, readOid, toDer, TAG, type Element } from "../asn1/ber.js";
import { OID } from "../asn1/der.js";
import { CmsReadError, readSignedData } from "../profile/cms.js";

/**
 * A SignedData's parts, as verify needs them: the certificates, the signer info and the exact
 * bytes its signature covers, read from src/profile/cms.ts's one CMS reader (BER too, so files
 * signed by `security cms` read).
 */
export interface SignedMessage {
  content: Buffer;
  certificates: X509Certificate[];
  /** How many SignerInfos the file has; only the first is read (verify checks one-signer files). */
  signerCount: number;
  signer: {
    /** DER of the issuer Name and serial INTEGER, to find the signer's certificate. */
    issuerDer?: Buffer;
    serialDer?: Buffer;
    subjectKeyId?: Buffer;
    digestOid: string;
    signatureOid: string;
    /** The signed attributes re-encoded as a DER SET: the bytes the signature covers. */
    signedAttributes?: Buffer;
    messageDigest?: Buffer;
    contentType?: string;
    signingTime?: Date;
    signature: Buffer;
  };
}

/**
 * The file is not a signed profile verify can read. `damaged`: its structure cannot be read at all
 * (truncated, a broken length, not SignedData, no content inside) — the file cannot be checked;
 * otherwise a part of a readable file is wrong (an embedded certificate) — the file is invalid.
 */
export class NotSignedDataError extends Error {
  constructor(message: string, readonly damaged = true) {
    super(message);
  }
}

export function readSignedMessage(bytes: Uint8Array): SignedMessage {
  let parts;
  try {
    parts = readSignedData(bytes, { exact: true });
  } catch (error) {
    if (error instanceof CmsReadError) throw new NotSignedDataError(error.message);
    throw error;
  }
  if (parts.contentType !== OID.data) throw new NotSignedDataError("the signed content is not plain data");
  const certificates = parts.certificates.map((element, index) => {
    try {
      return new X509Certificate(toDer(element));
    } catch {
      throw new NotSignedDataError(`embedded certificate ${index + 1} is damaged`, false);
    }
  });
  const [first] = parts.signerInfos;
  if (first === undefined) throw new NotSignedDataError("no signer (a SignedData without a signature)", false);
  try {
    return { content: parts.content, certificates, signerCount: parts.signerInfos.length, signer: readSignerInfo(first) };
  } catch (error) {
    // A damaged part of the signer info (an OID, a length) is a damaged file to the admin, as one higher up.
    if (error instanceof Asn1Error) throw new NotSignedDataError(`damaged CMS structure (${error.message})`);
    throw error;
  }
}

function readSignerInfo(info: Element): SignedMessage["signer"] {
  const parts = info.children;
  const sid = parts[1];
  const digestOid = readOid(parts[2]?.children[0]) ?? "";
  let index = 3;
  let attributes: Element | undefined;
  if (isContext(parts[index], 0)) attributes = parts[index++];
  const signatureOid = readOid(parts[index++]?.children[0]) ?? "";
  const signature = readOctets(parts[index]) ?? Buffer.alloc(0);
  const signer: SignedMessage["signer"] = { digestOid, signatureOid, signature };
  if (sid !== undefined && isContext(sid, 0)) signer.subjectKeyId = Buffer.from(contentOf(sid));
  else {
    const [issuer, serial] = sid?.children ?? [];
    if (issuer && serial) Object.assign(signer, { issuerDer: toDer(issuer), serialDer: toDer(serial) });
  }
  if (attributes) {
    // The signature covers the attributes as a DER SET, not with the [0] tag they carry here.
    signer.signedAttributes = toDer({ ...attributes, tag: TAG.set });
    for (const attribute of attributes.children) {
      const [oid, values] = attribute.children;
      const value = values?.children[0];
      const name = readOid(oid);
      if (name === OID.messageDigest) signer.messageDigest = readOctets(value);
      else if (name === OID.contentType) signer.contentType = readOid(value);
      else if (name === OID.signingTime && value && (value.tag === 0x17 || value.tag === 0x18)) signer.signingTime = parseTime(Buffer.from(contentOf(value)).toString("latin1"));
    }
  }
  return signer;
}

function parseTime(text: string): Date | undefined {
  const match = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match) return undefined;
  const [, y = "", mo, d, h, mi, s] = match;
  const year = y.length === 4 ? Number(y) : Number(y) >= 50 ? 1900 + Number(y) : 2000 + Number(y);
  return new Date(Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
}
