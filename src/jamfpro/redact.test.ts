import { describe, expect, it } from "vitest";
import { createRedactor } from "./redact.js";

describe("createRedactor", () => {
  const secret = 'Se"cret&one/two+three';
  const redactor = createRedactor();
  redactor.add(secret);
  redactor.add("abc");

  it.each([
    ["as it is", `secret was ${secret}.`],
    ["URL-encoded", `body: client_id=x&cs=${encodeURIComponent(secret)}`],
    ["form-encoded", `cs=${new URLSearchParams({ v: secret }).toString().slice(2)}`],
    ["escaped in JSON", JSON.stringify({ s: secret })],
    ["escaped in XML", `<p>${secret.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}</p>`],
  ])("hides a known value %s", (_, text) => {
    const shown = redactor.redact(text);
    expect(shown).toContain("[redacted]");
    expect(shown).not.toContain("one/two");
  });

  it.each([
    ["Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-123", "Authorization: Bearer [redacted]"],
    ["your token was Bearer 4f1d9c2e7a8b3d5f6e0c", "your token was Bearer [redacted]"],
    ["Basic amFtZmFkbWluOnB3ZDEyMw==", "Basic [redacted]"],
    ["grant_type=client_credentials&client_secret=xyz123&x=1", "grant_type=client_credentials&client_secret=[redacted]&x=1"],
    ['{"access_token":"abc.def","expires_in":1200}', '{"access_token":"[redacted]","expires_in":1200}'],
    ["cut short: eyJhbGciOiJIUz…", "cut short: [redacted]…"],
  ])("hides a credential by its shape: %s", (text, shown) => {
    expect(createRedactor().redact(text)).toBe(shown);
  });

  it("leaves ordinary words alone, and values too short to look for", () => {
    const text = "Basic authentication is disabled; a Bearer token is required (abc)";
    expect(redactor.redact(text)).toBe(text);
  });

  it("in data that is compared, only long known values: no shapes, no short passwords", () => {
    const data = createRedactor();
    data.add("hunter22");
    data.add("Sentinel-Secret-7f3a9c2e5b1d8e4a6c0f");
    expect(data.redactData("password: hunter22, Bearer abc-123456, Sentinel-Secret-7f3a9c2e5b1d8e4a6c0f")).toBe("password: hunter22, Bearer abc-123456, [redacted]");
  });
});
