import { describe, expect, it } from "vitest";
import { PROBE_TIMEOUT_SECONDS, readTimeoutFlag, UPLOAD_TIMEOUT_SECONDS } from "./timeout.js";

describe("readTimeoutFlag", () => {
  it("takes seconds in (0, 600], and the command's default when the flag is absent", () => {
    expect(readTimeoutFlag(undefined, PROBE_TIMEOUT_SECONDS)).toBe(15);
    expect(readTimeoutFlag(undefined, UPLOAD_TIMEOUT_SECONDS)).toBe(30);
    expect(readTimeoutFlag("2.5", PROBE_TIMEOUT_SECONDS)).toBe(2.5);
    expect(readTimeoutFlag("600", PROBE_TIMEOUT_SECONDS)).toBe(600);
  });

  it.each(["", " ", "0", "-1", "601", "soon", "Infinity", "0x10", "1e2", "0b11", "0o7", "+5", ".5", "5s", " 5"])("refuses %j naming the flag and the command's default", (text) => {
    expect(() => readTimeoutFlag(text, UPLOAD_TIMEOUT_SECONDS)).toThrow(`--timeout ${JSON.stringify(text)} is not a number of seconds between 0 and 600 (default 30)`);
  });
});
