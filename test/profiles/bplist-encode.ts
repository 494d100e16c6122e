/**
 * A test-only binary property list (bplist00) encoder, so the reader's binary path is tested
 * against bytes jcprofile's product code never writes. encodeBinaryPlist shares no objects (every
 * value is its own object; encodeSharedArrays shares on purpose); ints are written in the
 * smallest width, strings as ASCII or UTF-16. References are 2 bytes, offsets 4.
 */
export type Encodable = string | number | boolean | Uint8Array | Date | Encodable[] | { [key: string]: Encodable } | { real: number };

const REF_SIZE = 2;
const ref = (n: number): Buffer => Buffer.from([n >> 8, n & 0xff]);

export function encodeBinaryPlist(root: Encodable): Uint8Array {
  const objects: Buffer[] = [];
  const add = (value: Encodable): number => {
    const index = objects.length;
    objects.push(Buffer.alloc(0));
    objects[index] = encodeObject(value);
    return index;
  };
  const encodeObject = (value: Encodable): Buffer => {
    if (typeof value === "boolean") return Buffer.from([value ? 0x09 : 0x08]);
    if (typeof value === "number") return encodeInt(value);
    if (typeof value === "string") {
      if (/^[\x00-\x7f]*$/.test(value)) return Buffer.concat([header(0x5, value.length), Buffer.from(value, "latin1")]);
      const utf16 = Buffer.from(value, "utf16le").swap16();
      return Buffer.concat([header(0x6, utf16.length / 2), utf16]);
    }
    if (value instanceof Uint8Array) return Buffer.concat([header(0x4, value.length), Buffer.from(value)]);
    if (value instanceof Date) {
      const buffer = Buffer.alloc(9);
      buffer[0] = 0x33;
      buffer.writeDoubleBE(value.getTime() / 1000 - 978307200, 1);
      return buffer;
    }
    if (Array.isArray(value)) {
      const refs = value.map((item) => add(item));
      return Buffer.concat([header(0xa, refs.length), ...refs.map(ref)]);
    }
    if ("real" in value && typeof value.real === "number" && Object.keys(value).length === 1) {
      const buffer = Buffer.alloc(9);
      buffer[0] = 0x23;
      buffer.writeDoubleBE(value.real, 1);
      return buffer;
    }
    const entries = Object.entries(value as Record<string, Encodable>);
    const keys = entries.map(([key]) => add(key));
    const values = entries.map(([, item]) => add(item));
    return Buffer.concat([header(0xd, entries.length), ...keys.map(ref), ...values.map(ref)]);
  };
  add(root);
  return assemble(objects);
}

/** bplist00 from encoded objects (object 0 is the top). */
function assemble(objects: readonly Buffer[]): Uint8Array {
  const body: Buffer[] = [Buffer.from("bplist00", "latin1")];
  const offsets: number[] = [];
  let at = 8;
  for (const object of objects) {
    offsets.push(at);
    body.push(object);
    at += object.length;
  }
  const table = Buffer.alloc(offsets.length * 4);
  offsets.forEach((offset, i) => table.writeUInt32BE(offset, i * 4));
  const trailer = Buffer.alloc(32);
  trailer[6] = 4;
  trailer[7] = REF_SIZE;
  trailer.writeBigUInt64BE(BigInt(objects.length), 8);
  trailer.writeBigUInt64BE(0n, 16);
  trailer.writeBigUInt64BE(BigInt(at), 24);
  return new Uint8Array(Buffer.concat([...body, table, trailer]));
}

/**
 * { "OIDCProvider": [[…[true, true]…], […]] }: `levels` arrays, each holding the next one twice, so
 * a file of a few hundred bytes expands to 2^levels values, as "billion laughs" does in XML. The
 * innermost value is `true` (marker 0x09) unless another one-byte marker is given.
 */
export function encodeSharedArrays(levels: number, leafMarker = 0x09): Uint8Array {
  const objects = [Buffer.concat([Buffer.from([0xd1]), ref(1), ref(2)]), Buffer.concat([Buffer.from([0x5c]), Buffer.from("OIDCProvider", "latin1")])];
  for (let level = 0; level < levels; level++) objects.push(Buffer.concat([Buffer.from([0xa2]), ref(objects.length + 1), ref(objects.length + 1)]));
  objects.push(Buffer.from([leafMarker]));
  return assemble(objects);
}

function header(kind: number, length: number): Buffer {
  if (length < 15) return Buffer.from([(kind << 4) | length]);
  return Buffer.concat([Buffer.from([(kind << 4) | 0xf]), encodeInt(length)]);
}

function encodeInt(value: number): Buffer {
  if (value >= 0 && value < 256) return Buffer.from([0x10, value]);
  if (value >= 0 && value < 65536) {
    const buffer = Buffer.alloc(3);
    buffer[0] = 0x11;
    buffer.writeUInt16BE(value, 1);
    return buffer;
  }
  const buffer = Buffer.alloc(9);
  buffer[0] = 0x13;
  buffer.writeBigInt64BE(BigInt(value), 1);
  return buffer;
}
