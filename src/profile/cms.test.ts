import { describe, expect, it } from "vitest";
import { explicit, integer, objectIdentifier, octetString, OID, sequence, set } from "../asn1/der.js";
import { extractCmsContent, looksLikeCms, readSignedData } from "./cms.js";

const signed = (content: Buffer) =>
  sequence(objectIdentifier(OID.signedData), explicit(0, sequence(integer(1), set(), sequence(objectIdentifier(OID.data), explicit(0, octetString(content))), set())));

describe("looksLikeCms: one rule for lint, import and verify", () => {
  it("is a SEQUENCE that opens with the signedData OID, in DER or BER", () => {
    const der = signed(Buffer.from("<plist/>"));
    expect(looksLikeCms(der)).toBe(true);
    expect(looksLikeCms(Buffer.concat([Buffer.from([0x30, 0x80]), der.subarray(2), Buffer.from([0, 0])]))).toBe(true);
    expect(looksLikeCms(Buffer.concat([Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xf0]), der.subarray(2, 13)]))).toBe(true);
  });

  it("is not a certificate, a PKCS#12 or a plist, though they may start with a SEQUENCE too", () => {
    expect(looksLikeCms(sequence(sequence(integer(2)), objectIdentifier(OID.signedData)))).toBe(false);
    expect(looksLikeCms(sequence(integer(3), sequence(objectIdentifier(OID.data))))).toBe(false);
    expect(looksLikeCms(Buffer.from("bplist00"))).toBe(false);
    expect(looksLikeCms(Buffer.from([0x30]))).toBe(false);
  });
});

describe("readSignedData", () => {
  it("ignores bytes after the structure for lint, and refuses them for verify", () => {
    const padded = Buffer.concat([signed(Buffer.from("<plist/>")), Buffer.from([0, 0, 0])]);
    expect(Buffer.from(extractCmsContent(padded)).toString()).toBe("<plist/>");
    expect(() => readSignedData(padded, { exact: true })).toThrow("damaged CMS structure (3 bytes after its end)");
  });

  it("names a detached signature apart from damage", () => {
    const detached = sequence(objectIdentifier(OID.signedData), explicit(0, sequence(integer(1), set(), sequence(objectIdentifier(OID.data)), set())));
    expect(() => readSignedData(detached)).toThrow(expect.objectContaining({ detached: true, message: "no attached content (a detached signature)" }));
    expect(() => extractCmsContent(detached)).toThrow("is a signed profile whose content is detached");
  });
});
