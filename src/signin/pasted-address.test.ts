import { describe, expect, it } from "vitest";
import { isUserError } from "../errors.js";
import { readPastedAnswer } from "./pasted-address.js";

const expected = { redirectUri: "https://127.0.0.1/jamfconnect", state: "s-123" };
const refused = (text: string): string => {
  try {
    readPastedAnswer(text, expected);
  } catch (error) {
    if (isUserError(error) && error.exitCode === 2) return error.message;
    throw error;
  }
  throw new Error("not refused");
};

describe("readPastedAnswer", () => {
  it("takes the code from the redirect address", () => {
    expect(readPastedAnswer(" https://127.0.0.1/jamfconnect?code=c0de&state=s-123&session_state=x \n", expected)).toEqual({ kind: "code", code: "c0de" });
  });

  it("reads an error and its AADSTS code from the address", () => {
    const address = "https://127.0.0.1/jamfconnect?error=consent_required&error_description=AADSTS65001%3A+The+user&state=s-123";
    expect(readPastedAnswer(address, expected)).toEqual({ kind: "error", error: "consent_required", aadsts: 65001, where: "address" });
  });

  it("reads the AADSTS code of Microsoft's error page text", () => {
    expect(readPastedAnswer("Sorry, but we're having trouble signing you in. AADSTS50105: Your administrator…", expected)).toMatchObject({ aadsts: 50105, where: "error page" });
  });

  it("reads one address whose parameters hold another address, decoded", () => {
    const address = "https://127.0.0.1/jamfconnect?error=access_denied&error_uri=https://login.microsoftonline.com/error?code=50105&state=s-123";
    expect(readPastedAnswer(address, expected)).toMatchObject({ kind: "error", error: "access_denied" });
  });

  it.each([
    ["https://127.0.0.1/jamfconnect?code=c0de&state=other", "its state is different"],
    ["https://127.0.0.1/jamfconnect?code=c0de", "its state is missing"],
    ["https://127.0.0.1/other?code=c0de&state=s-123", "does not start with the redirect URI"],
    ["https://127.0.0.1/jamfconnect?state=s-123", "neither a code nor an error"],
    ["just words", "not an address"],
    [`${"https://127.0.0.1/jamfconnect?code=c0de&state=s-123&session_state=x".repeat(2)}`, "the same address was pasted twice on one line — paste the address once"],
    ["https://127.0.0.1/jamfconnect?code=c0de&state=s-123 https://127.0.0.1/jamfconnect?code=c0de&state=s-123", "the same address was pasted twice on one line"],
    ["https://127.0.0.1/jamfconnect?code=c0de&state=s-123https://127.0.0.1/jamfconnect?code=c0de&state=s-123", "the same address was pasted twice on one line"],
    ["https://example.com/callback?code=c0de https://127.0.0.1/jamfconnect?code=c0de&state=s-123", "two addresses were pasted on one line"],
  ])("refuses %s without quoting it", (text, message) => {
    const said = refused(text);
    expect(said).toContain(message);
    expect(said).not.toContain("c0de");
  });
});
