import { describe, expect, it } from "vitest";
import { resolveJamfPro } from "./jamf-pro.js";

const origin = (...path: string[]) => ["environments", "prod", ...path];

describe("resolveJamfPro", () => {
  it("is absent without jamfPro", () => {
    expect(resolveJamfPro(undefined, origin)).toEqual({ problems: [] });
  });

  it("fills the defaults and drops a trailing slash", () => {
    expect(resolveJamfPro({ url: "https://contoso.jamfcloud.com/" }, origin)).toEqual({
      jamfPro: {
        url: "https://contoso.jamfcloud.com",
        distribution: "Install Automatically",
        redeployOnUpdate: "All",
        clientIdEnv: "JAMF_CLIENT_ID",
        clientSecretEnv: "JAMF_CLIENT_SECRET",
      },
      problems: [],
    });
  });

  it("keeps the variable names of another API client", () => {
    const { jamfPro } = resolveJamfPro({ url: "https://t.jamfcloud.com", clientIdEnv: "JAMF_TEST_CLIENT_ID", clientSecretEnv: "JAMF_TEST_SECRET" }, origin);
    expect(jamfPro).toMatchObject({ clientIdEnv: "JAMF_TEST_CLIENT_ID", clientSecretEnv: "JAMF_TEST_SECRET" });
  });

  it("needs a url", () => {
    const { jamfPro, problems } = resolveJamfPro({ category: "Jamf Connect" }, origin);
    expect(jamfPro).toBeUndefined();
    expect(problems[0]).toMatchObject({ path: ["environments", "prod", "jamfPro", "url"], severity: "error", code: "missing-field", message: "is missing" });
    expect(problems[0]!.fix).toMatch(/^set the https address of your Jamf Pro server/);
  });

  it.each([
    ["a client secret", { clientSecret: "Xq7~vB2.kLm9Rt4-pZ8sWc" }, "clientSecret"],
    ["a password", { password: "hunter2hunter2" }, "password"],
    ["a secret as the variable name", { clientSecretEnv: "Xq7vB2kLm9Rt4pZ8sWc3" }, "clientSecretEnv"],
    ["a secret with symbols as the variable name", { clientSecretEnv: "Xq7~vB2.kLm9" }, "clientSecretEnv"],
    ["a client ID as the variable name", { clientIdEnv: "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37" }, "clientIdEnv"],
  ])("refuses %s without repeating it", (_, fields, field) => {
    const { jamfPro, problems } = resolveJamfPro({ url: "https://contoso.jamfcloud.com", ...fields }, origin);
    expect(jamfPro).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toEqual(["environments", "prod", "jamfPro", field]);
    expect(problems[0]!.code).toMatch(/^(secret-in-config|not-a-variable-name)$/);
    for (const value of Object.values(fields)) expect(`${problems[0]!.message} ${problems[0]!.fix}`).not.toContain(value);
  });
});
