/**
 * Reads the one small property list jcprofile takes from the admin: a Jamf Connect license, a
 * flat dictionary of text, number, date and boolean values, in XML or binary form. Returns the
 * fields, a reason when the file is a property list that cannot be read, or undefined when it is
 * no property list at all. External entities and DTD subsets are refused, never expanded.
 * Stopgap until src/profile's general plist reader lands; checkLicense (license.ts) is its only user.
 */
type Fields = Record<string, string | number | boolean>;

export function readLicensePlist(bytes: Uint8Array): Fields | string | undefined {
  if (Buffer.from(bytes.subarray(0, 8)).toString("latin1") === "bplist00") return readBinary(Buffer.from(bytes));
  const text = Buffer.from(bytes).toString("utf8").replace(/^\uFEFF/, "");
  if (!/^\s*<(?:\?xml|!DOCTYPE\s+plist|plist)/.test(text)) return undefined;
  return readXml(text);
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9A-Fa-f]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/g;

/** XML text with its five named entities and character references; undefined for any other `&`. */
function decodeText(text: string): string | undefined {
  if (/&(?!(?:#x[0-9A-Fa-f]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);)/.test(text)) return undefined;
  try {
    return text.replace(ENTITY, (_all, name: string) =>
      name.startsWith("#x") ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith("#") ? String.fromCodePoint(parseInt(name.slice(1), 10))
      : ENTITIES[name]!,
    );
  } catch {
    return undefined; // a character reference beyond U+10FFFF
  }
}

const MEMBER = /\s*<key>([^<]*)<\/key>\s*(?:<(string|date|integer|real|data)>([^<]*)<\/\2>|<(string|data)\/>|<(true|false)\/>)/y;

function readXml(text: string): Fields | string {
  if (/<!ENTITY|<!DOCTYPE[^>]*\[/i.test(text)) return "it declares entities or a DTD subset, which a license never does";
  const body = text
    .replace(/^\s*<\?xml[^>]*\?>/, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/^\s*<!DOCTYPE\s+plist\s+PUBLIC\s+"[^"]*"\s+"[^"]*"\s*>/, "");
  const outer = /^\s*<plist(?:\s[^>]*)?>\s*<dict>([\s\S]*)<\/dict>\s*<\/plist>\s*$/.exec(body);
  if (!outer) return "its top level is not a <plist> holding one <dict>";
  const inner = outer[1]!;
  const fields: Fields = {};
  MEMBER.lastIndex = 0;
  while (MEMBER.lastIndex < inner.length && !/^\s*$/.test(inner.slice(MEMBER.lastIndex))) {
    const match = MEMBER.exec(inner);
    if (!match) return "its dictionary holds something other than keys with simple values";
    const key = decodeText(match[1]!);
    const raw = match[3] ?? "";
    const value = match[5] !== undefined ? match[5] === "true" : match[2] === "integer" || match[2] === "real" ? Number(raw) : decodeText(raw);
    if (key === undefined || value === undefined || (typeof value === "number" && Number.isNaN(value))) return "it holds a malformed value";
    fields[key] = value;
  }
  return fields;
}

/** bplist00: trailer, offset table, then a top-level dictionary of strings, numbers, dates, booleans. */
function readBinary(buf: Buffer): Fields | string {
  try {
    if (buf.length < 40) return "the binary property list is truncated";
    const trailer = buf.subarray(buf.length - 32);
    const offsetSize = trailer[6]!;
    const refSize = trailer[7]!;
    const count = Number(trailer.readBigUInt64BE(8));
    const top = Number(trailer.readBigUInt64BE(16));
    const tableAt = Number(trailer.readBigUInt64BE(24));
    if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8 || top >= count || tableAt + count * offsetSize > buf.length - 32) {
      return "the binary property list's trailer is damaged";
    }
    const uint = (at: number, size: number) => Number(buf.readUIntBE(at, Math.min(size, 6)));
    const offsetOf = (ref: number) => {
      if (ref >= count) throw new Error("object reference out of range");
      return uint(tableAt + ref * offsetSize, offsetSize);
    };
    const lengthAt = (at: number): [number, number] => {
      const low = buf[at]! & 0x0f;
      if (low !== 0x0f) return [low, at + 1];
      const sizeMarker = buf[at + 1]!;
      if (sizeMarker >> 4 !== 1) throw new Error("bad length");
      const bytes = 1 << (sizeMarker & 0x0f);
      return [uint(at + 2, bytes), at + 2 + bytes];
    };
    const read = (ref: number): string | number | boolean | undefined => {
      const at = offsetOf(ref);
      const marker = buf[at]!;
      const kind = marker >> 4;
      if (marker === 0x08 || marker === 0x09) return marker === 0x09;
      if (kind === 0x1) return uint(at + 1, 1 << (marker & 0x0f));
      if (kind === 0x2) return (marker & 0x0f) === 3 ? buf.readDoubleBE(at + 1) : buf.readFloatBE(at + 1);
      if (kind === 0x3) return new Date(Date.UTC(2001, 0, 1) + buf.readDoubleBE(at + 1) * 1000).toISOString();
      const [length, start] = lengthAt(at);
      if (kind === 0x5) return buf.toString("latin1", start, start + length);
      if (kind === 0x6) return Buffer.from(buf.subarray(start, start + 2 * length)).swap16().toString("utf16le");
      return undefined;
    };
    const topAt = offsetOf(top);
    if (buf[topAt]! >> 4 !== 0xd) return "its top level is not a dictionary";
    const [size, refsAt] = lengthAt(topAt);
    const fields: Fields = {};
    for (let index = 0; index < size; index++) {
      const key = read(uint(refsAt + index * refSize, refSize));
      const value = read(uint(refsAt + (size + index) * refSize, refSize));
      if (typeof key !== "string") return "a dictionary key is not text";
      if (value !== undefined) fields[key] = value;
    }
    return fields;
  } catch {
    return "the binary property list is damaged";
  }
}
