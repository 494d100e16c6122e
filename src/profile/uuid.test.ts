import { createHash } from "node:crypto";
import { v5, validate, version } from "uuid";
import { describe, expect, it } from "vitest";
import { payloadUuid, UUID_NAMESPACE } from "./wrap.js";
import { sha1, uuidV5 } from "./uuid.js";

describe("sha1", () => {
  it("matches node:crypto's SHA-1 for every length around the block and padding edges", () => {
    const bytes = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 151 + 7) & 0xff));
    for (let length = 0; length <= 300; length++) {
      const part = bytes.subarray(0, length);
      expect(sha1(part).toString("hex"), `${length} bytes`).toBe(createHash("sha1").update(part).digest("hex"));
    }
  });

  it("gives FIPS 180's example digests", () => {
    expect(sha1(Buffer.from("abc")).toString("hex")).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(sha1(Buffer.from("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toString("hex")).toBe("84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  });
});

describe("uuidV5", () => {
  it.each(["com.contoso.jamfconnect.prod.login", "", "Zürich 東京", "x".repeat(500)])("matches the uuid package for %j", (name) => {
    expect(uuidV5(name, UUID_NAMESPACE)).toBe(v5(name, UUID_NAMESPACE));
    expect(uuidV5(name, v5.DNS)).toBe(v5(name, v5.DNS));
  });
});

describe("payloadUuid", () => {
  it("is an upper-case version 5 UUID, the same for the same identifier and different otherwise", () => {
    const prod = payloadUuid("com.contoso.jamfconnect.prod.login");
    expect(prod).toBe(prod.toUpperCase());
    expect(validate(prod)).toBe(true);
    expect(version(prod)).toBe(5);
    expect(payloadUuid("com.contoso.jamfconnect.prod.login")).toBe(prod);
    expect(payloadUuid("com.contoso.jamfconnect.test.login")).not.toBe(prod);
  });

  it("is pinned: changing the namespace would give every Mac a ghost copy of every profile", () => {
    expect(payloadUuid("com.contoso.jamfconnect.prod.login")).toBe("544489DE-82C7-5176-A830-968293C7632A");
  });
});
