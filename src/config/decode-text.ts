import { isUtf8 } from "node:buffer";
import { lineAndColumn } from "./text-position.js";

/**
 * jcprofile.json is UTF-8 (JSON's own rule, RFC 8259). Node's "utf8" decoding would quietly turn
 * every invalid byte into U+FFFD and that character would end up in a profile; here a file in
 * another encoding is refused, naming the encoding it most likely is and where the first bad
 * byte sits.
 */
export type Decoded = { text: string } | { line: number; column: number; message: string };

const SAVE_AS = "save it as UTF-8 (in most editors: File → Save with Encoding → UTF-8)";

export function decodeUtf8(bytes: Uint8Array): Decoded {
  const utf16 = utf16Kind(bytes);
  if (utf16) return { line: 1, column: 1, message: `the file is UTF-16 text (${utf16}), not UTF-8 — ${SAVE_AS}` };
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8") };
  const bad = firstInvalidUtf8(bytes) ?? 0;
  const before = Buffer.from(bytes.subarray(0, bad)).toString("utf8");
  const { line, column } = lineAndColumn(before, before.length);
  const byte = `0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, "0")}`;
  const guess = bytes[bad]! >= 0x80 ? " — it looks like Latin-1 (ISO-8859-1 / Windows-1252) or Mac Roman" : "";
  return { line, column, message: `the file is not UTF-8: byte ${byte} is not valid here${guess}; ${SAVE_AS}` };
}

function utf16Kind(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "little-endian, with a byte order mark";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "big-endian, with a byte order mark";
  // ASCII text in UTF-16 without a BOM: every other byte is zero.
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return "little-endian";
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) return "big-endian";
  return undefined;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (Unicode 15, table 3-7). */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f; // no UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (c === undefined || c < min || c > max) return i;
    }
    i += need + 1;
  }
  return undefined;
}
