import { guessDomainFromKeys } from "../catalog/guess-domain.js";
import { describe, expect, it } from "vitest";
import { extractCmsContent } from "./cms.js";
import { serializePlist, type PlistDict, type PlistValue } from "./plist-xml.js";
import { describeMalformed, ProfileReadError, readProfile } from "./read-profile.js";
import { wrapPreferences } from "./wrap.js";

const bytes = (value: PlistDict): Uint8Array => new Uint8Array(Buffer.from(serializePlist(value)));
const identity = { identifier: "com.example.jc", displayName: "JC", organization: "Example", removalDisallowed: true, payloadStyle: "mcx" as const };
const login = { OIDCProvider: "Azure", DenyLocal: true };
const menubar = { IdPSettings: { Provider: "Azure" } };

describe("readProfile", () => {
  it("unwraps one profile holding both domains and other payloads, naming the others", () => {
    const loginProfile = wrapPreferences("com.jamf.connect.login", login, identity);
    const menubarPayload = (wrapPreferences("com.jamf.connect", menubar, { ...identity, payloadStyle: "domain" }).PayloadContent as PlistDict[])[0]!;
    const certificate = { PayloadType: "com.apple.security.root", PayloadDisplayName: "Root CA", PayloadIdentifier: "x", PayloadUUID: "y", PayloadVersion: 1 };
    const profile = { ...loginProfile, PayloadContent: [...(loginProfile.PayloadContent as PlistDict[]), menubarPayload, certificate] };
    const model = readProfile(bytes(profile), { fileName: "both.mobileconfig" });
    expect(model.form).toBe("profile");
    expect(model.payloads.map((p) => [p.domain, p.kind, p.style, p.index, p.preferences])).toEqual([
      ["com.jamf.connect.login", "login", "mcx", 0, login],
      ["com.jamf.connect", "menubar", "domain", 1, menubar],
    ]);
    expect(model.others).toEqual([{ index: 2, type: "com.apple.security.root", displayName: "Root CA" }]);
    expect(readProfile(bytes(profile), { fileName: "both.mobileconfig", domain: "com.jamf.connect" }).payloads).toHaveLength(1);
  });

  it("reads mcx Set-Once and names the mcx domains it does not manage", () => {
    const profile = {
      PayloadType: "Configuration",
      PayloadContent: [{ PayloadType: "com.apple.ManagedClient.preferences", PayloadContent: { "com.jamf.connect.login": { "Set-Once": [{ mcx_preference_settings: login }] }, "com.apple.Safari": { Forced: [] } } }],
    };
    const model = readProfile(bytes(profile), { fileName: "p" });
    expect(model.payloads.map((p) => p.mcxState)).toEqual(["Set-Once"]);
    expect(model.others).toEqual([{ index: 0, type: "com.apple.ManagedClient.preferences", domain: "com.apple.Safari" }]);
  });

  it("records each mcx entry not in the shape macOS reads, keeps the well-formed ones, and filters them by --domain", () => {
    const mcx = (content: PlistDict): PlistDict => ({ PayloadType: "com.apple.ManagedClient.preferences", PayloadContent: content });
    const profile = {
      PayloadType: "Configuration",
      PayloadContent: [
        mcx({ "com.jamf.connect.login": { Forced: [{ mcx_preference_settings: login }, "x", { mcx_preference_settings: "y" }, {}], "Set-Once": { mcx_preference_settings: login } } }),
        mcx({ "com.jamf.connect": [{ Forced: [] }] }),
      ],
    };
    const model = readProfile(bytes(profile), { fileName: "p" });
    expect(model.payloads.map((p) => [p.domain, p.mcxState, p.preferences])).toEqual([["com.jamf.connect.login", "Forced", login]]);
    expect(model.malformed.map(describeMalformed)).toEqual([
      "com.jamf.connect.login: Forced[1] is a string, not a dictionary holding mcx_preference_settings",
      "com.jamf.connect.login: Forced[2].mcx_preference_settings is a string, not a dictionary of preferences",
      "com.jamf.connect.login: Forced[3].mcx_preference_settings is missing",
      "com.jamf.connect.login: Set-Once is a dictionary, not an array of dictionaries",
      "com.jamf.connect is an array, not a dictionary of mcx states (Forced)",
    ]);
    expect(model.malformed.map((entry) => entry.index)).toEqual([0, 0, 0, 0, 1]);
    expect(readProfile(bytes(profile), { fileName: "p", domain: "com.jamf.connect.login" }).malformed).toHaveLength(4);
    // An empty list sets nothing but is in the shape macOS reads.
    expect(readProfile(bytes({ ...profile, PayloadContent: [(profile.PayloadContent as PlistDict[])[0]!, mcx({ "com.jamf.connect": { Forced: [] } })] }), { fileName: "p" }).malformed).toHaveLength(4);
  });

  it("a custom-settings PayloadContent that is not a dictionary: each Jamf Connect domain it names (a key or a string, among its arrays) is a badly formed entry at the payload's level, other keys beside it another tool's domains; one naming none — a domain only inside another tool's settings names none — is another payload", () => {
    const mcx = (content: PlistValue): PlistDict => ({ PayloadType: "com.apple.ManagedClient.preferences", PayloadContent: content });
    const profile = {
      PayloadType: "Configuration",
      PayloadContent: [
        mcx({ "com.jamf.connect.login": { Forced: [{ mcx_preference_settings: login }] } }),
        mcx([{ "com.jamf.connect": { Forced: [{ mcx_preference_settings: menubar }] } }]),
        mcx([[["com.jamf.connect.login"]], { a: { "com.jamf.connect": 1 } }, [{ "com.jamf.connect": {} }]]),
        mcx([{ "com.apple.Safari": { Forced: [] } }, "com.jamf.connect.x"]),
        mcx("com.jamf.connect"),
        mcx(5),
        { PayloadType: "com.apple.ManagedClient.preferences" },
        // A Dock tile for Jamf Connect, in a Dock payload badly formed the same way: the Dock's settings, not a Jamf Connect domain.
        mcx([{ "com.apple.dock": { Forced: [{ mcx_preference_settings: { "persistent-apps": [{ "tile-data": { "bundle-identifier": "com.jamf.connect" } }] } }] } }]),
      ],
    };
    const model = readProfile(bytes(profile), { fileName: "p" });
    expect(model.payloads.map((payload) => payload.index)).toEqual([0]);
    expect(model.malformed.map((entry) => [entry.index, entry.domain, entry.path])).toEqual([
      [1, "com.jamf.connect", []],
      [2, "com.jamf.connect.login", []],
      [2, "com.jamf.connect", []],
      [4, "com.jamf.connect", []],
    ]);
    expect(model.malformed.map(describeMalformed)[0]).toBe("PayloadContent holding com.jamf.connect is an array, not a dictionary of preference domains");
    expect(model.malformed.map(describeMalformed)[3]).toBe("PayloadContent holding com.jamf.connect is a string, not a dictionary of preference domains");
    // Beside a Jamf Connect domain, the keys of the dictionaries such content holds are another tool's (here "a"), as in a well-formed payload.
    expect(model.others.map((other) => [other.index, other.domain])).toEqual([[2, "a"], [3, undefined], [5, undefined], [6, undefined], [7, undefined]]);
  });

  it("reads bare preferences with the domain given, named by the file, or guessed from the keys", () => {
    expect(readProfile(bytes(login), { fileName: "x.plist", domain: "com.jamf.connect" }).payloads[0]!.domain).toBe("com.jamf.connect");
    expect(readProfile(bytes({ Anything: 1 }), { fileName: "/Library/Managed Preferences/com.jamf.connect.plist" }).notes).toEqual([
      "preferences file: domain com.jamf.connect from the file name (give --domain to set it)",
    ]);
    const guessed = readProfile(bytes(login), { fileName: "x.plist", guessDomain: guessDomainFromKeys });
    expect(() => readProfile(bytes(login), { fileName: "x.plist" })).toThrow(/neither a configuration profile nor recognisably Jamf Connect preferences/);
    expect(guessed.form).toBe("preferences");
    expect(guessed.payloads[0]!.domain).toBe("com.jamf.connect.login");
    expect(guessed.notes[0]).toContain("guessed from its keys (DenyLocal, OIDCProvider)");
  });

  it.each([
    [{ Something: "else" }, "x.plist: is a property list that is neither a configuration profile nor recognisably Jamf Connect preferences — if it holds preferences, give --domain"],
    [{}, "x.plist: is an empty property list"],
    [{ PayloadType: "Configuration", PayloadContent: [] }, "x.plist: is a configuration profile without a Jamf Connect payload (it holds no payloads)"],
  ])("refuses %j with one line naming the file", (value, message) => {
    expect(() => readProfile(bytes(value), { fileName: "x.plist" })).toThrow(message);
    try {
      readProfile(bytes(value), { fileName: "x.plist" });
    } catch (error) {
      expect(error).toBeInstanceOf(ProfileReadError);
      expect((error as ProfileReadError).exitCode).toBe(2);
    }
  });

  it("refuses a top-level array", () => {
    expect(() => readProfile(new Uint8Array(Buffer.from(serializePlist([1]))), { fileName: "a" })).toThrow("a: is a property list whose top level is an array");
  });
});

describe("extractCmsContent", () => {
  /** DER/BER by hand: tag, length, content. */
  const tlv = (tag: number, ...content: Uint8Array[]): Uint8Array => {
    const body = Buffer.concat(content);
    const length = body.length < 128 ? Buffer.from([body.length]) : Buffer.from([0x82, body.length >> 8, body.length & 0xff]);
    return new Uint8Array(Buffer.concat([Buffer.from([tag]), length, body]));
  };
  const indefinite = (tag: number, ...content: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat([Buffer.from([tag, 0x80]), ...content, Buffer.from([0, 0])]));
  const oid = (hex: string): Uint8Array => tlv(0x06, Buffer.from(hex, "hex"));
  const signed = (content: Uint8Array): Uint8Array =>
    tlv(0x30, oid("2a864886f70d010702"), tlv(0xa0, tlv(0x30, tlv(0x02, Buffer.from([1])), tlv(0x31), tlv(0x30, oid("2a864886f70d010701"), tlv(0xa0, content)), tlv(0x31))));

  it("finds the content of a DER OCTET STRING and of a BER constructed, indefinite-length one", () => {
    const plist = Buffer.from("<plist/>");
    expect(Buffer.from(extractCmsContent(signed(tlv(0x04, plist)))).toString()).toBe("<plist/>");
    const parts = indefinite(0x24, tlv(0x04, plist.subarray(0, 3)), tlv(0x04, plist.subarray(3)));
    expect(Buffer.from(extractCmsContent(signed(parts))).toString()).toBe("<plist/>");
  });

  it("refuses a length that runs past the end", () => {
    const whole = signed(tlv(0x04, Buffer.alloc(300, 0x41)));
    expect(() => extractCmsContent(whole.subarray(0, 100))).toThrow("truncated or damaged signed profile");
  });
});

describe("readProfile --domain on a profile", () => {
  it("names the domains the profile has when the one asked for is missing", () => {
    const profile = wrapPreferences("com.jamf.connect.login", login, identity);
    expect(() => readProfile(bytes(profile), { fileName: "l.mobileconfig", domain: "com.jamf.connect" })).toThrow(
      "l.mobileconfig: is a configuration profile without a com.jamf.connect payload (it has com.jamf.connect.login) — leave out --domain or give that domain",
    );
  });
});
