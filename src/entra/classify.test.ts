import { describe, expect, it } from "vitest";
import { AADSTS_TABLE } from "./aadsts-table.js";
import { classify, codesOf } from "./classify.js";
import type { CheckKind, ClassifyContext, EntraErrorBody, NetworkCause, Observation, Proofs } from "./types.js";

/** Proofs as four letters, tenant/app/scope/password: P proven, F failed, - not reached. */
function proofs(short: string): Proofs {
  const one = (c: string | undefined) => (c === "P" ? "proven" : c === "F" ? "failed" : "not-reached");
  return { tenant: one(short[0]), app: one(short[1]), scope: one(short[2]), password: one(short[3]) };
}

function ctx(kind: CheckKind, extra: Partial<ClassifyContext> = {}): ClassifyContext {
  return { kind, customScope: false, successCodes: [], ...extra };
}

function entra(codes: number[], body: EntraErrorBody = {}, httpStatus: number | null = 400): Observation {
  return { type: "error-body", httpStatus, body: { error: "invalid_grant", error_codes: codes, ...body } };
}

type Row = [code: number, outcome: string, pw: boolean | null, proofs: string, accepted: boolean, verdict: string, stop: boolean, app: string];
const UNEXPECTED = ["unexpected-response", null, "----", false, "inconclusive", false, "unexpected-response/inconclusive/----"] as const;

// Written out by hand (not derived from the table) so a changed row fails here.
// Last column: outcome/verdict/proofs of the same answer to the `app` check.
const ROWS: Row[] = [
  [50076, "mfa-required", true, "PPPP", true, "warn", false, "mfa-required/warn/PP--"],
  [50079, "mfa-registration-required", true, "PPPP", true, "warn", false, "mfa-registration-required/warn/PP--"],
  [50074, "mfa-required", true, "PPPP", true, "warn", false, "mfa-required/warn/PP--"],
  [50158, "external-mfa-required", true, "PPPP", true, "warn", false, "external-mfa-required/warn/PP--"],
  [50055, "password-expired", true, "PP-P", false, "fail", false, "password-expired/warn/PP--"],
  [53003, "blocked-by-conditional-access", true, "PP-P", false, "fail", false, "blocked-by-conditional-access/warn/PP--"],
  [53000, "device-state-required", true, "PP-P", false, "fail", false, "device-state-required/warn/PP--"],
  [53001, "device-state-required", true, "PP-P", false, "fail", false, "device-state-required/warn/PP--"],
  [50126, "invalid-credentials", false, "PP-F", false, "fail", true, "ok/pass/PP--"],
  [50056, "invalid-credentials", false, "PP-F", false, "fail", true, "ok/pass/PP--"],
  [50034, "user-not-found", null, "PP--", false, "fail", false, "ok/pass/PP--"],
  [50020, "user-not-found", null, "PP--", false, "fail", false, "ok/pass/PP--"],
  [50053, "account-locked", null, "PP--", false, "fail", true, "account-locked/warn/PP--"],
  [50057, "account-disabled", null, "PP--", false, "fail", true, "account-disabled/warn/PP--"],
  [90002, "tenant-not-found", null, "F---", false, "fail", false, "tenant-not-found/fail/F---"],
  [50059, "tenant-not-found", null, "F---", false, "fail", false, "tenant-not-found/fail/F---"],
  [50128, "tenant-not-found", null, "F---", false, "fail", false, "tenant-not-found/fail/F---"],
  [900023, "invalid-tenant", null, "F---", false, "fail", false, "invalid-tenant/fail/F---"],
  [9001023, "invalid-tenant", null, "F---", false, "fail", false, "invalid-tenant/fail/F---"],
  [700016, "app-not-found", null, "PF--", false, "fail", false, "app-not-found/fail/PF--"],
  [7000112, "app-disabled", null, "PF--", false, "fail", false, "app-disabled/fail/PF--"],
  [7000218, "public-client-flows-disabled", null, "PF--", false, "fail", false, "public-client-flows-disabled/fail/PF--"],
  [7000215, "invalid-client-secret", null, "PF--", false, "fail", false, "invalid-client-secret/fail/PF--"],
  [70002, "invalid-client-secret", null, "PF--", false, "fail", false, "invalid-client-secret/fail/PF--"],
  [50105, "user-not-assigned", true, "PP-P", false, "fail", false, "user-not-assigned/warn/PP--"],
  [50072, "mfa-registration-required", true, "PPPP", true, "warn", false, "mfa-registration-required/warn/PP--"],
  [50097, "device-state-required", true, "PP-P", false, "fail", false, "device-state-required/warn/PP--"],
  [50131, "blocked-by-conditional-access", true, "PP-P", false, "fail", false, "blocked-by-conditional-access/warn/PP--"],
  [53004, "blocked-by-conditional-access", true, "PP-P", false, "fail", false, "blocked-by-conditional-access/warn/PP--"],
  [530035, "blocked-by-conditional-access", null, "PP--", false, "fail", false, "blocked-by-conditional-access/warn/PP--"],
  [50144, "password-expired", true, "PP-P", false, "fail", false, "password-expired/warn/PP--"],
  [50135, "password-expired", true, "PP-P", false, "fail", false, "password-expired/warn/PP--"],
  [50132, "password-expired", null, "PP--", false, "fail", false, "password-expired/warn/PP--"],
  [50133, "password-expired", null, "PP--", false, "fail", false, "password-expired/warn/PP--"],
  [50194, "invalid-tenant", null, "F---", false, "fail", false, "invalid-tenant/fail/F---"],
  ...[80001, 80002, 80005, 80007, 80010, 80012, 80013, 80014].map(
    (code): Row => [code, "pass-through-auth-error", null, "PP--", false, "inconclusive", true, "pass-through-auth-error/inconclusive/PP--"],
  ),
  [700025, "unexpected-response", null, "PF--", false, "fail", false, "unexpected-response/fail/PF--"],
  [65001, "consent-required", null, "PPF-", false, "fail", false, "consent-required/fail/PPF-"],
  [65004, "consent-required", null, "PPF-", false, "fail", false, "consent-required/fail/PPF-"],
  [70011, "invalid-scope", null, "PPF-", false, "fail", false, "invalid-scope/fail/PPF-"],
  [500011, "resource-not-found", null, "PPF-", false, "fail", false, "resource-not-found/fail/PPF-"],
  [50196, "rate-limited", null, "----", false, "inconclusive", true, "rate-limited/inconclusive/----"],
  ...[900144, 90013, 9002313, 50173, 70000, 700054, 50011, 81010].map((code): Row => [code, ...UNEXPECTED]),
];

describe("the AADSTS table", () => {
  it("has exactly one tested row per code", () => {
    expect(Object.keys(AADSTS_TABLE).map(Number).sort()).toEqual(ROWS.map(([code]) => code).sort());
  });

  it.each(Object.entries(AADSTS_TABLE))("AADSTS%s has a one-line hint", (_code, row) => {
    expect(row.hint).toMatch(/^[^\n]{10,200}$/);
  });
});

describe("classify: password check", () => {
  it.each(ROWS)("AADSTS%i → %s", (code, outcome, pw, short, accepted, verdict, stop) => {
    const got = classify(entra([code]), ctx("password"));
    expect(got).toMatchObject({ outcome, passwordVerified: pw, proofs: proofs(short), accepted, verdict, stopRetrying: stop, aadsts: code });
  });

  it("scans the whole error_codes array; the first known code wins, and 70002 only when alone", () => {
    expect(classify(entra([70002, 50126]), ctx("password"))).toMatchObject({ outcome: "invalid-credentials", aadsts: 50126 });
    expect(classify(entra([70002]), ctx("password"))).toMatchObject({ outcome: "invalid-client-secret", aadsts: 70002 });
    expect(classify(entra([50126, 50076]), ctx("password"))).toMatchObject({ outcome: "invalid-credentials", accepted: false });
  });

  it("reads the description only when error_codes is missing", () => {
    const described = { error_description: "AADSTS50076: Due to a configuration change… Trace ID: x" };
    expect(classify(entra([], described), ctx("password")).outcome).toBe("mfa-required");
    expect(classify({ type: "error-body", httpStatus: 400, body: described }, ctx("password")).outcome).toBe("mfa-required");
    expect(classify(entra([50126], described), ctx("password")).outcome).toBe("invalid-credentials");
    expect(codesOf({ error_description: "AADSTS12345 then AADSTS50126" })).toEqual([12345, 50126]);
  });

  it("reports an unknown code with its number and OAuth error, and stops retrying", () => {
    const got = classify(entra([4242424], { error: "invalid_grant" }), ctx("password"));
    expect(got).toMatchObject({ outcome: "unexpected-response", verdict: "inconclusive", aadsts: 4242424, passwordVerified: null, stopRetrying: true, proofs: proofs("----") });
    expect(got.hint).toContain("AADSTS4242424");
    expect(got.hint).toContain("invalid_grant");
    expect(classify(entra([], { error: "<b>user@contoso.com</b>" }), ctx("password")).hint).not.toContain("contoso");
  });

  it("treats HTTP 429 as rate limiting, with or without a body", () => {
    expect(classify(entra([50126], {}, 429), ctx("password"))).toMatchObject({ outcome: "rate-limited", verdict: "inconclusive", passwordVerified: null });
    expect(classify({ type: "unexpected", httpStatus: 429, detail: "HTTP 429 text/html" }, ctx("password"))).toMatchObject({ outcome: "rate-limited", verdict: "inconclusive" });
  });

  it("never echoes Entra's description or the user name into a hint", () => {
    const english = "AADSTS50126: Error validating credentials due to invalid username or password. alice@contoso.com";
    for (const code of [...ROWS.map(([c]) => c), 4242424]) {
      for (const kind of ["tenant", "app", "password"] as const) {
        const { hint, caNote } = classify(entra([code], { error_description: english }), ctx(kind));
        expect(`${hint} ${caNote ?? ""}`).not.toMatch(/Error validating|alice|contoso/);
      }
    }
  });
});

describe("classify: Jamf Connect parity (successCodes)", () => {
  it("accepts a listed CA block as a pass, and says why", () => {
    for (const listed of ["53003", " AADSTS53003 "]) {
      const got = classify(entra([53003]), ctx("password", { successCodes: [listed] }));
      expect(got).toMatchObject({ outcome: "blocked-by-conditional-access", accepted: true, verdict: "pass" });
      expect(got.hint).toContain("ROPGSuccessCodes");
      expect(got.caNote).toBeDefined();
    }
  });

  it("flags a listed code that lets Jamf Connect accept an unconfirmed password", () => {
    expect(classify(entra([50126]), ctx("password", { successCodes: ["50126"] }))).toMatchObject({ accepted: true, verdict: "fail" });
    expect(classify(entra([50034]), ctx("password", { successCodes: ["50034"] }))).toMatchObject({ accepted: true, verdict: "warn" });
    expect(classify(entra([4242424]), ctx("password", { successCodes: ["4242424"] }))).toMatchObject({ accepted: true, verdict: "warn" });
  });

  it("ignores unlisted codes and other check kinds", () => {
    expect(classify(entra([53003]), ctx("password", { successCodes: ["50076"] })).accepted).toBe(false);
    expect(classify(entra([53003]), ctx("app", { successCodes: ["53003"] })).accepted).toBe(false);
  });
});

describe("classify: Conditional Access notes", () => {
  it("explains MFA on the default scopes and points to custom-scope mode", () => {
    const got = classify(entra([50076]), ctx("password"));
    expect(got.caNote).toMatch(/All cloud apps.*failed sign-in.*conditionalAccess\.mode: "custom-scope"/);
  });

  it("says the custom scope is not excluded when MFA still applies", () => {
    const got = classify(entra([50158]), ctx("password", { customScope: true }));
    expect(got.caNote).toMatch(/not excluded.*exclude the Jamf Connect API app/);
  });

  it("describes a token on the custom scope as single-factor, and says nothing on default scopes", () => {
    const tokens: Observation = { type: "tokens", httpStatus: 200 };
    expect(classify(tokens, ctx("password", { customScope: true })).caNote).toMatch(/single-factor/);
    expect(classify(tokens, ctx("password")).caNote).toBeUndefined();
  });

  it.each([[53000, /compliant device/], [53001, /hybrid-joined/], [53003, /blocks access/]])("AADSTS%i names the grant control", (code, control) => {
    const got = classify(entra([code]), ctx("password", { customScope: true }));
    expect(got.caNote).toMatch(control);
    expect(got.caNote).toMatch(/lock users out.*exclude the Jamf Connect API app/);
  });

  it("has no note for a wrong password", () => {
    expect(classify(entra([50126]), ctx("password")).caNote).toBeUndefined();
  });
});

describe("classify: app check", () => {
  it.each(ROWS)("AADSTS%i", (code, _o, _pw, _p, _a, _v, _s, app) => {
    const [outcome, verdict, short] = app.split("/");
    const got = classify(entra([code]), ctx("app"));
    expect(got).toMatchObject({ outcome, verdict, proofs: proofs(short ?? ""), passwordVerified: null, accepted: false });
  });

  it("treats tokens as ok without claiming a password", () => {
    expect(classify({ type: "tokens", httpStatus: 200 }, ctx("app"))).toMatchObject({ outcome: "ok", verdict: "pass", passwordVerified: null, proofs: proofs("PPP-") });
  });
});

describe("classify: tenant check", () => {
  it("reports the tenant the configuration resolves to", () => {
    const id = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    const got = classify({ type: "openid-configuration", httpStatus: 200, tenantId: id }, ctx("tenant"));
    expect(got).toMatchObject({ outcome: "ok", verdict: "pass", proofs: proofs("P---"), hint: `tenant resolves to ${id}` });
  });

  it("names the cloud a tenant belongs to when it is not the expected one", () => {
    const id = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    const usgov = { type: "openid-configuration", httpStatus: 200, tenantId: id, cloudInstance: "microsoftonline.us" } as const;
    const wrong = classify(usgov, ctx("tenant", { expectedCloudInstance: "microsoftonline.com" }));
    expect(wrong).toMatchObject({ outcome: "tenant-not-found", verdict: "fail", proofs: proofs("F---") });
    expect(wrong.hint).toMatch(/microsoftonline\.us cloud, not microsoftonline\.com.*"cloud"/);
    expect(classify(usgov, ctx("tenant", { expectedCloudInstance: "MicrosoftOnline.US" }))).toMatchObject({ outcome: "ok" });
    expect(classify(usgov, ctx("tenant"))).toMatchObject({ outcome: "ok", hint: `tenant resolves to ${id} (microsoftonline.us)` });
  });

  it.each([[90002, "tenant-not-found"], [900023, "invalid-tenant"]])("AADSTS%i → %s", (code, outcome) => {
    expect(classify(entra([code], { error: "invalid_tenant" }), ctx("tenant"))).toMatchObject({ outcome, verdict: "fail", proofs: proofs("F---") });
  });

  it("does not read user answers as a tenant verdict", () => {
    expect(classify(entra([50126]), ctx("tenant"))).toMatchObject({ outcome: "unexpected-response", verdict: "inconclusive", proofs: proofs("----") });
  });
});

describe("classify: transport failures", () => {
  const causes: [NetworkCause, RegExp][] = [
    ["dns", /does not resolve.*authorityHost/], ["refused", /refused/], ["tls", /TLS inspection.*NODE_EXTRA_CA_CERTS/],
    ["reset", /reset/], ["proxy", /HTTPS_PROXY.*NO_PROXY/], ["other", /ENOTSUP/],
  ];
  it.each(causes)("network %s", (cause, hint) => {
    const got = classify({ type: "network", cause, detail: "ENOTSUP" }, ctx("password"));
    expect(got).toMatchObject({ outcome: "network-error", verdict: "inconclusive", passwordVerified: null, proofs: proofs("----"), accepted: false });
    expect(got.hint).toMatch(hint);
  });

  it("timeout and unexpected answers are inconclusive", () => {
    expect(classify({ type: "timeout", seconds: 15 }, ctx("app"))).toMatchObject({ outcome: "timeout", verdict: "inconclusive" });
    expect(classify({ type: "timeout", seconds: 15 }, ctx("app")).hint).toMatch(/15 s.*--timeout/);
    expect(classify({ type: "unexpected", httpStatus: 502, detail: "HTTP 502 text/html" }, ctx("password"))).toMatchObject({ outcome: "unexpected-response", verdict: "inconclusive", passwordVerified: null });
  });

  it("tokens on the password check are a full success", () => {
    expect(classify({ type: "tokens", httpStatus: 200 }, ctx("password"))).toMatchObject({ outcome: "success", verdict: "pass", accepted: true, passwordVerified: true, proofs: proofs("PPPP") });
  });
});

describe("classify: one verdict, cause then fix (issue 9.1, 9.4)", () => {
  it("fails a right password that Jamf Connect would refuse (CA block, device state, expired), locked and disabled", () => {
    for (const code of [53000, 53001, 53003, 50055, 50053, 50057]) {
      expect(classify(entra([code]), ctx("password")).verdict, `AADSTS${code}`).toBe("fail");
    }
    // Listing a verified-password code in ROPGSuccessCodes makes Jamf Connect accept it.
    expect(classify(entra([53003]), ctx("password", { successCodes: ["53003"] }))).toMatchObject({ verdict: "pass", accepted: true });
  });

  it("names what Entra answered with its AADSTS number", () => {
    expect(classify(entra([90002]), ctx("tenant")).cause).toBe("tenant not found (AADSTS90002)");
    expect(classify(entra([700016]), ctx("app")).cause).toBe("app not found in this tenant (AADSTS700016)");
    expect(classify(entra([7000218]), ctx("app")).cause).toBe("public client flows are off (AADSTS7000218)");
    expect(classify(entra([53000]), ctx("password")).cause).toBe("Conditional Access requires a compliant device (AADSTS53000)");
    expect(classify({ type: "timeout", seconds: 3 }, ctx("app")).cause).toBeNull();
  });

  it("passes the sign-in client (OIDCClientID) without public client flows, which only ROPG needs", () => {
    const signIn = classify(entra([7000218]), ctx("app", { interactiveOnly: true }));
    expect(signIn).toMatchObject({ verdict: "pass", proofs: { tenant: "proven", app: "proven" } });
    expect(classify(entra([700016]), ctx("app", { interactiveOnly: true })).verdict).toBe("fail");
  });
});
