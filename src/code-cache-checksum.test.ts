import { describe, expect, it } from "vitest";
import { codeCacheChecksum } from "./code-cache-checksum.js";

/** `length` bytes of a fixed pattern with every byte value in it (no zeros in a row to hide in). */
function pattern(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 131 + 7) & 0xff);
}

describe("codeCacheChecksum", () => {
  const data = pattern(1027);
  const sum = codeCacheChecksum(data);

  it("changes when any one bit is flipped, in the words and in the bytes after the last whole word", () => {
    for (let at = 0; at < data.length; at++) {
      for (let bit = 0; bit < 8; bit++) {
        const damaged = data.slice();
        damaged[at] = damaged[at]! ^ (1 << bit);
        expect(codeCacheChecksum(damaged), `byte ${at} bit ${bit}`).not.toBe(sum);
      }
    }
  });

  it("changes when a byte takes any other value", () => {
    for (const at of [0, 513, 1023, 1026]) {
      for (let value = 0; value < 256; value++) {
        if (value === data[at]) continue;
        const damaged = data.slice();
        damaged[at] = value;
        expect(codeCacheChecksum(damaged), `byte ${at} = ${value}`).not.toBe(sum);
      }
    }
  });

  it("changes when two different words swap places, near or far", () => {
    const words = new Int32Array(data.slice(0, 512).buffer);
    const whole = codeCacheChecksum(new Uint8Array(words.buffer));
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        if (words[i] === words[j]) continue;
        const swapped = words.slice();
        [swapped[i], swapped[j]] = [words[j]!, words[i]!];
        expect(codeCacheChecksum(new Uint8Array(swapped.buffer)), `words ${i} and ${j}`).not.toBe(whole);
      }
    }
  });

  it("changes with the length: a zero byte or word added, the last byte cut", () => {
    const longer = new Uint8Array(data.length + 4);
    longer.set(data);
    expect(codeCacheChecksum(longer.subarray(0, data.length + 1))).not.toBe(sum);
    expect(codeCacheChecksum(longer)).not.toBe(sum);
    expect(codeCacheChecksum(data.subarray(0, data.length - 1))).not.toBe(sum);
  });

  it("is the same for the same bytes at an address that is not a multiple of 4", () => {
    const shifted = new Uint8Array(data.length + 1);
    shifted.set(data, 1);
    expect(codeCacheChecksum(shifted.subarray(1))).toBe(sum);
    expect(codeCacheChecksum(Buffer.from(shifted.buffer, 1, data.length))).toBe(sum);
  });
});
