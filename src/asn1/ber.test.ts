import { describe, expect, it } from "vitest";
import { Asn1Error, readAsn1, readOctets, readOid, toDer } from "./ber.js";
import { objectIdentifier, OID, sequence, tlv } from "./der.js";

const bytes = (...values: number[]) => Uint8Array.from(values);

describe("readAsn1", () => {
  it("reads DER and BER (indefinite lengths, a constructed octet string) to the same DER", () => {
    const der = sequence(objectIdentifier(OID.data), tlv(0x04, Buffer.from("plist")));
    const ber = Buffer.concat([bytes(0x30, 0x80), objectIdentifier(OID.data), bytes(0x24, 0x80), tlv(0x04, Buffer.from("pl")), tlv(0x04, Buffer.from("ist")), bytes(0, 0, 0, 0)]);
    const read = readAsn1(ber);
    expect(read.next).toBe(ber.length);
    expect(readOid(read.children[0])).toBe(OID.data);
    expect(readOctets(read.children[1])?.toString()).toBe("plist");
    expect(toDer(readAsn1(der))).toEqual(der);
  });

  it("reads object identifiers as written, including arcs of several bytes", () => {
    for (const oid of Object.values(OID)) expect(readOid(readAsn1(objectIdentifier(oid)))).toBe(oid);
    expect(readOid(readAsn1(objectIdentifier("2.999.3")))).toBe("2.999.3");
    expect(() => readOid(readAsn1(bytes(0x06, 0x01, 0x86)))).toThrow(Asn1Error);
  });

  it.each([
    ["a length past the end", bytes(0x30, 0x05, 0x02, 0x01), /^Too few bytes: the element at byte 0 claims 5 bytes, 2 remain$/],
    ["a 4 GB length", bytes(0x30, 0x84, 0xff, 0xff, 0xff, 0xf0, 0), /^Too few bytes/],
    ["a length of five bytes", bytes(0x30, 0x85, 0, 0, 0, 0, 1), /a length of 5 bytes/],
    ["an indefinite length without its end", bytes(0x30, 0x80, 0x05, 0x00), /no end-of-contents/],
    ["an indefinite primitive", bytes(0x04, 0x80, 0, 0), /indefinite length on a primitive/],
    ["a high tag number", bytes(0x1f, 0x81, 0x00), /high tag number/],
  ])("refuses %s", (_what, input, message) => {
    expect(() => readAsn1(input)).toThrow(message);
  });

  it("stops at its depth, element and size limits, before building what they guard", () => {
    let deep: Buffer = Buffer.from([0x05, 0x00]);
    for (let i = 0; i < 40; i++) deep = Buffer.concat([bytes(0x30, 0x80), deep, bytes(0, 0)]);
    expect(() => readAsn1(deep)).toThrow(/nested deeper than 32 levels/);
    const wide = sequence(...Array.from({ length: 200 }, () => Buffer.from([0x05, 0x00])));
    expect(() => readAsn1(wide, { maxDepth: 32, maxElements: 100, maxBytes: 1 << 20 })).toThrow(/more than 100 elements/);
    expect(() => readAsn1(wide, { maxDepth: 32, maxElements: 1000, maxBytes: 100 })).toThrow(/more than the 100 read/);
  });
});
