import { v5, validate, version } from "uuid";
import { describe, expect, it } from "vitest";
import { payloadUuid, UUID_NAMESPACE } from "./wrap.js";
import { uuidV5 } from "./uuid.js";

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
