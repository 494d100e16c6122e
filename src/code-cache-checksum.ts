/**
 * The checksum of a V8 code cache's data that src/launch.ts keeps in the cache's header and checks
 * before it hands the data to V8. V8's release builds do not check a cache's own checksum (only
 * with --verify-snapshot-checksum, which Node does not set), and a cache damaged on disk can
 * crash the process while V8 reads it back, or run code that was not in the file.
 *
 * Each 32-bit word (this machine's byte order: a cache is only ever read by the Node that made it)
 * goes into the hash by a step that is one-to-one in the hash and in the word (xor, then a multiply
 * by an odd constant), so a change confined to one word — a flipped bit, a changed byte — always
 * changes the result; words swapped or several words damaged go unnoticed with a chance of about
 * one in 2^32. It starts from the data's length. Plain JavaScript: node:zlib (crc32), node:v8 (to
 * turn V8's own check on at run time) and WebAssembly each took about as long as this whole hash
 * (~3 ms on the project's machine) only to load or start.
 *
 * The words are read through an Int32Array on the data's own memory, so the data must start at a
 * multiple of 4 bytes in its ArrayBuffer (src/launch.ts pads the header for it); data that does not
 * is copied first. Measured against reading the same words through a DataView or byte by byte, the
 * aligned view was the cheapest.
 */
export function codeCacheChecksum(data: Uint8Array): number {
  // A copy (not data.slice(): a Buffer's slice is a view of the same memory).
  const bytes = data.byteOffset % 4 === 0 ? data : new Uint8Array(data);
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2);
  const count = words.length;
  // Read once: the loop runs mostly in V8's interpreter, which would look Math.imul up at every word.
  const multiply = Math.imul;
  let hash = bytes.length | 0;
  // -1640531535 is 0x9e3779b1 (odd, so the multiply is one-to-one) as an int32: a small integer in V8's bytecode.
  for (let i = 0; i < count; i++) hash = multiply(hash ^ words[i]!, -1640531535);
  for (let i = count * 4; i < bytes.length; i++) hash = multiply(hash ^ bytes[i]!, -1640531535);
  return hash >>> 0;
}
