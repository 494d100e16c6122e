import { describe, expect, it } from "vitest";
import { decodeUtf8, firstInvalidUtf8 } from "./decode-text.js";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("decodeUtf8", () => {
  it("decodes UTF-8, a BOM included", () => {
    expect(decodeUtf8(new Uint8Array(Buffer.from('\uFEFF{"a": "é €"}')))).toEqual({ text: '\uFEFF{"a": "é €"}' });
  });

  it("names UTF-16 with and without a byte order mark", () => {
    expect(decodeUtf8(bytes(0xff, 0xfe, 0x7b, 0))).toMatchObject({ line: 1, column: 1, message: expect.stringContaining("UTF-16 text (little-endian, with a byte order mark)") });
    expect(decodeUtf8(bytes(0xfe, 0xff, 0, 0x7b))).toMatchObject({ message: expect.stringContaining("big-endian, with a byte order mark") });
    expect(decodeUtf8(new Uint8Array(Buffer.from("{}", "utf16le")))).toMatchObject({ message: expect.stringContaining("UTF-16 text (little-endian)") });
  });

  it("locates the first byte that is not UTF-8 and suggests Latin-1", () => {
    const latin1 = new Uint8Array(Buffer.from('{\n  "o": "Café"\n}', "latin1"));
    expect(decodeUtf8(latin1)).toMatchObject({ line: 2, column: 12, message: expect.stringContaining("byte 0xE9 is not valid here — it looks like Latin-1") });
  });

  it.each([
    ["a lone continuation byte", [0x41, 0x80], 1],
    ["an overlong encoding", [0xc0, 0xaf], 0],
    ["a UTF-16 surrogate encoded in UTF-8", [0xed, 0xa0, 0x80], 0],
    ["a truncated sequence", [0x41, 0xe2, 0x82], 1],
    ["beyond U+10FFFF", [0xf4, 0x90, 0x80, 0x80], 0],
  ])("refuses %s", (_name, input, offset) => {
    expect(firstInvalidUtf8(bytes(...input))).toBe(offset);
  });
});
