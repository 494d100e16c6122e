import { describe, expect, it } from "vitest";
import { decodeReferences } from "../profile/plist-read-xml-text.js";
import { describeScope, payloadsWire } from "./classic-body.js";
import { childText, parseXml } from "./xml.js";

describe("payloadsWire", () => {
  it("gives back the plist exactly after XML's reading and Jamf Pro's one extra decode (PI-827)", () => {
    const plist = "<plist><string>R&amp;D &lt;Mac&gt; &amp;amp; ]]&gt; \"q\" &#13;</string></plist>";
    const read = childText(parseXml(`<general>${payloadsWire(plist)}</general>`), "payloads")!;
    expect(decodeReferences(read, (message) => { throw new Error(message); })).toBe(plist);
  });

  it("splits ]]> across two CDATA sections", () => {
    expect(payloadsWire("a]]>b")).toBe("<payloads><![CDATA[a]]]]><![CDATA[>b]]></payloads>");
    expect(parseXml(payloadsWire("a]]>b")).text).toBe("a]]>b");
  });
});

describe("describeScope", () => {
  it.each([
    ["<scope><all_computers>true</all_computers></scope>", "all computers"],
    ["<scope><all_computers>false</all_computers><computers/><computer_groups/></scope>", "no computer yet (not scoped)"],
    [
      "<scope><computer_groups><computer_group><id>7</id><name>Pilot Macs</name></computer_group></computer_groups><computers><computer><name>a</name></computer><computer><name>b</name></computer></computers></scope>",
      'computer group "Pilot Macs", computers "a", "b"',
    ],
  ])("%s → %s", (xml, words) => {
    expect(describeScope(parseXml(xml))).toBe(words);
  });
});
