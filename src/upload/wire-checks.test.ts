import { describe, expect, it } from "vitest";
import { MCX_PAYLOAD_TYPE } from "../profile/domains.js";
import type { PlistDict } from "../profile/plist-xml.js";
import { findWireProblems } from "./wire-checks.js";

const mcxProfile = (domain: PlistDict): PlistDict => ({
  PayloadType: "Configuration",
  PayloadContent: [{ PayloadType: MCX_PAYLOAD_TYPE, PayloadContent: { "com.jamf.connect.login": domain } }],
});

describe("findWireProblems in mcx payloads", () => {
  it("the first Forced entry is named by its domain, as jcprofile writes it", () => {
    const profile = mcxProfile({ Forced: [{ mcx_preference_settings: { LoginWindowMessage: " Hello " } }] });
    expect(findWireProblems(profile)).toEqual({ verbatim: [], trimmed: ["com.jamf.connect.login.LoginWindowMessage"] });
  });

  it("reads every Forced and Set-Once entry, not only Forced[0]", () => {
    const profile = mcxProfile({
      Forced: [{ mcx_preference_settings: { OIDCProvider: "EntraID" } }, { mcx_preference_settings: { Message: "two " } }],
      "Set-Once": [{ mcx_data_timestamp: new Date(0), mcx_preference_settings: { HelpURL: " https://help.example" } }],
    });
    expect(findWireProblems(profile).trimmed).toEqual([
      "com.jamf.connect.login.Forced[1].Message",
      "com.jamf.connect.login.Set-Once[0].HelpURL",
    ]);
  });

  it("a domain without mcx settings is checked as it is", () => {
    expect(findWireProblems(mcxProfile({ Odd: " spaced" })).trimmed).toEqual(["com.jamf.connect.login.Odd"]);
  });
});
