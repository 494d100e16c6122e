import { describe, expect, it } from "vitest";
import { escapeXmlText } from "../profile/plist-xml.js";
import { child, childText, parseXml, XmlSyntaxError } from "./xml.js";

describe("parseXml", () => {
  it("reads elements, text, references and CDATA", () => {
    const root = parseXml('<?xml version="1.0" encoding="UTF-8"?><!-- c --><a><b id="1">x &amp; y &lt;z&gt; &#65;&#x42;</b><c/><d><![CDATA[<raw>&amp;]]></d></a>');
    expect(root.name).toBe("a");
    expect(childText(root, "b")).toBe("x & y <z> AB");
    expect(child(root, "c")).toMatchObject({ name: "c", text: "" });
    expect(childText(root, "d")).toBe("<raw>&amp;");
  });

  it("round-trips a plist carried as escaped text", () => {
    const plist = '<?xml version="1.0"?>\n<plist><dict><key>A&B</key><string>"<x>"\r</string></dict></plist>';
    expect(childText(parseXml(`<general><payloads>${escapeXmlText(plist)}</payloads></general>`), "payloads")).toBe(plist);
  });

  it.each([
    ['<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>', "DOCTYPE"],
    ["<a>&x;</a>", "unknown entity"],
    ["<a>&#x110000;</a>", "invalid character reference"],
    ["<a>fish & chips</a>", 'bare "&"'],
    ["<a><b></a>", "unexpected"],
    ["<a>", "incomplete"],
    ["<a/><b/>", "more than one root"],
    ["text", "outside the root"],
  ])("refuses %s", (source, message) => {
    expect(() => parseXml(source)).toThrow(XmlSyntaxError);
    expect(() => parseXml(source)).toThrow(message);
  });
});
