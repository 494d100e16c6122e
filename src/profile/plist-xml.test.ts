import { parse } from "plist";
import { describe, expect, it } from "vitest";
import { PlistValueError, serializePlist } from "./plist-xml.js";

describe("serializePlist", () => {
  it("writes Apple's header, tabs and sorted keys", () => {
    const text = serializePlist({ b: true, a: [1, "x"], c: { z: false, y: new Uint8Array([1, 2, 3]) } });
    expect(text).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
        '<plist version="1.0">',
        "<dict>",
        "\t<key>a</key>",
        "\t<array>",
        "\t\t<integer>1</integer>",
        "\t\t<string>x</string>",
        "\t</array>",
        "\t<key>b</key>",
        "\t<true/>",
        "\t<key>c</key>",
        "\t<dict>",
        "\t\t<key>y</key>",
        "\t\t<data>AQID</data>",
        "\t\t<key>z</key>",
        "\t\t<false/>",
        "\t</dict>",
        "</dict>",
        "</plist>",
        "",
      ].join("\n"),
    );
  });

  it("escapes markup and keeps quotes and Unicode, so values round-trip exactly", () => {
    const value = { "k<&>": `a < b && c > "d" 'e' — Zürich 東京 🍎`, empty: "", list: [], dict: {} };
    const text = serializePlist(value);
    expect(text).toContain("<key>k&lt;&amp;&gt;</key>");
    expect(text).toContain("<array/>");
    expect(text).toContain("<dict/>");
    expect(parse(text)).toEqual(value);
  });

  it("round-trips data as bytes", () => {
    const bytes = new Uint8Array([0, 255, 10, 13, 60]);
    const parsed = parse(serializePlist({ d: bytes })) as { d: Uint8Array };
    expect(Array.from(parsed.d)).toEqual(Array.from(bytes));
  });

  it.each([
    [{ a: 1.5 }, ["a"], "whole number"],
    [{ a: Number.NaN }, ["a"], "whole number"],
    [{ a: 2 ** 53 }, ["a"], "whole number"],
    [{ a: new Uint8Array() }, ["a"], "empty data"],
    [{ a: ["ok", "bad\u0001"] }, ["a", 1], "U+0001"],
    [{ "bad\u0000key": 1 }, ["bad\u0000key"], "U+0000"],
    [{ a: "\uD800" }, ["a"], "U+D800"],
    [{ a: null as unknown as string }, ["a"], "no property list form"],
  ])("rejects %j with the value's path", (value, path, message) => {
    try {
      serializePlist(value);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PlistValueError);
      expect((error as PlistValueError).path).toEqual(path);
      expect((error as PlistValueError).message).toContain(message);
    }
  });

  it("accepts tab, newline and carriage return in strings", () => {
    expect(parse(serializePlist({ a: "x\ty\nz\r" }))).toEqual({ a: "x\ty\nz\r" });
  });
});
