import { describe, expect, it } from "vitest";
import { authorityHostProblem, withoutCredentials } from "./urls.js";

describe("withoutCredentials", () => {
  it.each([
    ["https://admin:S3cret@login.microsoftonline.us/x", "https://…@login.microsoftonline.us/x"],
    ["http://S3cret@proxy.corp:3128", "http://…@proxy.corp:3128"],
    ["user:S3cret@proxy.corp:3128", "…@proxy.corp:3128"],
    ["adele@contoso.com", "adele@contoso.com"],
    ["https://login.microsoftonline.com", "https://login.microsoftonline.com"],
  ])("%s → %s", (text, shown) => {
    expect(withoutCredentials(text)).toBe(shown);
  });
});

describe("authorityHostProblem", () => {
  it.each(["https://login.microsoftonline.us", "https://login.microsoftonline.us/", "https://127.0.0.1:8443"])("accepts %s", (value) => {
    expect(authorityHostProblem(value)).toBeUndefined();
  });

  it.each([
    ["http://login.microsoftonline.com", "not an https URL"],
    ["login.microsoftonline.com", "not an https URL"],
    ["https://admin:S3cret@login.microsoftonline.com", "user name or password"],
    ["https://login.microsoftonline.com/common", "has a path"],
    ["https://login.microsoftonline.com?x=1", "has a query"],
    ["https://login.microsoftonline.com/?", "has a query"],
    ["https://login.microsoftonline.com#top", "has a fragment"],
  ])("refuses %s (%s), never repeating it", (value, why) => {
    const problem = authorityHostProblem(value);
    expect(problem).toContain(why);
    expect(problem).not.toContain("S3cret");
  });
});
