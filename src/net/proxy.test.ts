import { describe, expect, it } from "vitest";
import { proxyFromEnvironment } from "./proxy.js";

describe("proxyFromEnvironment", () => {
  it.each([
    ["127.0.0.1:3128", "http://127.0.0.1:3128/"],
    ["proxy.corp:3128", "http://proxy.corp:3128/"],
    ["http://proxy.corp:3128", "http://proxy.corp:3128/"],
    ["https://proxy.corp", "https://proxy.corp/"],
    ["user:pw@proxy.corp:3128", "http://user:pw@proxy.corp:3128/"],
  ])("reads %s as curl does: %s", (value, url) => {
    expect(proxyFromEnvironment({ HTTPS_PROXY: value })?.url).toBe(url);
  });

  it("prefers https_proxy to HTTPS_PROXY, passes NO_PROXY on, and ignores an empty value", () => {
    expect(proxyFromEnvironment({ https_proxy: "a.corp:1", HTTPS_PROXY: "b.corp:2", NO_PROXY: "localhost" })).toEqual({
      url: "http://a.corp:1/",
      noProxy: "localhost",
    });
    expect(proxyFromEnvironment({ HTTPS_PROXY: " " })).toBeUndefined();
  });

  it.each([
    ["http://[::1", "is not a proxy address"],
    ["socks5://proxy.corp:1080", "uses socks5"],
    ["http://user:S3cret@[bad", "is not a proxy address"],
  ])("refuses %s naming the variable, without credentials", (value, why) => {
    let message = "";
    try {
      proxyFromEnvironment({ https_proxy: value });
    } catch (error) {
      message = (error as Error).message;
      expect((error as { exitCode: number }).exitCode).toBe(2);
    }
    expect(message).toMatch(/^https_proxy=/);
    expect(message).toContain(why);
    expect(message).not.toContain("S3cret");
  });
});
