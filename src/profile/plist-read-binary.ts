import { PlistReadError } from "./plist-read-error.js";
import type { PlistDict, PlistValue } from "./plist-xml.js";

/**
 * A reader for Apple's binary property list format (`bplist00`), the form macOS writes to
 * /Library/Managed Preferences. Every offset is bounds-checked, references may not loop, and
 * the object kinds a profile cannot hold (UID, set, null) are refused by name.
 */

const TRAILER_LENGTH = 32;
const MAX_DEPTH = 64;
/**
 * Objects may be shared (writers store an equal string once), so a small file can name one array
 * from another over and over and expand without end, as "billion laughs" does in XML. A real
 * profile holds hundreds of values.
 */
const MAX_VALUES = 1_000_000;
/** Seconds between 1970-01-01 and Apple's reference date, 2001-01-01. */
const APPLE_EPOCH = 978307200;

export function parseBinaryPlist(bytes: Uint8Array): PlistValue {
  if (bytes.length < 8 + TRAILER_LENGTH + 1) truncated();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const trailer = bytes.length - TRAILER_LENGTH;
  const offsetSize = view.getUint8(trailer + 6);
  const refSize = view.getUint8(trailer + 7);
  const count = readBig(view, trailer + 8);
  const top = readBig(view, trailer + 16);
  const tableOffset = readBig(view, trailer + 24);
  if (![1, 2, 4, 8].includes(offsetSize) || ![1, 2, 4, 8].includes(refSize)) truncated();
  if (count === 0 || top >= count || tableOffset < 8 || tableOffset + count * offsetSize > trailer) truncated();

  const readSized = (at: number, size: number): number => {
    if (at < 0 || at + size > bytes.length) truncated();
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + bytes[at + i]!;
    return value;
  };
  const objectOffset = (ref: number): number => {
    if (ref >= count) truncated();
    const offset = readSized(tableOffset + ref * offsetSize, offsetSize);
    if (offset < 8 || offset >= tableOffset) truncated();
    return offset;
  };
  const open = new Set<number>();

  /** Length from the marker's low nibble, or from the integer object after it (0xF). */
  const readLength = (at: number, low: number): [length: number, start: number] => {
    if (low !== 0xf) return [low, at + 1];
    const marker = readSized(at + 1, 1);
    if (marker >> 4 !== 0x1 || (marker & 0xf) > 3) truncated();
    const size = 1 << (marker & 0xf);
    return [readSized(at + 2, size), at + 2 + size];
  };

  const readObject = (ref: number, depth: number): PlistValue => {
    if (depth > MAX_DEPTH) throw new PlistReadError(`is a binary property list nested deeper than ${MAX_DEPTH} levels`);
    if (open.has(ref)) throw new PlistReadError("is a damaged binary property list (an object contains itself)");
    const at = objectOffset(ref);
    const marker = readSized(at, 1);
    const high = marker >> 4;
    const low = marker & 0xf;
    switch (high) {
      case 0x0:
        if (marker === 0x08) return false;
        if (marker === 0x09) return true;
        return refuse(marker === 0x00 ? "a null value" : `the object marker 0x${marker.toString(16)}`);
      case 0x1:
        return readInteger(view, at + 1, low, bytes.length);
      case 0x2: {
        if (low !== 2 && low !== 3) truncated();
        if (at + 1 + (1 << low) > bytes.length) truncated();
        const value = low === 2 ? view.getFloat32(at + 1) : view.getFloat64(at + 1);
        if (!Number.isFinite(value)) refuse("a real number that is not finite");
        return value;
      }
      case 0x3:
        if (marker !== 0x33 || at + 9 > bytes.length) truncated();
        return new Date(Math.round((view.getFloat64(at + 1) + APPLE_EPOCH) * 1000));
      case 0x4: {
        const [length, start] = readLength(at, low);
        if (start + length > bytes.length) truncated();
        return bytes.slice(start, start + length);
      }
      case 0x5: {
        const [length, start] = readLength(at, low);
        if (start + length > bytes.length) truncated();
        return Buffer.from(bytes.subarray(start, start + length)).toString("latin1");
      }
      case 0x6: {
        const [length, start] = readLength(at, low);
        if (start + length * 2 > bytes.length) truncated();
        return Buffer.from(bytes.subarray(start, start + length * 2)).swap16().toString("utf16le");
      }
      case 0x8:
        return refuse("a UID (an archived object, not preferences)");
      case 0xa:
      case 0xd: {
        const [length, start] = readLength(at, low);
        const refsOf = (first: number): number[] => Array.from({ length }, (_, i) => readSized(first + i * refSize, refSize));
        open.add(ref);
        try {
          if (high === 0xa) return refsOf(start).map((item) => readObject(item, depth + 1));
          const keys = refsOf(start);
          const values = refsOf(start + length * refSize);
          const dict: Record<string, PlistValue> = {};
          keys.forEach((keyRef, index) => {
            const key = readObject(keyRef, depth + 1);
            if (typeof key !== "string") throw new PlistReadError("is a damaged binary property list (a dictionary key is not a string)");
            if (Object.hasOwn(dict, key)) throw new PlistReadError(`is a binary property list with the key "${key}" twice in one dictionary`);
            Object.defineProperty(dict, key, { value: readObject(values[index]!, depth + 1), enumerable: true, writable: true, configurable: true });
          });
          return dict as PlistDict;
        } finally {
          open.delete(ref);
        }
      }
      case 0xc:
        return refuse("a set");
      default:
        return refuse(`the object marker 0x${marker.toString(16)}`);
    }
  };
  /**
   * How many values `ref` expands to, a shared object counted at every reference. Each object is
   * counted once (memoised), so a file built to expand is refused in a moment, before anything is
   * built. Loops and excess depth are left to readObject, which refuses them by name.
   */
  const expandedSize = new Map<number, number>();
  const counting = new Set<number>();
  const sizeOf = (ref: number, depth: number): number => {
    const known = expandedSize.get(ref);
    if (known !== undefined) return known;
    if (depth > MAX_DEPTH || counting.has(ref)) return 1;
    const at = objectOffset(ref);
    const marker = readSized(at, 1);
    const high = marker >> 4;
    if (high !== 0xa && high !== 0xd) return 1;
    const [length, start] = readLength(at, marker & 0xf);
    const refs = high === 0xa ? length : length * 2;
    let size = 1;
    counting.add(ref);
    for (let i = 0; i < refs && size <= MAX_VALUES; i++) size += sizeOf(readSized(start + i * refSize, refSize), depth + 1);
    counting.delete(ref);
    expandedSize.set(ref, size);
    return size;
  };
  if (sizeOf(top, 0) > MAX_VALUES) {
    throw new PlistReadError(`is a binary property list that expands to more than ${MAX_VALUES.toLocaleString("en-US")} values (the same objects referenced over and over) — not a profile`);
  }
  return readObject(top, 0);
}

function readInteger(view: DataView, at: number, low: number, length: number): number {
  const size = 1 << low;
  if (low > 4 || at + size > length) truncated();
  // 1, 2 and 4 byte integers are unsigned; 8 and 16 byte ones are signed (16: the low 8 bytes carry the value).
  let value: bigint;
  if (size === 16) value = view.getBigInt64(at + 8);
  else if (size === 8) value = view.getBigInt64(at);
  else value = BigInt(size === 4 ? view.getUint32(at) : size === 2 ? view.getUint16(at) : view.getUint8(at));
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new PlistReadError(`is a binary property list with the integer ${value}, too large for jcprofile to read exactly`);
  }
  return Number(value);
}

function readBig(view: DataView, at: number): number {
  const value = view.getBigUint64(at);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

function truncated(): never {
  throw new PlistReadError("is a truncated or damaged binary property list", "copy it again in binary mode, or export it again");
}

function refuse(what: string): never {
  throw new PlistReadError(`is a binary property list holding ${what}, which a configuration profile cannot hold`);
}
