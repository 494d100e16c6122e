import { describe, expect, it } from "vitest";
import { flagsTarget } from "./probe-target.js";

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const API = "e5a8c3f1-9b2d-4e7a-8c6f-3d1b5a9e7c20";

describe("flagsTarget", () => {
  it("defaults to Jamf's scopes and the public cloud host it is given", () => {
    expect(flagsTarget({ tenant: TENANT, clientId: CLIENT, authorityHost: "https://login.microsoftonline.com/" })).toMatchObject({
      name: "flags", environment: null, authorityHost: "https://login.microsoftonline.com", scopes: ["openid", "profile", "email"],
    });
  });

  it("splits --scopes on + and spaces", () => {
    expect(flagsTarget({ tenant: TENANT, clientId: CLIENT, authorityHost: "https://h", scopes: `api://${API}/jamfconnect+openid email` }).scopes)
      .toEqual([`api://${API}/jamfconnect`, "openid", "email"]);
  });

  it("expects the cloud instance of a well-known --authority-host, and none for any other host", () => {
    expect(flagsTarget({ tenant: TENANT, clientId: CLIENT, authorityHost: "https://login.microsoftonline.us" }).expectedCloudInstance).toBe("microsoftonline.us");
    expect(flagsTarget({ tenant: TENANT, clientId: CLIENT, authorityHost: "https://127.0.0.1:8443" })).not.toHaveProperty("expectedCloudInstance");
  });
});
