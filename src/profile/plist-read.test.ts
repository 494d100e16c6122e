import { parse } from "plist";
import { describe, expect, it } from "vitest";
import { encodeBinaryPlist, encodeSharedArrays } from "../../test/profiles/bplist-encode.js";
import { foreignXml } from "../../test/profiles/fixture-set.js";
import { PlistReadError, readPlist } from "./plist-read.js";
import { serializePlist } from "./plist-xml.js";

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text));
const read = (text: string) => readPlist(bytes(text)).value;
const wrap = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">${body}</plist>`;

function refusal(input: string | Uint8Array): string {
  try {
    readPlist(typeof input === "string" ? bytes(input) : input);
  } catch (error) {
    expect(error).toBeInstanceOf(PlistReadError);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

describe("readPlist: XML", () => {
  const sample = {
    text: `a < b && c > "d" 'e' — Zürich 東京 🍎\ttab\r\nline`,
    int: -42,
    big: 9007199254740991,
    yes: true,
    no: false,
    list: ["x", 1, [], {}],
    nested: { deeper: { data: new Uint8Array([0, 255, 10]) } },
    when: new Date("2027-01-05T10:20:30Z"),
  };

  it("reads what jcprofile's writer writes, value for value", () => {
    expect(read(serializePlist(sample))).toEqual(sample);
  });

  it("reads what other tools write (order, indentation, reals, wrapped data) as the plist package does", () => {
    const foreign = foreignXml({ b: { real: 2.5 }, a: new Uint8Array(100).fill(7), c: "x" });
    const ours = read(foreign);
    expect(ours).toEqual({ b: 2.5, a: new Uint8Array(100).fill(7), c: "x" });
    expect(Object.keys(ours as object)).toEqual(["b", "a", "c"]);
    const theirs = parse(foreign) as Record<string, unknown>;
    expect(Array.from((ours as { a: Uint8Array }).a)).toEqual(Array.from(theirs.a as Uint8Array));
  });

  it("decodes character references, CDATA, comments, self-closing values and a BOM", () => {
    const text = `\uFEFF${wrap("<!-- c --><dict><key>a&#x26;b</key><string>&#169;<![CDATA[<raw & text>]]><!-- x --></string><key>e</key><string/><key>t</key><true></true><key>d</key><dict/></dict>")}`;
    expect(read(text)).toEqual({ "a&b": "©<raw & text>", e: "", t: true, d: {} });
  });

  it("keeps a key named __proto__ as an ordinary key", () => {
    const value = read(wrap("<dict><key>__proto__</key><string>x</string></dict>")) as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it.each([
    ["an external entity", '<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY x SYSTEM "file:///etc/passwd">]><plist><string>&x;</string></plist>', "internal subset"],
    ["an undeclared entity", wrap("<string>&x;</string>"), "&x;"],
    ["a processing instruction", wrap('<?php echo 1; ?><string/>'), "<?php?>"],
    ["a stylesheet instruction before the root", '<?xml version="1.0"?><?xml-stylesheet href="x"?><plist><string/></plist>', "<?xml-stylesheet?>"],
    ["an ENTITY declaration outside a DOCTYPE", '<!ENTITY x "y"><plist><string/></plist>', "markup declaration"],
    ["another DOCTYPE", '<!DOCTYPE svg PUBLIC "x" "y"><plist><string/></plist>', "DOCTYPE svg"],
    ["an HTML page", "<!doctype html><html><body>Sign in</body></html>", "HTML page"],
    ["an html root", "<html><body/></html>", "HTML page"],
    ["another XML root", "<svg></svg>", "root element <svg>"],
    ["a bare ampersand", wrap("<string>a & b</string>"), 'bare "&"'],
    ["a truncated file", wrap("<dict><key>a</key><string>b</string>").slice(0, -12), "truncated"],
    ["an unknown element", wrap("<dict><key>a</key><number>1</number></dict>"), "<number>"],
    ["a duplicate key", wrap("<dict><key>a</key><true/><key>a</key><false/></dict>"), 'key "a" twice'],
    ["a fractional integer", wrap("<integer>1.5</integer>"), "not a whole number"],
    ["an unsafe integer", wrap("<integer>9007199254740993</integer>"), "too large"],
    ["bad base64", wrap("<data>@@@</data>"), "not base64"],
    ["a bad date", wrap("<date>yesterday</date>"), "not a date"],
    ["an empty plist", wrap("").replace("<plist version=\"1.0\"></plist>", '<plist version="1.0"/>'), "empty property list"],
    ["content after the plist", `${wrap("<true/>")}<plist/>`, "after </plist>"],
    ["another encoding", '<?xml version="1.0" encoding="ISO-8859-1"?><plist><true/></plist>', "ISO-8859-1"],
    ["deep nesting", wrap("<array>".repeat(100) + "</array>".repeat(100)), "deeper"],
  ])("refuses %s", (_name, text, words) => {
    expect(refusal(text)).toContain(words);
  });

  it.each([
    ["an empty file", new Uint8Array(), "is empty"],
    ["whitespace", bytes("  \n"), "only whitespace"],
    ["JSON", bytes('{"a": 1}'), "is JSON"],
    ["plain text", bytes("OIDCProvider = Azure"), "is text"],
    ["binary junk", new Uint8Array([0xff, 0x00, 0xc3, 0x28]), "binary data"],
    ["UTF-16 text", new Uint8Array([0xff, 0xfe, 0x3c, 0x00]), "UTF-16"],
    ["another bplist version", bytes("bplist15xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), "unknown version"],
  ])("names %s", (_name, input, words) => {
    expect(refusal(input)).toContain(words);
  });
});

describe("readPlist: binary", () => {
  it("reads every kind a profile can hold", () => {
    const value = {
      ascii: "plain",
      unicode: "Zürich 東京 🍎",
      long: "x".repeat(300),
      small: 7,
      wide: 70000,
      negative: -5,
      real: { real: 2.5 },
      yes: true,
      no: false,
      data: new Uint8Array([1, 2, 3]),
      when: new Date("2027-01-05T00:00:00Z"),
      list: Array.from({ length: 20 }, (_, i) => i),
      nested: { a: { b: [] } },
    };
    const read = readPlist(encodeBinaryPlist(value));
    expect(read.format).toBe("binary");
    expect(read.value).toEqual({ ...value, real: 2.5 });
  });

  it("refuses a truncated file at every cut", () => {
    const full = encodeBinaryPlist({ a: ["b", 1, true], c: { d: "e" } });
    for (let length = 8; length < full.length; length += 3) {
      expect(refusal(full.slice(0, length))).toMatch(/truncated|damaged|binary property list/);
    }
  });

  it("refuses UIDs, sets and nulls by name", () => {
    const uid = encodeBinaryPlist(["x"]);
    // Turn the string object (marker 0x51) into a UID (0x80).
    const at = Buffer.from(uid).indexOf(0x51, 9);
    uid[at] = 0x80;
    expect(refusal(uid)).toContain("UID");
  });

  it("reads an object shared by several references at each place", () => {
    const nested = (levels: number): unknown => (levels === 0 ? true : [nested(levels - 1), nested(levels - 1)]);
    expect(readPlist(encodeSharedArrays(10)).value).toEqual({ OIDCProvider: nested(10) });
  });

  it("counts shared objects at every reference and refuses past a million values before building any", () => {
    // 19 levels: 2^20 + 1 values with the dictionary and its key, just past the limit; 60 levels: 2^61.
    for (const levels of [19, 60]) expect(refusal(encodeSharedArrays(levels))).toContain("expands to more than 1,000,000 values");
    // Counted before anything is read: the null at the bottom (refused when read) is never reached.
    expect(refusal(encodeSharedArrays(60, 0x00))).toContain("expands to more than");
    expect(refusal(encodeSharedArrays(3, 0x00))).toContain("a null value");
  });

  it("refuses an object that contains itself", () => {
    const looped = encodeBinaryPlist([[]]);
    // The inner array (object 1, marker 0xA0) becomes a one-item array that refers to object 0.
    const at = Buffer.from(looped).indexOf(0xa0, 9);
    looped[at] = 0xa1;
    expect(refusal(looped)).toMatch(/contains itself|damaged|truncated/);
  });
});
