/**
 * Name-based UUID, version 5 (RFC 9562 §5.5): SHA-1 of namespace bytes + name, with the
 * version and variant bits set. SHA-1 is written out here (FIPS 180-4 §6.1) rather than taken
 * from node:crypto, whose import loads Node's whole crypto family (~7 % of a `jcprofile build`
 * start-up) for a few hashes of short names; the uuid package's import cost ~20 ms.
 * uuid.test.ts checks it against uuid's v5 and node:crypto's SHA-1.
 */
export function uuidV5(name: string, namespace: string): string {
  const h = sha1Words(nameInput(name, namespace));
  const h0 = h[0];
  const h1 = h[1];
  const h2 = h[2];
  const h3 = h[3];
  // Version 5 in the high nibble of byte 6, variant 10 in the top bits of byte 8.
  const hex = hex8(h0) + hex8((h1 & ~0xf000) | 0x5000) + hex8((h2 & 0x3fffffff) | 0x80000000) + hex8(h3);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The namespace's 16 bytes and the name's UTF-8, in a scratch array reused by the next call. A
 * build makes 4000 UUIDs for 1000 environments: a Buffer per UUID, the namespace's hex parsed
 * each time and the name's byteLength and write were two thirds of making one. An ASCII name (an
 * identifier) is copied code unit by code unit; any other goes through Buffer.
 */
function nameInput(name: string, namespace: string): Uint8Array {
  let ascii = true;
  for (let i = 0; i < name.length && ascii; i++) ascii = name.charCodeAt(i) < 0x80;
  const tail = ascii ? undefined : Buffer.from(name, "utf8");
  const length = 16 + (tail?.length ?? name.length);
  if (input.length < length) input = new Uint8Array(Math.max(length, input.length * 2));
  input.set(namespaceBytes(namespace));
  if (tail !== undefined) input.set(tail, 16);
  else for (let i = 0; i < name.length; i++) input[16 + i] = name.charCodeAt(i);
  return input.subarray(0, length);
}

let input = new Uint8Array(128);

function namespaceBytes(namespace: string): Uint8Array {
  let bytes = namespaces.get(namespace);
  if (bytes === undefined) {
    bytes = Buffer.from(namespace.replaceAll("-", ""), "hex").subarray(0, 16);
    namespaces.set(namespace, bytes);
  }
  return bytes;
}

/** Namespace UUID → its bytes; jcprofile uses one. */
const namespaces = new Map<string, Uint8Array>();

/** Two hex digits per byte value (Number's toString(16) was most of a UUID's formatting). */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

function hex8(word: number): string {
  return HEX[word >>> 24]! + HEX[(word >>> 16) & 0xff]! + HEX[(word >>> 8) & 0xff]! + HEX[word & 0xff]!;
}

/** SHA-1 of `bytes` (the 20-byte digest). */
export function sha1(bytes: Uint8Array): Buffer {
  const digest = Buffer.alloc(20);
  sha1Words(bytes).forEach((value, index) => digest.writeInt32BE(value, index * 4));
  return digest;
}

/**
 * SHA-1 of `bytes` as its five 32-bit words (big-endian order of the digest). Plain indexing and
 * one loop per round function, no destructuring: a build runs this while its code is still cold
 * (interpreted), where each array destructuring walks an iterator.
 */
function sha1Words(bytes: Uint8Array): [number, number, number, number, number] {
  // The message as big-endian 32-bit words, padded: a 1 bit, zeros, the length in bits (64 bits).
  const words = new Uint32Array((((bytes.length + 8) >>> 6) + 1) * 16);
  for (let i = 0; i < bytes.length; i++) words[i >>> 2]! |= bytes[i]! << (24 - (i & 3) * 8);
  words[bytes.length >>> 2]! |= 0x80 << (24 - (bytes.length & 3) * 8);
  words[words.length - 2] = Math.floor(bytes.length / 0x20000000);
  words[words.length - 1] = (bytes.length * 8) >>> 0;
  let h0 = 0x67452301;
  let h1 = 0xefcdab89 | 0;
  let h2 = 0x98badcfe | 0;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0 | 0;
  const w = SCHEDULE;
  for (let block = 0; block < words.length; block += 16) {
    for (let t = 0; t < 16; t++) w[t] = words[block + t]!;
    for (let t = 16; t < 80; t++) {
      const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!;
      w[t] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let t = 0;
    for (; t < 20; t++) {
      const next = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + w[t]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = next;
    }
    for (; t < 40; t++) {
      const next = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + w[t]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = next;
    }
    for (; t < 60; t++) {
      const next = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e + 0x8f1bbcdc + w[t]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = next;
    }
    for (; t < 80; t++) {
      const next = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0xca62c1d6 + w[t]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = next;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  return [h0, h1, h2, h3, h4];
}

/** The message schedule, reused: each block fills it whole before reading it. */
const SCHEDULE = new Uint32Array(80);

