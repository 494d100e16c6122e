/**
 * Name-based UUID, version 5 (RFC 9562 §5.5): SHA-1 of namespace bytes + name, with the
 * version and variant bits set. SHA-1 is written out here (FIPS 180-4 §6.1) rather than taken
 * from node:crypto, whose import loads Node's whole crypto family (~7 % of a `jcprofile build`
 * start-up) for a few hashes of short names; the uuid package's import cost ~20 ms.
 * uuid.test.ts checks it against uuid's v5 and node:crypto's SHA-1.
 */
export function uuidV5(name: string, namespace: string): string {
  const input = Buffer.allocUnsafe(16 + Buffer.byteLength(name, "utf8"));
  input.write(namespace.replaceAll("-", ""), 0, 16, "hex");
  input.write(name, 16, "utf8");
  const [h0, h1, h2, h3] = sha1Words(input);
  // Version 5 in the high nibble of byte 6, variant 10 in the top bits of byte 8.
  const hex = hex8(h0) + hex8((h1 & ~0xf000) | 0x5000) + hex8((h2 & 0x3fffffff) | 0x80000000) + hex8(h3);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

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

/** SHA-1 of `bytes` as its five 32-bit words (big-endian order of the digest). */
function sha1Words(bytes: Uint8Array): [number, number, number, number, number] {
  // The message as big-endian 32-bit words, padded: a 1 bit, zeros, the length in bits (64 bits).
  const words = new Uint32Array((((bytes.length + 8) >>> 6) + 1) * 16);
  for (let i = 0; i < bytes.length; i++) words[i >>> 2]! |= bytes[i]! << (24 - (i & 3) * 8);
  words[bytes.length >>> 2]! |= 0x80 << (24 - (bytes.length & 3) * 8);
  words[words.length - 2] = Math.floor(bytes.length / 0x20000000);
  words[words.length - 1] = (bytes.length * 8) >>> 0;
  const h: [number, number, number, number, number] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = SCHEDULE;
  for (let block = 0; block < words.length; block += 16) {
    for (let t = 0; t < 16; t++) w[t] = words[block + t]!;
    for (let t = 16; t < 80; t++) w[t] = rotate(w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!, 1);
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let t = 0; t < 80; t++) {
      const f = t < 20 ? (b & c) | (~b & d) : t < 40 || t >= 60 ? b ^ c ^ d : (b & c) | (b & d) | (c & d);
      const k = t < 20 ? 0x5a827999 : t < 40 ? 0x6ed9eba1 : t < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const next = (rotate(a, 5) + f + e + k + w[t]!) | 0;
      e = d;
      d = c;
      c = rotate(b, 30);
      b = a;
      a = next;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + b) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
  }
  return h;
}

/** The message schedule, reused: each block fills it whole before reading it. */
const SCHEDULE = new Uint32Array(80);

function rotate(value: number, by: number): number {
  return (value << by) | (value >>> (32 - by));
}
