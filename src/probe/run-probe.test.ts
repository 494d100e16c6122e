import { describe, expect, it } from "vitest";
import { isUserError } from "../errors.js";
import type { EntraClient } from "../entra/transport.js";
import { runProbe, type ProbeOptions } from "./run-probe.js";

const TENANT_ID = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "4f8e2a1b-7c3d-4e5f-a6b7-c8d9e0f1a2b3";

/** Entra as a function: the tenant exists, and no generated user does. */
const client: EntraClient = {
  discover: async () => ({ observation: { type: "openid-configuration", httpStatus: 200, tenantId: TENANT_ID }, correlationId: null, traceId: null }),
  passwordGrant: async () => ({
    observation: { type: "error-body", httpStatus: 400, body: { error: "invalid_grant", error_codes: [50034] } },
    correlationId: null, traceId: null,
  }),
};

function options(choice: ProbeOptions["choice"]): ProbeOptions & { connects: number } {
  const made = {
    cwd: "/nonexistent-jcprofile-folder",
    choice,
    connects: 0,
    connect: async () => {
      made.connects++;
      return client;
    },
    warn: () => undefined,
  };
  return made;
}

describe("runProbe", () => {
  it("checks a tenant and app given as flags through the client it is handed", async () => {
    const run = options({ tenant: TENANT_ID, clientId: CLIENT });
    const report = await runProbe(run);
    expect(report.results.map((result) => `${result.target} ${result.kind} ${result.verdict}`)).toEqual(["flags tenant pass", "flags app pass"]);
    expect(run.connects).toBe(1);
  });

  it.each([
    [{ tenant: TENANT_ID }, /^--tenant and --client-id go together/],
    [{ tenant: TENANT_ID, clientId: CLIENT, env: "prod" }, /^--env and --tenant, --client-id cannot be mixed/],
    [{ all: true, username: "adele@contoso.com" }, /^--all cannot go with --username/],
    [{}, /^nothing to probe: .* there is no jcprofile.json in this folder$/],
  ] as const)("refuses %j before the network is set up", async (choice, message) => {
    const run = options(choice);
    const error = await runProbe(run).catch((caught: unknown) => caught);
    expect(isUserError(error) && error.message).toMatch(message);
    expect(run.connects).toBe(0);
  });
});
