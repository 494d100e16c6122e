/**
 * jcprofile's one ASN.1 reader, for BER and DER: signed profiles from elsewhere (lint, import,
 * verify), the certificates inside them, and the shape of an identity file. It reads the whole
 * element tree at once, with limits on depth, size and element count, so a hostile file costs
 * bounded time and memory; it decodes nothing but tags, lengths, OIDs and octet strings.
 * node-forge is kept only to decrypt an admin's own PKCS#12 (src/signing/pkcs12.ts).
 */
import { tlv } from "./der.js";

export interface Element {
  /** The identifier byte: class (0xc0), constructed (0x20), tag number (below 31). */
  readonly tag: number;
  /** The bytes the element was read from (shared by the whole tree). */
  readonly bytes: Uint8Array;
  /** Where its identifier byte is, where its content starts and ends, and where the next element begins. */
  readonly at: number;
  readonly start: number;
  readonly end: number;
  readonly next: number;
  /** A constructed element's children in order; empty for a primitive one. */
  readonly children: readonly Element[];
}

export interface Asn1Limits {
  /** Nesting: a certificate inside a signed profile is about 10 deep. */
  readonly maxDepth: number;
  readonly maxElements: number;
  readonly maxBytes: number;
}

/** Far above any signed profile (a few hundred elements) and below what would cost seconds or much memory. */
export const ASN1_LIMITS: Asn1Limits = { maxDepth: 32, maxElements: 100_000, maxBytes: 64 * 1024 * 1024 };

/** The bytes are not the BER/DER they claim to be; the message says where, for a report in parentheses. */
export class Asn1Error extends Error {
  override readonly name = "Asn1Error";
}

export const TAG = { integer: 0x02, bitString: 0x03, octetString: 0x04, oid: 0x06, sequence: 0x30, set: 0x31 } as const;

/**
 * The element that begins at `bytes[0]`, with everything inside it. Bytes after it are the
 * caller's to judge (`element.next < bytes.length`).
 */
export function readAsn1(bytes: Uint8Array, limits: Asn1Limits = ASN1_LIMITS): Element {
  if (bytes.length > limits.maxBytes) throw new Asn1Error(`${bytes.length} bytes is more than the ${limits.maxBytes} read`);
  const budget = { elements: limits.maxElements };
  return readElement(bytes, 0, bytes.length, 0, limits, budget);
}

function readElement(bytes: Uint8Array, at: number, limit: number, depth: number, limits: Asn1Limits, budget: { elements: number }): Element {
  if (depth > limits.maxDepth) throw new Asn1Error(`nested deeper than ${limits.maxDepth} levels at byte ${at}`);
  if (--budget.elements < 0) throw new Asn1Error(`more than ${limits.maxElements} elements`);
  if (at + 2 > limit) throw new Asn1Error(`Too few bytes for an element at byte ${at}`);
  const tag = bytes[at]!;
  // Multi-byte tag numbers appear in no CMS or certificate structure jcprofile reads.
  if ((tag & 0x1f) === 0x1f) throw new Asn1Error(`a high tag number at byte ${at}`);
  const constructed = (tag & 0x20) !== 0;
  const first = bytes[at + 1]!;
  let start = at + 2;
  if (first === 0x80) {
    if (!constructed) throw new Asn1Error(`an indefinite length on a primitive element at byte ${at}`);
    const children: Element[] = [];
    // Indefinite length (BER, as `security cms` writes): children until the 00 00 end-of-contents marker.
    for (let cursor = start; ; ) {
      if (cursor + 2 > limit) throw new Asn1Error(`Too few bytes: no end-of-contents for the element at byte ${at}`);
      if (bytes[cursor] === 0 && bytes[cursor + 1] === 0) return { tag, bytes, at, start, end: cursor, next: cursor + 2, children };
      const child = readElement(bytes, cursor, limit, depth + 1, limits, budget);
      children.push(child);
      cursor = child.next;
    }
  }
  let length = first;
  if (first > 0x80) {
    const size = first & 0x7f;
    if (size > 4) throw new Asn1Error(`a length of ${size} bytes at byte ${at}`);
    if (start + size > limit) throw new Asn1Error(`Too few bytes for the length at byte ${at}`);
    length = 0;
    for (let i = 0; i < size; i++) length = length * 256 + bytes[start + i]!;
    start += size;
  }
  const end = start + length;
  if (end > limit) throw new Asn1Error(`Too few bytes: the element at byte ${at} claims ${length} bytes, ${limit - start} remain`);
  const children: Element[] = [];
  if (constructed) {
    for (let cursor = start; cursor < end; ) {
      const child = readElement(bytes, cursor, end, depth + 1, limits, budget);
      children.push(child);
      cursor = child.next;
    }
  }
  return { tag, bytes, at, start, end, next: end, children };
}

/** A primitive element's content bytes (a view, not a copy). */
export const contentOf = (element: Element): Uint8Array => element.bytes.subarray(element.start, element.end);

/** A context-specific [n] tag, constructed or not. */
export const isContext = (element: Element | undefined, n: number): boolean => element !== undefined && (element.tag & 0xdf) === (0x80 | n);

/** An OBJECT IDENTIFIER in dotted form; undefined when the element is not one. */
export function readOid(element: Element | undefined): string | undefined {
  if (element?.tag !== TAG.oid) return undefined;
  const content = contentOf(element);
  if (content.length === 0 || (content[content.length - 1]! & 0x80) !== 0) throw new Asn1Error(`a damaged object identifier at byte ${element.at}`);
  const arcs: number[] = [];
  let value = 0;
  for (const byte of content) {
    // Arcs past 2^53 cannot be exact numbers; no algorithm jcprofile names has one.
    if (value > Number.MAX_SAFE_INTEGER / 128) throw new Asn1Error(`an object identifier arc too large at byte ${element.at}`);
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }
  const [head = 0, ...rest] = arcs;
  const top = head < 40 ? 0 : head < 80 ? 1 : 2;
  return [top, head - top * 40, ...rest].join(".");
}

/** An OCTET STRING's bytes; BER may split it into a constructed string of parts. Undefined for another type. */
export function readOctets(element: Element | undefined): Buffer | undefined {
  if (element?.tag === TAG.octetString) return Buffer.from(contentOf(element));
  if (element?.tag !== (TAG.octetString | 0x20)) return undefined;
  return Buffer.concat(element.children.map((part) => readOctets(part) ?? Buffer.alloc(0)));
}

/** A small non-negative INTEGER (a version number); undefined for anything else. */
export function readSmallInteger(element: Element | undefined): number | undefined {
  if (element?.tag !== TAG.integer || element.end - element.start !== 1) return undefined;
  return element.bytes[element.start];
}

/**
 * The element re-encoded as DER lengths (definite, shortest form), content unchanged: what a
 * signature over a BER-encoded part covers, and what node:crypto wants for a certificate.
 */
export function toDer(element: Element): Buffer {
  return tlv(element.tag, (element.tag & 0x20) !== 0 ? Buffer.concat(element.children.map(toDer)) : contentOf(element));
}
