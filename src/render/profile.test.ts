import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { resolveEnvironment } from "../config/resolve.js";
import type { ConfigFile } from "../config/schema.js";
import { compareKeyPaths } from "../profile/diff.js";
import { readPlist } from "../profile/plist-read.js";
import { environmentPayloads, renderEnvironment } from "./profile.js";

const config: ConfigFile = {
  organization: "Contoso",
  identifier: "com.contoso.jamfconnect",
  environments: {
    prod: {
      tenant: "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f",
      login: { clientId: "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37", settings: { LoginWindowMessage: "Welcome\r\nto <Contoso> & co" } },
      menubar: { settings: { TemporaryUserPermissions: { TemporaryUserPromotion: true, UserPromotionDuration: 15 } } },
    },
  },
};

function rendered() {
  const { environment } = resolveEnvironment(config, "prod", { configDir: tmpdir(), licenses: new Map() });
  return renderEnvironment(environment!);
}

describe("RenderedProfile", () => {
  it("carries the dictionary its text is made from, so no caller has to read the text back", () => {
    const { profiles, problems } = rendered();
    expect(problems.filter((problem) => problem.severity === "error")).toEqual([]);
    expect(profiles.length).toBeGreaterThan(1);
    for (const profile of profiles) expect(compareKeyPaths(readPlist(Buffer.from(profile.text, "utf8")).value, profile.dictionary)).toEqual([]);
  });

  it("hands out one environment's payloads across its profiles", () => {
    const { profiles } = rendered();
    expect(environmentPayloads(profiles, "prod").map((payload) => payload.part)).toEqual(["login", "menubar", "elevation"]);
    expect(environmentPayloads(profiles, "test")).toEqual([]);
  });
});
