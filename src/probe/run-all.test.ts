import { describe, expect, it } from "vitest";
import { mapWithLimit, runAllEnvironments } from "./run-all.js";
import { flagsTarget } from "../entra/probe-target.js";
import type { EntraAnswer, EntraClient } from "../entra/transport.js";

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "4f8e2a1b-7c3d-4e5f-a6b7-c8d9e0f1a2b3";

describe("mapWithLimit", () => {
  it("runs at most `limit` at once, more than one when it can, and keeps the order", async () => {
    let running = 0;
    let most = 0;
    const results = await mapWithLimit([5, 1, 4, 2, 3, 1], 3, async (delay) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, delay));
      running -= 1;
      return delay * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 10]);
    expect(most).toBe(3);
  });

  it("copes with no items", async () => {
    expect(await mapWithLimit([], 3, async () => 1)).toEqual([]);
  });
});

describe("runAllEnvironments", () => {
  it("sends no password check and lists environments in the given order", async () => {
    const kinds: string[] = [];
    const answer = (observation: EntraAnswer["observation"]): EntraAnswer => ({ observation, correlationId: null, traceId: null });
    const client: EntraClient = {
      discover: async () => answer({ type: "openid-configuration", httpStatus: 200, tenantId: TENANT }),
      passwordGrant: async (request) => {
        kinds.push(request.username);
        return answer({ type: "error-body", httpStatus: 400, body: { error: "invalid_grant", error_codes: [50034] } });
      },
    };
    const target = (environment: string) => ({ ...flagsTarget({ tenant: TENANT, clientId: CLIENT, authorityHost: "https://login.microsoftonline.com" }), environment });
    const report = await runAllEnvironments({ environments: ["a", "b", "c", "d"].map((name) => ({ name, targets: [target(name)] })), client, limit: 2 });
    expect(report.results.map((r) => `${r.environment} ${r.kind} ${r.verdict}`)).toEqual([
      "a tenant pass", "a app pass", "b tenant pass", "b app pass", "c tenant pass", "c app pass", "d tenant pass", "d app pass",
    ]);
    expect(kinds.every((name) => name.startsWith("jcprofile-probe-"))).toBe(true);
  });
});
