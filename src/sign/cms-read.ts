import { X509Certificate } from "node:crypto";
import { OID } from "./der.js";
import { children, encodeAsn1, fromBinary, isContext, parseAsn1, readOid, type Asn1, type Forge } from "./forge.js";

/**
 * A SignedData's parts, as verify needs them. Read with forge's BER parser, so files signed by `security cms` (BER) read too.
 *
 * Why a second CMS reader beside src/profile/cms.ts: that one only finds the embedded plist and
 * needs no dependency, so lint, import and build never load node-forge; verify needs the whole
 * structure (certificates, signer info, the signed attributes' exact bytes) to check a signature,
 * which is forge's ASN.1 parser's job, loaded only when verifying.
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

export function looksLikeCms(bytes: Buffer): boolean {
  return bytes[0] === 0x30;
}

export function readSignedData(forge: Forge, bytes: Buffer): SignedMessage {
  let root: Asn1;
  try {
    root = parseAsn1(forge, bytes);
  } catch (error) {
    throw new NotSignedDataError(`damaged CMS structure (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return readParts(forge, root);
  } catch (error) {
    if (error instanceof NotSignedDataError) throw error;
    // A damaged part deeper down (a length, an OID) makes forge throw its own error: the same to the admin.
    throw new NotSignedDataError(`damaged CMS structure (${error instanceof Error ? error.message : String(error)})`);
  }
}

function readParts(forge: Forge, root: Asn1): SignedMessage {
  const [type, wrapped] = children(root);
  if (readOid(forge, type) !== OID.signedData || !isContext(wrapped, 0)) throw new NotSignedDataError("not a CMS SignedData");
  const signedData = children(children(wrapped)[0]);
  const encapsulated = children(signedData[2]);
  if (readOid(forge, encapsulated[0]) !== OID.data) throw new NotSignedDataError("the signed content is not plain data");
  const content = octets(children(encapsulated[1])[0]);
  if (!content) throw new NotSignedDataError("no attached content (a detached signature)");
  const certificates = children(signedData.find((node, index) => index > 2 && isContext(node, 0))).map(
    (node, index) => {
      try {
        return new X509Certificate(encodeAsn1(forge, node));
      } catch {
        throw new NotSignedDataError(`embedded certificate ${index + 1} is damaged`, false);
      }
    },
  );
  const signerInfos = children(signedData[signedData.length - 1]);
  if (signerInfos.length === 0) throw new NotSignedDataError("no signer (a SignedData without a signature)", false);
  return { content, certificates, signerCount: signerInfos.length, signer: readSignerInfo(forge, signerInfos[0]!) };
}

function readSignerInfo(forge: Forge, info: Asn1): SignedMessage["signer"] {
  const parts = children(info);
  const sid = parts[1];
  const digestOid = readOid(forge, children(parts[2])[0]) ?? "";
  let index = 3;
  let attributes: Asn1 | undefined;
  if (isContext(parts[index], 0)) attributes = parts[index++];
  const signatureOid = readOid(forge, children(parts[index++])[0]) ?? "";
  const signature = octets(parts[index]) ?? Buffer.alloc(0);
  const signer: SignedMessage["signer"] = { digestOid, signatureOid, signature };
  if (isContext(sid, 0)) signer.subjectKeyId = fromBinary(String(sid!.value));
  else {
    const [issuer, serial] = children(sid);
    if (issuer && serial) Object.assign(signer, { issuerDer: encodeAsn1(forge, issuer), serialDer: encodeAsn1(forge, serial) });
  }
  if (attributes) {
    const der = encodeAsn1(forge, attributes);
    signer.signedAttributes = Buffer.concat([Buffer.from([0x31]), der.subarray(1)]);
    for (const attribute of children(attributes)) {
      const [oid, values] = children(attribute);
      const value = children(values)[0];
      const name = readOid(forge, oid);
      if (name === OID.messageDigest) signer.messageDigest = octets(value);
      else if (name === OID.contentType) signer.contentType = readOid(forge, value);
      else if (name === OID.signingTime && value && typeof value.value === "string") signer.signingTime = parseTime(value.value);
    }
  }
  return signer;
}

/** An OCTET STRING's bytes; BER may split it into a constructed string of pieces. */
function octets(node: Asn1 | undefined): Buffer | undefined {
  if (node?.type !== 4) return undefined;
  if (typeof node.value === "string") return fromBinary(node.value);
  return Buffer.concat(node.value.map((piece) => octets(piece) ?? Buffer.alloc(0)));
}

function parseTime(text: string): Date | undefined {
  const match = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match) return undefined;
  const [, y = "", mo, d, h, mi, s] = match;
  const year = y.length === 4 ? Number(y) : Number(y) >= 50 ? 1900 + Number(y) : 2000 + Number(y);
  return new Date(Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
}
