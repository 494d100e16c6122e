import { Asn1Error, isContext, readAsn1, readOctets, readOid, TAG, type Element } from "../asn1/ber.js";
import { OID } from "../asn1/der.js";
import { PlistReadError } from "./plist-read-error.js";

/**
 * A signed profile is a CMS SignedData (DER, or BER with indefinite lengths from `security cms`)
 * with the plist embedded. This is the one reader of it: lint and import take the content from it,
 * verify also the certificates and the signer (src/signing/cms-read.ts). It never checks a signature.
 */

const SIGNED_DATA_OID = Uint8Array.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]);

export interface SignedData {
  /** The encapsulated content type (data, for a profile). */
  contentType: string | undefined;
  /** The embedded content (the profile's plist bytes). */
  content: Buffer;
  /** The elements of the certificates field, as they are in the file. */
  certificates: readonly Element[];
  signerInfos: readonly Element[];
}

/**
 * Why the bytes are not a SignedData to read, in words that follow "a truncated or damaged signed
 * profile (…)". `detached`: the structure is whole but the profile is not inside it.
 */
export class CmsReadError extends Error {
  override readonly name = "CmsReadError";
  constructor(
    message: string,
    readonly detached = false,
  ) {
    super(message);
  }
}

/**
 * True when the bytes begin like a CMS ContentInfo of type signedData: a SEQUENCE whose first
 * element is that OID. Anything else (a certificate, a PKCS#12, a plist) is not a signed profile.
 */
export function looksLikeCms(bytes: Uint8Array): boolean {
  if (bytes[0] !== TAG.sequence) return false;
  const lengthBytes = bytes[1] === undefined ? 0 : bytes[1] > 0x80 ? bytes[1] & 0x7f : 0;
  const head = bytes.subarray(2 + lengthBytes, 2 + lengthBytes + SIGNED_DATA_OID.length);
  return head.length === SIGNED_DATA_OID.length && head.every((byte, i) => byte === SIGNED_DATA_OID[i]);
}

/** The parts of a SignedData. `exact`: bytes after it make it damaged (verify), else they are ignored (lint). */
export function readSignedData(bytes: Uint8Array, options: { exact?: boolean } = {}): SignedData {
  let root: Element;
  try {
    root = readAsn1(bytes);
  } catch (error) {
    if (!(error instanceof Asn1Error)) throw error;
    throw new CmsReadError(`damaged CMS structure (${error.message})`);
  }
  if (options.exact === true && root.next !== bytes.length) throw new CmsReadError(`damaged CMS structure (${bytes.length - root.next} bytes after its end)`);
  const [type, wrapped] = root.children;
  if (readOidOrUndefined(type) !== OID.signedData || !isContext(wrapped, 0)) throw new CmsReadError("not a CMS SignedData");
  const signedData = wrapped!.children[0];
  if (signedData?.tag !== TAG.sequence) throw new CmsReadError("not a CMS SignedData");
  // SignedData: version, digestAlgorithms, encapContentInfo, [0] certificates, [1] crls, signerInfos.
  const [, , encapsulated] = signedData.children;
  if (encapsulated?.tag !== TAG.sequence) throw new CmsReadError("damaged CMS structure (no encapsulated content)");
  const [contentType, explicit] = encapsulated.children;
  if (explicit === undefined) throw new CmsReadError("no attached content (a detached signature)", true);
  const content = isContext(explicit, 0) ? readOctets(explicit.children[0]) : undefined;
  if (content === undefined) throw new CmsReadError("damaged CMS structure (the content is not an octet string)");
  const rest = signedData.children.slice(3);
  const last = rest[rest.length - 1];
  return {
    contentType: readOidOrUndefined(contentType),
    content,
    certificates: rest.find((element) => isContext(element, 0))?.children ?? [],
    signerInfos: last?.tag === TAG.set ? last.children : [],
  };
}

/** An OID, or undefined when the element is not one; a damaged OID is a damaged structure. */
function readOidOrUndefined(element: Element | undefined): string | undefined {
  try {
    return readOid(element);
  } catch (error) {
    if (!(error instanceof Asn1Error)) throw error;
    throw new CmsReadError(`damaged CMS structure (${error.message})`);
  }
}

/**
 * The encapsulated content (the profile's plist bytes) of a CMS SignedData, for lint and import.
 * Throws a PlistReadError when the structure is damaged or the content is detached.
 */
export function extractCmsContent(bytes: Uint8Array): Uint8Array {
  try {
    return new Uint8Array(readSignedData(bytes).content);
  } catch (error) {
    if (!(error instanceof CmsReadError)) throw error;
    throw new PlistReadError(
      error.detached
        ? "is a signed profile whose content is detached (not inside the file); jcprofile needs the signed file with the profile inside"
        : "is a truncated or damaged signed profile (CMS)",
    );
  }
}
