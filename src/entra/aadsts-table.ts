/**
 * AADSTS codes as data: what each answer to a ROPG request proves and what the admin should do.
 * Read for a `password` check; classify.ts adapts a row for the `tenant` and `app` checks.
 *
 * Proofs follow Entra's order of checks: tenant, then client, then user and password, then
 * Conditional Access/MFA. A part Entra did not reach stays `not-reached`. Microsoft warns codes may
 * change, so this table is best effort and unknown codes are reported, never guessed.
 *
 * Meanings: Microsoft's AADSTS reference (MicrosoftDocs/entra-docs,
 * docs/identity-platform/reference-error-codes.md); which step a code proves is ours where marked.
 */
import type { Outcome, Proofs } from "./types.js";

export interface AadstsRow {
  outcome: Outcome;
  /** true: Entra confirmed the password; false: rejected it; null: did not get that far or cannot tell. */
  passwordVerified: boolean | null;
  proofs: Readonly<Proofs>;
  /** The admin's fix, one line. Never Entra's own description: that can hold the user name. */
  hint: string;
  /** The hint when the admin's ROPGSuccessCodes/SuccessCodes lists the code, for hints that say Jamf Connect rejects it. */
  listedHint?: string;
  /** Another attempt for this user could add to Smart Lockout or is pointless. */
  stopRetrying: boolean;
}

/** An answer that proves nothing: Entra reached no part of the request. */
export const NOTHING: Readonly<Proofs> = { tenant: "not-reached", app: "not-reached", scope: "not-reached", password: "not-reached" };
const TENANT_WRONG: Proofs = { ...NOTHING, tenant: "failed" };
const APP_WRONG: Proofs = { ...NOTHING, tenant: "proven", app: "failed" };
/** Entra got to the user: tenant and client are fine, the password was not judged. */
const USER_STEP: Proofs = { ...NOTHING, tenant: "proven", app: "proven" };
const PASSWORD_WRONG: Proofs = { ...USER_STEP, password: "failed" };
/** First factor passed; whether the scopes were judged before the stop is unknown. */
const PASSWORD_RIGHT: Proofs = { ...USER_STEP, password: "proven" };
const SCOPE_WRONG: Proofs = { ...USER_STEP, scope: "failed" };
// UNVERIFIED for MFA answers: the reference table marks scopes ok, but where consent is checked
// relative to MFA is not documented.
const ALL_PROVEN: Proofs = { tenant: "proven", app: "proven", scope: "proven", password: "proven" };

const SEE_CA = "see the Conditional Access note";

/**
 * A right password that a Conditional Access grant control stops: Jamf Connect rejects it, unless the admin
 * lists the code as a success code, and then the hint must not say it does.
 */
function caGrant(outcome: Outcome, what: string): AadstsRow {
  const hint = (rejected: string) => `the password is right but ${what}${rejected}; ${SEE_CA}`;
  return { outcome, passwordVerified: true, proofs: PASSWORD_RIGHT, stopRetrying: false, hint: hint(", and Jamf Connect rejects that"), listedHint: hint("") };
}

/** Not an answer a ROPG request should get: nothing is proven and the hint says where the code belongs. */
function notRopg(hint: string): AadstsRow {
  return { outcome: "unexpected-response", passwordVerified: null, proofs: NOTHING, hint, stopRetrying: false };
}

function passThroughRows(hints: Readonly<Record<number, string>>): Record<number, AadstsRow> {
  const row = (hint: string): AadstsRow =>
    ({ outcome: "pass-through-auth-error", passwordVerified: null, proofs: USER_STEP, stopRetrying: true, hint: `pass-through authentication: ${hint}` });
  return Object.fromEntries(Object.entries(hints).map(([code, hint]) => [code, row(hint)]));
}

export const AADSTS_TABLE: Readonly<Record<number, AadstsRow>> = {
  // MFA class: the first factor passed, so the password is right.
  50076: { outcome: "mfa-required", passwordVerified: true, proofs: ALL_PROVEN, stopRetrying: false,
    hint: `the password is right and Entra asks for MFA, which Jamf Connect accepts; ${SEE_CA}` },
  // The interactive form of 50079 (Microsoft: "User needs to enroll for second factor authentication").
  50072: { outcome: "mfa-registration-required", passwordVerified: true, proofs: ALL_PROVEN, stopRetrying: false,
    hint: "the password is right but the test user has not registered MFA methods: register them at https://aka.ms/mysecurityinfo" },
  50079: { outcome: "mfa-registration-required", passwordVerified: true, proofs: ALL_PROVEN, stopRetrying: false,
    hint: "the password is right but the test user has not registered MFA methods: register them at https://aka.ms/mysecurityinfo" },
  // UNVERIFIED: password verified is inferred (MFA is evaluated after the first factor).
  50074: { outcome: "mfa-required", passwordVerified: true, proofs: ALL_PROVEN, stopRetrying: false,
    hint: `the password is right but strong authentication was required and not completed; ${SEE_CA}` },
  50158: { outcome: "external-mfa-required", passwordVerified: true, proofs: ALL_PROVEN, stopRetrying: false,
    // Jamf documents only 50076 as accepted (JAMF_ACCEPTED_CODES below): the hint does not claim more.
    hint: "the password is right and an external security challenge (Duo, a custom control) is required; counted as accepted like MFA (UNVERIFIED: Jamf documents only 50076)" },
  50055: { outcome: "password-expired", passwordVerified: true, proofs: PASSWORD_RIGHT, stopRetrying: false,
    hint: "the password is right but expired: the user must change it before Jamf Connect can sign in" },

  // Conditional Access grant controls. UNVERIFIED: password verified is inferred from "CA is enforced
  // after first-factor authentication"; the error string of 53000/53001 is not captured.
  53003: caGrant("blocked-by-conditional-access", "a Conditional Access policy blocks the token"),
  53000: caGrant("device-state-required", "Conditional Access requires a compliant device"),
  53001: caGrant("device-state-required", "Conditional Access requires a hybrid-joined device"),

  // More Conditional Access and Identity Protection answers. UNVERIFIED like the ones above: a right
  // password is inferred where Microsoft's text names a policy decision taken after sign-in; security
  // defaults may refuse before the password, so 530035 proves nothing about it.
  50097: { outcome: "device-state-required", passwordVerified: true, proofs: PASSWORD_RIGHT, stopRetrying: false,
    hint: `the password is right but a policy requires device authentication, which the ROPG check cannot give; ${SEE_CA}` },
  50131: { outcome: "blocked-by-conditional-access", passwordVerified: true, proofs: PASSWORD_RIGHT, stopRetrying: false,
    hint: "a Conditional Access or security policy refused the request: find the sign-in by its correlation ID in Entra's sign-in logs to see which" },
  53004: { outcome: "blocked-by-conditional-access", passwordVerified: true, proofs: PASSWORD_RIGHT, stopRetrying: false,
    hint: "the user must register MFA but Identity Protection blocks that while the account is at risk: remediate the user's risk (Risky users), then register MFA" },
  530035: { outcome: "blocked-by-conditional-access", passwordVerified: null, proofs: USER_STEP, stopRetrying: false,
    hint: "security defaults block this sign-in as legacy or unsafe authentication: Jamf Connect's password check needs Conditional Access policies instead of security defaults" },

  // Password state other than right or wrong.
  // UNVERIFIED: that the password itself was right for 50144 and 50135 (Microsoft's text implies it).
  50144: { outcome: "password-expired", passwordVerified: true, proofs: PASSWORD_RIGHT, stopRetrying: false,
    hint: "the user's Active Directory password has expired: reset it on-premises or with self-service password reset, then sign in" },
  50135: { outcome: "password-expired", passwordVerified: true, proofs: PASSWORD_RIGHT, stopRetrying: false,
    hint: "Identity Protection requires a password change because the account is at risk: the user changes it (or an admin resets it), then signs in" },
  50132: { outcome: "password-expired", passwordVerified: null, proofs: USER_STEP, stopRetrying: false,
    hint: "Entra ended the session because the password expired or changed recently: sign the user in once on the web, then probe again" },
  50133: { outcome: "password-expired", passwordVerified: null, proofs: USER_STEP, stopRetrying: false,
    hint: "Entra revoked the session because the password expired or changed recently: sign the user in once on the web, then probe again" },

  // User and password. Failed attempts count towards Smart Lockout: one is enough.
  50126: { outcome: "invalid-credentials", passwordVerified: false, proofs: PASSWORD_WRONG, stopRetrying: true,
    hint: "wrong password, or the user's domain is federated: enable password hash sync with the AllowCloudPasswordValidation policy, or use a cloud-only test user" },
  50056: { outcome: "invalid-credentials", passwordVerified: false, proofs: PASSWORD_WRONG, stopRetrying: true,
    hint: "the user has no cloud password (federated without password hash sync, or passwordless): enable password hash sync or use a test user with a password" },
  50034: { outcome: "user-not-found", passwordVerified: null, proofs: USER_STEP, stopRetrying: false,
    hint: "the user does not exist in this tenant: check the user principal name and that the tenant ID is the user's home tenant" },
  // UNVERIFIED: the error string for 50020 on ROPG is not captured.
  50020: { outcome: "user-not-found", passwordVerified: null, proofs: USER_STEP, stopRetrying: false,
    hint: "the user belongs to another tenant or is a personal or guest account: ROPG needs a member account of this tenant" },
  50053: { outcome: "account-locked", passwordVerified: null, proofs: USER_STEP, stopRetrying: true,
    hint: "the account is locked by Smart Lockout, or this IP address is blocked as malicious: stop, wait about 30 minutes, then try once" },
  // UNVERIFIED: the error string for 50057 is not captured.
  50057: { outcome: "account-disabled", passwordVerified: null, proofs: USER_STEP, stopRetrying: true,
    hint: "the user account is disabled: turn on Account enabled for the user in Entra, or use another test user" },

  // Pass-through authentication (80001–80014, Microsoft's reference): an on-premises Authentication Agent
  // checks the password against Active Directory, and it failed. The password was not judged, and
  // another attempt now would fail the same way.
  ...passThroughRows({
    80001: "the Authentication Agent cannot reach Active Directory: check that the agent servers can connect to the users' AD forest",
    80002: "password validation timed out: check that Active Directory answers the Authentication Agents",
    80005: "Entra could not read the Authentication Agent's answer: retry later, and open a Microsoft support case if it repeats",
    80007: "the Authentication Agent could not validate the password: check the agent's logs and that Active Directory works",
    80010: "the Authentication Agent could not decrypt the password: check the agent's installation and its certificate",
    80012: "Active Directory allows this user to sign in only at set hours: try within them, or change the user's logon hours",
    80013: "the clocks of the Authentication Agent and Active Directory differ: fix time synchronisation on the agent servers",
    80014: "the Authentication Agent answered too late: retry later, and open a Microsoft support case if it repeats",
  }),

  // Tenant: resolved first, so nothing else was checked.
  90002: { outcome: "tenant-not-found", passwordVerified: null, proofs: TENANT_WRONG, stopRetrying: false,
    hint: "use the Directory (tenant) ID from the Entra admin center, and check the cloud (public, usgov, china)" },
  50059: { outcome: "tenant-not-found", passwordVerified: null, proofs: TENANT_WRONG, stopRetrying: false,
    hint: "Entra found no tenant in the request: use the Directory (tenant) ID, not common or organizations" },
  // UNVERIFIED: the error string for 50128 is not captured.
  50128: { outcome: "tenant-not-found", passwordVerified: null, proofs: TENANT_WRONG, stopRetrying: false,
    hint: "the user's domain maps to no tenant: check the domain of the user principal name and use the Directory (tenant) ID" },
  900023: { outcome: "invalid-tenant", passwordVerified: null, proofs: TENANT_WRONG, stopRetrying: false,
    hint: "the tenant is neither a GUID nor a domain name: use the Directory (tenant) ID from the Entra admin center" },
  50194: { outcome: "invalid-tenant", passwordVerified: null, proofs: TENANT_WRONG, stopRetrying: false,
    hint: "the app is single-tenant and the request went to the common endpoint: set the tenant to the Directory (tenant) ID" },
  // The tenant value is the problem (common/consumers), so it counts as a failed tenant.
  9001023: { outcome: "invalid-tenant", passwordVerified: null, proofs: TENANT_WRONG, stopRetrying: false,
    hint: "ROPG does not work on the common or consumers endpoint: set the tenant to the Directory (tenant) ID" },

  // UNVERIFIED: that 50105 comes after the password check. Microsoft's text says "the signed in user",
  // which reads as a passed first factor.
  50105: { outcome: "user-not-assigned", passwordVerified: true, proofs: PASSWORD_RIGHT, stopRetrying: false,
    hint: "the app requires assignment and this user is not assigned: Enterprise applications → the app → Users and groups → add the user or a group, or set Assignment required to No" },

  // Client: checked before the user, so the password was never looked at.
  700016: { outcome: "app-not-found", passwordVerified: null, proofs: APP_WRONG, stopRetrying: false,
    hint: "copy the Application (client) ID from the app registration's Overview page in this same tenant" },
  7000112: { outcome: "app-disabled", passwordVerified: null, proofs: APP_WRONG, stopRetrying: false,
    hint: "the app is disabled in this tenant: Enterprise applications → the app → Properties → Enabled for users to sign in = Yes" },
  7000218: { outcome: "public-client-flows-disabled", passwordVerified: null, proofs: APP_WRONG, stopRetrying: false,
    hint: "turn on Authentication → Allow public client flows in the app registration" },
  // Microsoft's reference: "Invalid client secret is provided" (7000215) and "the specified client_secret
  // does not match" (70002). Entra checks a secret only when one was sent.
  7000215: { outcome: "invalid-client-secret", passwordVerified: null, proofs: APP_WRONG, stopRetrying: false,
    hint: "the app rejected the client secret: use the secret's Value (not its Secret ID), or remove the secret and turn on Allow public client flows as Jamf's guide does" },
  70002: { outcome: "invalid-client-secret", passwordVerified: null, proofs: APP_WRONG, stopRetrying: false,
    hint: "the client secret does not match this app: copy a current secret's Value from Certificates & secrets, or remove the secret and use a public client" },
  // No outcome names "secret sent to a public client"; the app proof fails, so the verdict is still fail.
  700025: { outcome: "unexpected-response", passwordVerified: null, proofs: APP_WRONG, stopRetrying: false,
    hint: "the app is a public client but the request carried a client secret: remove ROPGClientSecret/ClientSecret from the profile, or make the app confidential" },

  // Scopes and consent. UNVERIFIED: whether these come before or after the password check.
  65001: { outcome: "consent-required", passwordVerified: null, proofs: SCOPE_WRONG, stopRetrying: false,
    hint: "grant admin consent for the requested scopes, including the jamfconnect scope (API permissions → Grant admin consent)" },
  65004: { outcome: "consent-required", passwordVerified: null, proofs: SCOPE_WRONG, stopRetrying: false,
    hint: "a user declined consent (an interactive answer): grant admin consent (API permissions → Grant admin consent) so nobody is asked" },
  70011: { outcome: "invalid-scope", passwordVerified: null, proofs: SCOPE_WRONG, stopRetrying: false,
    hint: "the scope is malformed or unknown: copy it exactly from the API app's Expose an API page (api://<Application ID>/jamfconnect)" },
  500011: { outcome: "resource-not-found", passwordVerified: null, proofs: SCOPE_WRONG, stopRetrying: false,
    hint: "the api:// scope names an app with no enterprise app in this tenant: check the Application ID URI and grant admin consent here" },

  // Backing off is the only fix; another attempt now would only add to the count.
  // UNVERIFIED: the error string (temporarily_unavailable) comes from a test fixture.
  50196: { outcome: "rate-limited", passwordVerified: null, proofs: NOTHING, stopRetrying: true,
    hint: "Entra saw too many identical requests: wait a few minutes before probing again" },

  // Codes from other flows or malformed requests: nothing proven.
  900144: notRopg("the request lacked a required field (for example an empty client ID): check the profile values, and report a jcprofile bug if they are set"),
  90013: notRopg("Entra could not read the user input (AADSTS90013): check the user principal name for stray characters"),
  9002313: notRopg("Entra could not parse the request (AADSTS9002313): check the profile values for unusual characters"),
  50173: notRopg("AADSTS50173 (grant revoked) belongs to refresh-token flows, not ROPG: retry once, and report it if it repeats"),
  70000: notRopg("AADSTS70000 (invalid grant) belongs to refresh-token and code flows, not ROPG: retry once, and report it if it repeats"),
  700054: notRopg("AADSTS700054 comes from the interactive login (/authorize), not ROPG: if the login window shows it, turn on ID tokens under Authentication"),
  50011: notRopg("AADSTS50011 (reply URL mismatch) comes from the interactive login, not ROPG: register the profile's OIDCRedirectURI (https://127.0.0.1/jamfconnect) in the app"),
  81010: notRopg("AADSTS81010 comes from Seamless SSO (Kerberos), not ROPG: retry once, and report it if it repeats"),
};

export function findAadstsRow(code: number): AadstsRow | undefined {
  return Object.hasOwn(AADSTS_TABLE, code) ? AADSTS_TABLE[code] : undefined;
}

/**
 * Answers Jamf Connect takes as a correct password without any ROPGSuccessCodes entry.
 * 50076 is documented (Jamf community); the other MFA-class codes are UNVERIFIED: Jamf's built-in
 * list is not published, and they are included because they too follow a passed first factor.
 */
export const JAMF_ACCEPTED_CODES: ReadonlySet<number> = new Set([50076, 50079, 50072, 50074, 50158]);

/**
 * Codes that wrap a more precise one: older answers list `[70002, 50126]` for a wrong password
 * (reference §2.1), so 70002 counts only when no other known code came with it.
 */
export const WRAPPER_CODES: ReadonlySet<number> = new Set([70002]);
