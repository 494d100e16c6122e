import { render } from "@inquirer/testing";
import { input } from "@inquirer/prompts";
import { describe, expect, it } from "vitest";
import { messages } from "../config/schema.js";
import { suggestIdentifier } from "../project/identifier.js";
import { QUESTIONS } from "./questions.js";
import { normalisePath, splitRoles, validators } from "./validators.js";

describe("the questions", () => {
  it("come in the order Mac admins find the answers in the Entra admin center (issue 4)", () => {
    expect(QUESTIONS.map((question) => question.name)).toEqual([
      "env", "cloud", "tenant", "clientId", "ropgClientId", "redirectUri", "caChoice", "apiAppId", "scopeName", "adminRoles",
      "newPassword", "passthrough", "createJamfConnectPassword", "denyLocal", "denyLocalExcluded", "migrate", "elevation", "elevationRole", "elevationMinutes",
      "license", "organization", "identifier", "payloadStyle", "jamfProUrl",
    ]);
  });

  it("each have a flag of their own, and an explanation where the issue asks for one", () => {
    const flags = QUESTIONS.map((question) => question.flag);
    expect(new Set(flags).size).toBe(flags.length);
    for (const question of QUESTIONS) {
      if (question.kind === "confirm" || question.name === "caChoice") expect(question.help, question.name).toBeTruthy();
    }
  });

  it("explain the three Conditional Access options in one sentence each", () => {
    const ca = QUESTIONS.find((question) => question.name === "caChoice");
    expect(ca?.kind === "select" && ca.choices.map((choice) => [choice.value, choice.description.split(". ").length])).toEqual([
      ["per-user-mfa", 1],
      ["all-cloud-apps", 1],
      ["custom-scope", 1],
    ]);
  });
});

describe("paste-friendly answers (issue 9.7)", () => {
  const tenant = QUESTIONS.find((question) => question.name === "tenant")!;
  const GUID = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";

  it.each([
    [`https://login.microsoftonline.com/${GUID}/v2.0/.well-known/openid-configuration`, GUID],
    [`https://login.microsoftonline.com/${GUID}/oauth2/v2.0/authorize?client_id=x`, GUID],
    ["https://login.microsoftonline.us/contoso.onmicrosoft.us/", "contoso.onmicrosoft.us"],
    ["contoso.onmicrosoft.com", "contoso.onmicrosoft.com"],
  ])("take the tenant out of %s", (pasted, expected) => {
    expect(validators.tenant(pasted)).toBe(true);
    expect(tenant.kind === "text" && tenant.normalise?.(pasted)).toBe(expected);
  });

  it("still refuse a URL without a tenant in it", () => {
    expect(validators.tenant("https://portal.azure.com/#home")).toContain(messages.tenant);
  });

  it("refuse a client secret's value for a client ID without echoing it", () => {
    const secret = "Xy8Q~abcdEFGH1234ijklMNOP5678qrstUVWX.9_z";
    for (const name of ["clientId", "ropgClientId", "apiAppId"] as const) {
      const verdict = validators[name](secret);
      expect(verdict).toMatch(/^this looks like a client secret value; jcprofile needs the Application \(client\) ID/);
      expect(verdict).not.toContain(secret);
    }
    expect(validators.clientId("7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37")).toBe(true);
  });

  it("default to an environment name the config does not have yet", () => {
    const env = QUESTIONS.find((question) => question.name === "env")!;
    const context = (environments: string[]) => ({ cwd: ".", firstRun: false, current: {}, environments });
    expect(env.default({}, context([]))).toBe("prod");
    expect(env.default({}, context(["prod"]))).toBe("test");
    expect(env.default({}, context(["prod", "test", "staging", "dev"]))).toBe("prod-2");
  });
});

describe("the validators", () => {
  it.each([
    ["environmentName", "my env", messages.environmentName],
    ["tenant", "contoso", messages.tenant],
    ["clientId", "7d2e9a41", messages.clientId],
    ["ropgClientId", "{7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37}", messages.clientId],
    ["apiAppId", "api://x", messages.apiAppId],
    ["scopeName", "-x", messages.scopeName],
    ["redirectUri", "127.0.0.1/jamfconnect", messages.redirectUri],
    ["identifier", "contoso", messages.identifier],
    ["organization", "", messages.nonEmpty],
    ["authorityHost", "http://login.example", messages.authorityHost],
  ] as const)("%s refuses %j with the config's own message", (name, value, message) => {
    expect(validators[name](value)).toBe(`${JSON.stringify(value)} ${message}`);
  });

  it("accept what build accepts", () => {
    expect(validators.tenant("contoso.onmicrosoft.com")).toBe(true);
    expect(validators.tenant("9B1F3C2E-5D4A-4C8B-9E7F-1A2B3C4D5E6F")).toBe(true);
    expect(validators.redirectUri("https://127.0.0.1/jamfconnect")).toBe(true);
    expect(validators.environmentName("prod_eu-1")).toBe(true);
  });

  it("refuse what a property list cannot carry", () => {
    expect(validators.organization("Contoso\u0001")).toBe('"Contoso\\u0001" contains a control character (U+0001), which a property list cannot hold');
  });

  it("run inside a real inquirer prompt: the message shows and the answer is kept for fixing", async () => {
    const { answer, events, getScreen } = await render(input, { message: "Login app's client ID", validate: validators.clientId });
    events.type("abc");
    events.keypress("enter");
    await new Promise((resolve) => setImmediate(resolve));
    expect(getScreen()).toContain(`"abc" ${messages.clientId}`);
    for (let i = 0; i < 3; i++) events.keypress("backspace");
    events.type("7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37");
    events.keypress("enter");
    await expect(answer).resolves.toBe("7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37");
  });
});

describe("answers as typed", () => {
  it("split admin roles on commas", () => {
    expect(splitRoles(" Admin,, Help desk ,")).toEqual(["Admin", "Help desk"]);
  });

  it("take paths the way Terminal pastes them", () => {
    expect(normalisePath("'My License.jamfconnectlicense' ")).toBe("My License.jamfconnectlicense");
    expect(normalisePath("My\\ License.jamfconnectlicense")).toBe("My License.jamfconnectlicense");
    expect(normalisePath("~/x.jamfconnectlicense")).toMatch(/^\/.+\/x\.jamfconnectlicense$/);
  });
});

describe("suggestIdentifier", () => {
  it.each([
    ["contoso.onmicrosoft.com", undefined, "com.contoso.jamfconnect"],
    ["mac.contoso.co.uk", undefined, "uk.co.contoso.mac.jamfconnect"],
    ["9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f", "Contoso Ltd", "com.contoso.jamfconnect"],
    ["9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f", "Fabrikam Widgets, Inc.", "com.fabrikamwidgets.jamfconnect"],
    ["9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f", "株式会社", undefined],
    [undefined, undefined, undefined],
  ])("%s / %s → %s", (tenant, organization, expected) => {
    expect(suggestIdentifier(tenant, organization)).toBe(expected);
  });
});
