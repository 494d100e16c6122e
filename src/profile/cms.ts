import { PlistReadError } from "./plist-read-error.js";

/**
 * A signed profile is a CMS SignedData (DER, sometimes BER with indefinite lengths) with the
 * plist embedded. This small walker finds the embedded content and nothing else: it never
 * checks the signature (that is `verify`'s claim, not the reader's) and needs no dependency;
 * src/sign/cms-read.ts reads the whole SignedData (with node-forge) when a signature is checked.
 */

const SIGNED_DATA_OID = Uint8Array.from([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]);
const MAX_DEPTH = 32;

interface Tlv {
  readonly tag: number;
  /** Content bounds. */
  readonly start: number;
  readonly end: number;
  /** Where the next element begins (after an end-of-contents marker for indefinite lengths). */
  readonly next: number;
}

/** True when the bytes begin like a CMS ContentInfo of type signedData. */
export function looksLikeCms(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x30) return false;
  const head = bytes.subarray(0, 24);
  return indexOf(head, SIGNED_DATA_OID) >= 0;
}

/**
 * The encapsulated content (the profile's plist bytes) of a CMS SignedData. Throws a
 * PlistReadError when the structure is damaged or the content is detached.
 */
export function extractCmsContent(bytes: Uint8Array): Uint8Array {
  const contentInfo = readTlv(bytes, 0, bytes.length, 0);
  const [oid, explicit] = childrenOf(bytes, contentInfo, 0);
  if (oid?.tag !== 0x06 || !equalBytes(bytes.subarray(oid.start, oid.end), SIGNED_DATA_OID) || explicit?.tag !== 0xa0) {
    throw damaged();
  }
  const [signedData] = childrenOf(bytes, explicit, 0);
  if (signedData?.tag !== 0x30) throw damaged();
  // SignedData: version, digestAlgorithms, encapContentInfo, …
  const encap = childrenOf(bytes, signedData, 0)[2];
  if (encap?.tag !== 0x30) throw damaged();
  const [, content] = childrenOf(bytes, encap, 0);
  if (content === undefined) throw new PlistReadError("is a signed profile whose content is detached (not inside the file); jcprofile needs the signed file with the profile inside");
  if (content.tag !== 0xa0) throw damaged();
  const [octets] = childrenOf(bytes, content, 0);
  if (octets === undefined) throw damaged();
  return octetString(bytes, octets, 0);
}

/** An OCTET STRING's bytes; BER may split it into a constructed string of parts. */
function octetString(bytes: Uint8Array, tlv: Tlv, depth: number): Uint8Array {
  if (tlv.tag === 0x04) return bytes.slice(tlv.start, tlv.end);
  if (tlv.tag !== 0x24 || depth > MAX_DEPTH) throw damaged();
  const parts = childrenOf(bytes, tlv, depth).map((part) => octetString(bytes, part, depth + 1));
  return Uint8Array.from(Buffer.concat(parts));
}

function readTlv(bytes: Uint8Array, at: number, limit: number, depth: number): Tlv {
  if (depth > MAX_DEPTH || at + 2 > limit) throw damaged();
  const tag = bytes[at]!;
  if ((tag & 0x1f) === 0x1f) throw damaged();
  const first = bytes[at + 1]!;
  let start = at + 2;
  if (first === 0x80) {
    if ((tag & 0x20) === 0) throw damaged();
    // Indefinite length: children until the 00 00 end-of-contents marker.
    let cursor = start;
    while (!(bytes[cursor] === 0 && bytes[cursor + 1] === 0)) {
      if (cursor + 2 > limit) throw damaged();
      cursor = readTlv(bytes, cursor, limit, depth + 1).next;
    }
    return { tag, start, end: cursor, next: cursor + 2 };
  }
  let length = first;
  if (first > 0x80) {
    const size = first & 0x7f;
    if (size > 4 || start + size > limit) throw damaged();
    length = 0;
    for (let i = 0; i < size; i++) length = length * 256 + bytes[start + i]!;
    start += size;
  }
  const end = start + length;
  if (end > limit) throw damaged();
  return { tag, start, end, next: end };
}

function childrenOf(bytes: Uint8Array, parent: Tlv, depth: number): Tlv[] {
  const children: Tlv[] = [];
  for (let at = parent.start; at < parent.end; ) {
    const child = readTlv(bytes, at, parent.end, depth + 1);
    children.push(child);
    at = child.next;
  }
  return children;
}

function damaged(): PlistReadError {
  return new PlistReadError("is a truncated or damaged signed profile (CMS)");
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
