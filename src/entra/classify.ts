/**
 * Turns what a transport observed into a verdict. Pure: no I/O, no clock.
 * Keys on AADSTS numbers only: Microsoft rewords descriptions, and they can hold the user name.
 */
import { findAadstsRow, JAMF_ACCEPTED_CODES, NOTHING, WRAPPER_CODES, type AadstsRow } from "./aadsts-table.js";
import { adviceFor, type NetworkTarget } from "../net/failure-fixes.js";
import { causeOf } from "./wording.js";
import type { CheckKind, Classification, ClassifyContext, EntraErrorBody, Observation, Outcome, Proofs, Verdict } from "./types.js";

/**
 * Answers to the `app` check that mean "Entra looked for the user": tenant and client were accepted
 * first. 50126 and 50056 are here because some tenants answer them for unknown users; 50020 because
 * the generated name may carry a domain Entra places in another tenant.
 */
const USER_ABSENT_CODES: ReadonlySet<number> = new Set([50034, 50020, 50126, 50056]);

/**
 * Answers that let the user sign in on the Mac, with something to know. A right password that
 * Jamf Connect still refuses (a Conditional Access block, a device-state grant, an expired
 * password) is not here: on the Mac that user is locked out, so it is a `fail`.
 */
const WARN_OUTCOMES: ReadonlySet<Outcome> = new Set<Outcome>([
  "mfa-required", "mfa-registration-required", "external-mfa-required",
]);
/** Outcomes whose hint already says what happened, when no AADSTS number came with them. */
const SELF_EXPLAINED: ReadonlySet<Outcome> = new Set<Outcome>(["ok", "success", "network-error", "timeout", "unexpected-response", "rate-limited"]);
const INCONCLUSIVE_OUTCOMES: ReadonlySet<Outcome> = new Set<Outcome>([
  "rate-limited", "network-error", "timeout", "unexpected-response", "pass-through-auth-error",
]);

const CA_NOTES = {
  mfaDefaultScope:
    "a per-user MFA or an \"All cloud apps\" Conditional Access policy applies to the ROPG check: Jamf Connect still accepts " +
    "the password, but every check logs a failed sign-in in Entra (and can feed Risky Sign-ins); " +
    "consider conditionalAccess.mode: \"custom-scope\" in jcprofile.json",
  mfaCustomScope:
    "the custom jamfconnect scope is not excluded from the MFA policy: exclude the Jamf Connect API app from that Conditional Access policy",
  tokensCustomScope:
    "the check will show as a successful single-factor sign-in; Conditional Access is not applied to the ROPG check",
} as const;

const CA_GRANT_CONTROLS: Readonly<Record<number, string>> = {
  50097: "requires device authentication",
  53000: "requires a compliant device",
  53001: "requires a hybrid-joined device",
  53003: "blocks access",
};

/** Where a failed probe request was going: the host is not at hand here, so it is named by its role. */
const AUTHORITY: NetworkTarget = { host: "the authority host", urlSetting: "cloud/authorityHost", service: "Entra" };

export function classify(observation: Observation, context: ClassifyContext): Classification {
  switch (observation.type) {
    case "openid-configuration": {
      const { tenantId, cloudInstance } = observation;
      const expected = context.expectedCloudInstance;
      // UNVERIFIED: that Entra serves a sovereign-cloud tenant's configuration from another cloud's
      // host (with that tenant's cloud_instance_name) rather than answering 90002.
      if (expected !== undefined && cloudInstance !== undefined && cloudInstance.toLowerCase() !== expected.toLowerCase()) {
        const hint = `the tenant ${tenantId} belongs to the ${cloudInstance} cloud, not ${expected}: set "cloud" (or authorityHost) to that cloud`;
        return result("tenant-not-found", { proofs: { ...NOTHING, tenant: "failed" }, hint, cause: `tenant of another cloud (${cloudInstance})` });
      }
      const cloud = cloudInstance ? ` (${cloudInstance})` : "";
      return result("ok", { proofs: { ...NOTHING, tenant: "proven" }, hint: `tenant resolves to ${tenantId}${cloud}` });
    }
    case "tokens":
      return fromTokens(context);
    case "error-body": {
      const codes = codesOf(observation.body);
      return observation.httpStatus === 429 ? rateLimited(codes[0] ?? null) : fromErrorBody(observation.body, codes, context);
    }
    case "network":
    case "timeout": {
      const { problem, fix } = adviceFor(observation, AUTHORITY);
      return result(observation.type === "network" ? "network-error" : "timeout", { hint: `${problem}: ${fix}` });
    }
    case "unexpected":
      if (observation.httpStatus === 429) return rateLimited(null);
      return result("unexpected-response", { hint: `unexpected answer (${observation.detail}): retry, and check for a proxy or captive portal in the way` });
  }
}

/** Every AADSTS number in the body: `error_codes` in order, else the description's `AADSTSnnnn`. */
export function codesOf(body: EntraErrorBody): number[] {
  const listed = (body.error_codes ?? []).map(Number).filter(Number.isSafeInteger);
  if (listed.length > 0) return listed;
  const described = body.error_description?.matchAll(/AADSTS(\d+)/g) ?? [];
  return [...described].map((match) => Number(match[1]));
}

function fromTokens(context: ClassifyContext): Classification {
  switch (context.kind) {
    case "password":
      return result("success", {
        accepted: true, passwordVerified: true,
        proofs: { tenant: "proven", app: "proven", scope: "proven", password: "proven" },
        hint: "Entra issued tokens: the password, tenant, app and scopes all work",
        ...(context.customScope && { caNote: CA_NOTES.tokensCustomScope }),
      });
    case "app": // The user should not exist; tokens still show that tenant, client and scopes work.
      return result("ok", {
        proofs: { ...NOTHING, tenant: "proven", app: "proven", scope: "proven" },
        hint: "tenant and app work (Entra issued tokens for the generated user name)",
      });
    case "tenant":
      return result("ok", { proofs: { ...NOTHING, tenant: "proven" }, hint: "the tenant answered" });
  }
}

function fromErrorBody(body: EntraErrorBody, codes: readonly number[], context: ClassifyContext): Classification {
  const hits = codes.map((code) => ({ code, row: findAadstsRow(code) })).filter((hit) => hit.row !== undefined);
  const known = hits.find((hit) => !WRAPPER_CODES.has(hit.code)) ?? hits[0];
  if (known?.row === undefined) {
    return withJamfParity(unknownCode(body, codes[0] ?? null, context.kind), codes, context);
  }
  const { code, row } = known;
  switch (context.kind) {
    case "tenant": return forTenantCheck(code, row);
    case "app": return forAppCheck(code, row, context.interactiveOnly === true);
    case "password": return withJamfParity(forPasswordCheck(code, row, context), codes, context);
  }
}

function forPasswordCheck(code: number, row: AadstsRow, context: ClassifyContext): Classification {
  const accepted = JAMF_ACCEPTED_CODES.has(code);
  const { passwordVerified, proofs, hint, stopRetrying } = row;
  const caNote = caNoteFor(code, accepted, context.customScope);
  return result(row.outcome, { aadsts: code, accepted, passwordVerified, proofs, hint, stopRetrying, caNote });
}

function forAppCheck(code: number, row: AadstsRow, interactiveOnly: boolean): Classification {
  const fromRow = { aadsts: code, stopRetrying: row.stopRetrying };
  if (interactiveOnly && row.outcome === "public-client-flows-disabled") {
    // Entra found the app before it asked for a secret; the login window's sign-in is interactive.
    const hint = "the app exists in this tenant; its public client flows are off, which only the password check (OIDCROPGID, ROPGID) needs";
    return result("ok", { ...fromRow, proofs: { ...NOTHING, tenant: "proven", app: "proven" }, hint, cause: causeOf(row.outcome, code) });
  }
  if (USER_ABSENT_CODES.has(code)) {
    const hint = "tenant and client ID are right: Entra got as far as looking up the (nonexistent) user; scopes are checked at the password level";
    return result("ok", { ...fromRow, proofs: { ...NOTHING, tenant: "proven", app: "proven" }, hint, cause: causeOf(row.outcome, code) });
  }
  // A user name that cannot exist tells nothing about password or scopes, unless a scope was rejected.
  const proofs: Proofs = { ...row.proofs, scope: row.proofs.scope === "failed" ? "failed" : "not-reached", password: "not-reached" };
  const classified = result(row.outcome, { ...fromRow, proofs, hint: row.hint });
  if (hasFailure(proofs) || classified.verdict === "inconclusive") return classified;
  // Locked, disabled, MFA… for a user that cannot exist: tenant and client passed, but the answer is odd.
  return {
    ...classified, verdict: "warn",
    hint: `tenant and client ID are right, but Entra answered AADSTS${code} (${row.outcome}) for a user name that cannot exist: ` +
      "check that the generated name is unused",
  };
}

function forTenantCheck(code: number, row: AadstsRow): Classification {
  if (row.outcome === "rate-limited") return rateLimited(code);
  if (row.proofs.tenant !== "failed") {
    const hint = `the OpenID configuration request got AADSTS${code}, which says nothing about the tenant: retry, and report it if it repeats`;
    return result("unexpected-response", { aadsts: code, hint });
  }
  return result(row.outcome, { aadsts: code, proofs: { ...NOTHING, tenant: "failed" }, hint: row.hint });
}

/** Jamf Connect also accepts any code the admin listed in ROPGSuccessCodes/SuccessCodes. */
function withJamfParity(classified: Classification, codes: readonly number[], context: ClassifyContext): Classification {
  if (context.kind !== "password" || classified.accepted) return classified;
  const wanted = new Set(context.successCodes.map((entry) => entry.trim().replace(/^AADSTS/i, "")));
  const listed = codes.find((code) => wanted.has(String(code)));
  if (listed === undefined) return classified;
  if (classified.passwordVerified === true) {
    const row = classified.aadsts === null ? undefined : findAadstsRow(classified.aadsts);
    const hint = `${row?.listedHint ?? classified.hint} (accepted because ${listed} is listed in ROPGSuccessCodes/SuccessCodes)`;
    const caNote = classified.aadsts === null ? undefined : caNoteFor(classified.aadsts, true, context.customScope, listed);
    return { ...classified, accepted: true, verdict: "pass", hint, ...(caNote !== undefined && { caNote }) };
  }
  // Listing a code Entra sends without confirming the password lets Jamf Connect accept it unchecked.
  return {
    ...classified, accepted: true,
    verdict: classified.passwordVerified === false ? "fail" : "warn",
    hint: `Jamf Connect accepts this answer only because ${listed} is listed in ROPGSuccessCodes/SuccessCodes, ` +
      `although Entra did not confirm the password: remove ${listed} from that list`,
  };
}

/** `listed`: the success code that made Jamf Connect accept a grant control's answer. */
function caNoteFor(code: number, accepted: boolean, customScope: boolean, listed?: number): string | undefined {
  if (accepted && listed === undefined) return customScope ? CA_NOTES.mfaCustomScope : CA_NOTES.mfaDefaultScope;
  const control = CA_GRANT_CONTROLS[code];
  if (control === undefined) return undefined;
  if (listed !== undefined) {
    return `a Conditional Access policy that ${control} applies to the ROPG app; Jamf Connect accepts correct passwords only because ${listed} is listed in ROPGSuccessCodes/SuccessCodes`;
  }
  const fix = customScope
    ? "exclude the Jamf Connect API app from that policy"
    : "use conditionalAccess.mode: \"custom-scope\" and exclude the Jamf Connect API app from that policy";
  return `a Conditional Access policy that ${control} applies to the ROPG app; Jamf Connect will reject correct passwords ` +
    `and can lock users out of their Macs: ${fix}`;
}

function unknownCode(body: EntraErrorBody, code: number | null, kind: CheckKind): Classification {
  // `error` is an OAuth class like invalid_grant; anything else is not echoed.
  const error = body.error !== undefined && /^[a-z_]{1,64}$/i.test(body.error) ? body.error : "no error field";
  const hint = code === null
    ? `Entra answered ${error} without an AADSTS code: retry, and report it if it repeats`
    : `Entra answered AADSTS${code} (${error}), which jcprofile has no rule for: see https://login.microsoftonline.com/error?code=${code}`;
  // An unknown answer to a real password might be a failed attempt: do not risk a second one.
  return result("unexpected-response", { aadsts: code, hint, stopRetrying: kind === "password" });
}

function rateLimited(code: number | null): Classification {
  return result("rate-limited", { aadsts: code, stopRetrying: true, hint: "Entra is rate-limiting these requests: wait a few minutes before probing again" });
}

type Parts = Partial<Omit<Classification, "outcome" | "verdict" | "cause">> & { hint: string; cause?: string };

/** Fills the defaults of an answer that proves nothing, and derives the verdict. */
function result(outcome: Outcome, parts: Parts): Classification {
  const { caNote, proofs = NOTHING, cause, ...rest } = parts;
  const aadsts = rest.aadsts ?? null;
  const classified: Classification = {
    outcome, verdict: "inconclusive", accepted: false, passwordVerified: null, aadsts: null, stopRetrying: false,
    cause: cause ?? (aadsts === null && SELF_EXPLAINED.has(outcome) ? null : causeOf(outcome, aadsts)),
    ...rest,
    proofs: { ...proofs }, // a copy, so a caller cannot edit the table's shared presets
    ...(caNote !== undefined && { caNote }),
  };
  return { ...classified, verdict: verdictFor(classified) };
}

function verdictFor({ outcome, proofs }: Classification): Verdict {
  if (outcome === "ok" || outcome === "success") return "pass";
  if (hasFailure(proofs)) return "fail";
  if (INCONCLUSIVE_OUTCOMES.has(outcome)) return "inconclusive";
  return WARN_OUTCOMES.has(outcome) ? "warn" : "fail";
}

function hasFailure(proofs: Proofs): boolean {
  return Object.values(proofs).includes("failed");
}
