import { describe, expect, it } from "vitest";
import { adviceFor, type NetworkTarget } from "./failure-fixes.js";
import type { NetworkCause } from "./types.js";

const jamf: NetworkTarget = { host: "jamf.example.com", urlSetting: "jamfPro.url", service: "the Jamf Pro server" };
const entra: NetworkTarget = { host: "the authority host", urlSetting: "cloud/authorityHost", service: "Entra" };

describe("adviceFor: one table, parameterised by what to check", () => {
  it.each<[NetworkCause, RegExp]>([
    ["dns", /^jamf\.example\.com does not resolve \(DNS, X\) \| check jamfPro\.url and DNS/],
    ["refused", /^jamf\.example\.com refused the connection \(X\) \| check jamfPro\.url and its port/],
    ["tls", /TLS connection to jamf\.example\.com failed \(X\) \| .*NODE_EXTRA_CA_CERTS/],
    ["reset", /^jamf\.example\.com reset or closed the connection .*\(X\) \| try again/],
    ["proxy", /HTTPS_PROXY did not reach jamf\.example\.com \(X\) \| check HTTPS_PROXY and NO_PROXY$/],
    ["proxy-down", /^the proxy from HTTPS_PROXY cannot be reached \(X\) \| check the host and port in HTTPS_PROXY, or unset it/],
    ["proxy-login", /HTTPS_PROXY asks for a login \(X\) before it reaches jamf\.example\.com \| put the proxy's user name and password in HTTPS_PROXY .* let jamf\.example\.com through/],
    ["oversized", /larger than X and it was cut off \| check that jamfPro\.url points at the Jamf Pro server itself/],
    ["other", /^cannot reach jamf\.example\.com \(X\) \| check jamfPro\.url and the network/],
  ])("%s names the host, the detail and the fix", (cause, expected) => {
    const { problem, fix } = adviceFor({ type: "network", cause, detail: "X" }, jamf);
    expect(`${problem} | ${fix}`).toMatch(expected);
  });

  it("only what to check differs between targets", () => {
    const failure = { type: "network", cause: "dns", detail: "ENOTFOUND" } as const;
    expect(adviceFor(failure, entra).fix).toBe(adviceFor(failure, jamf).fix.replace("jamfPro.url", "cloud/authorityHost"));
    expect(adviceFor({ type: "timeout", seconds: 15 }, entra)).toEqual({
      problem: "the authority host gave no answer within 15 s",
      fix: "check cloud/authorityHost and the network, or raise --timeout",
    });
  });
});
