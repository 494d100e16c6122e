/**
 * AADSTS code → what Entra puts in the error body, written from
 * /work/shared/reference/ropg-and-packages.md §2 (and the sources it cites). Descriptions are
 * Microsoft-style paraphrases; the trace/correlation/timestamp tail is added by `errorBody`.
 *
 * HTTP status is 400 except `invalid_client` (401) and the app-only throttle (429), as §2.1 says.
 * Entries marked UNVERIFIED in a comment have an `error`/`suberror` the reference could not confirm.
 */

export interface MessageParams {
  tenant?: string;
  tenantName?: string;
  clientId?: string;
  appName?: string;
  param?: string;
  scope?: string;
  resource?: string;
  grantType?: string;
  idp?: string;
  redirectUri?: string;
}

export interface AadstsEntry {
  /** OAuth `error` on the token endpoint. */
  error: string;
  /** `error` when the same code answers an openid-configuration GET (90002 → invalid_tenant). */
  discoveryError?: string;
  status: number;
  suberror?: string;
  describe: (p: MessageParams) => string;
}

const CONSENT_HINT =
  "This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.";
const MFA_CHANGE = "Due to a configuration change made by your administrator, or because you moved to a new location,";

export const AADSTS = {
  // --- request shape ---
  900144: { error: "invalid_request", status: 400, describe: (p) => `The request body must contain the following parameter: '${p.param}'.` },
  900561: { error: "invalid_request", status: 400, describe: () => "The endpoint only accepts POST, OPTIONS requests. Received a GET request." },
  70003: { error: "unsupported_grant_type", status: 400, describe: (p) => `The app requested an unsupported grant type '${p.grantType}'.` },
  9001023: {
    error: "invalid_request",
    status: 400,
    describe: () =>
      "The grant type isn't supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.",
  },
  // UNVERIFIED error string (reference table: "invalid_request (UNVERIFIED)").
  50128: {
    error: "invalid_request",
    status: 400,
    describe: () => "Invalid domain name - No tenant-identifying information found in either the request or implied by any provided credentials.",
  },
  50049: { error: "invalid_instance", status: 400, describe: () => "Unknown or invalid instance." },
  // --- tenant ---
  90002: {
    error: "invalid_request",
    discoveryError: "invalid_tenant",
    status: 400,
    describe: (p) =>
      `Tenant '${p.tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  },
  900023: {
    error: "invalid_request",
    status: 400,
    describe: (p) => `Specified tenant identifier '${p.tenant}' is neither a valid DNS name, nor a valid external domain.`,
  },
  // --- client ---
  700016: {
    error: "unauthorized_client",
    status: 400,
    describe: (p) =>
      `Application with identifier '${p.clientId}' was not found in the directory '${p.tenantName}'. ${CONSENT_HINT} You may have sent your authentication request to the wrong tenant.`,
  },
  7000112: { error: "unauthorized_client", status: 400, describe: (p) => `Application '${p.clientId}'(${p.appName}) is disabled.` },
  7000218: {
    error: "invalid_client",
    status: 401,
    describe: () => "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  },
  700025: {
    error: "invalid_client",
    status: 401,
    describe: () => "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
  },
  7000215: {
    error: "invalid_client",
    status: 401,
    describe: (p) =>
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${p.clientId}'.`,
  },
  // --- user and account state ---
  50034: {
    error: "invalid_grant",
    status: 400,
    describe: (p) =>
      `The user account {EmailHidden} does not exist in the ${p.tenant} directory. To sign into this application, the account must be added to the directory.`,
  },
  // UNVERIFIED error string (reference: "invalid_grant / interaction_required (UNVERIFIED)").
  50020: {
    error: "invalid_grant",
    status: 400,
    describe: (p) =>
      `User account '{EmailHidden}' from identity provider '${p.idp}' does not exist in tenant '${p.tenantName}' and cannot access the application '${p.clientId}'(${p.appName}) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.`,
  },
  // UNVERIFIED error string.
  50057: { error: "invalid_grant", status: 400, describe: () => "The user account is disabled." },
  // unauthorized_client as captured in the HDInsight ROPC troubleshooting doc (reference §2.3).
  50053: {
    error: "unauthorized_client",
    status: 400,
    describe: () => "You've tried to sign in too many times with an incorrect user ID or password.",
  },
  50056: {
    error: "invalid_grant",
    status: 400,
    describe: () => "Invalid or null password: password does not exist in the directory for this user.",
  },
  50126: { error: "invalid_grant", status: 400, describe: () => "Error validating credentials due to invalid username or password." },
  50055: {
    error: "user_password_expired",
    status: 400,
    suberror: "user_password_expired",
    describe: () => "The password is expired.",
  },
  // Wording as on Microsoft's error page quoted in nextauthjs/next-auth#5455; `error` on the token
  // endpoint is UNVERIFIED.
  50105: {
    error: "invalid_grant",
    status: 400,
    describe: (p) =>
      `Your administrator has configured the application ${p.appName} ('${p.clientId}') to block users unless they are specifically granted ('assigned') access to the application. The signed in user '{EmailHidden}' is blocked because they are not a direct member of a group with access, nor had access directly assigned by an administrator. Please contact your administrator to assign access to this application.`,
  },
  // --- authorization-code flow (error strings UNVERIFIED unless noted) ---
  50011: {
    error: "invalid_request",
    status: 400,
    describe: (p) =>
      `The redirect URI '${p.redirectUri}' specified in the request does not match the redirect URIs configured for the application '${p.clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`,
  },
  50059: {
    error: "invalid_request",
    status: 400,
    describe: () => "No tenant-identifying information found in either the request or implied by any provided credentials.",
  },
  // invalid_grant as quoted in AngellusMortis/django_microsoft_auth#511.
  54005: { error: "invalid_grant", status: 400, describe: () => "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token." },
  70000: { error: "invalid_grant", status: 400, describe: () => "The provided value for the 'code' parameter is not valid." },
  // Microsoft's AADSTS reference (ExpiredOrRevokedGrant); the sentence as Entra returns it for a code.
  70008: {
    error: "invalid_grant",
    status: 400,
    describe: () => "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.",
  },
  // Microsoft's reference: "The Code_Verifier doesn't match the code_challenge supplied in the authorization request."
  501481: { error: "invalid_grant", status: 400, describe: () => "The Code_Verifier does not match the code_challenge supplied in the authorization request." },
  // Wording UNVERIFIED; the rule (SPA codes only through cross-origin requests) is Microsoft's.
  9002327: {
    error: "invalid_request",
    status: 400,
    describe: () => "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
  },
  // --- scopes, resource, consent ---
  500011: {
    error: "invalid_resource",
    status: 400,
    describe: (p) =>
      `The resource principal named ${p.resource} was not found in the tenant named ${p.tenantName}. ${CONSENT_HINT} You might have sent your authentication request to the wrong tenant.`,
  },
  70011: {
    error: "invalid_scope",
    status: 400,
    // Without `scope` detail this is the "scope missing" form of the message.
    describe: (p) =>
      "The provided request must include a 'scope' input parameter." +
      (p.scope ? ` The provided value for the input parameter 'scope' is not valid. ${p.scope}` : ""),
  },
  65001: {
    error: "invalid_grant",
    status: 400,
    suberror: "consent_required",
    describe: (p) =>
      `The user or administrator has not consented to use the application with ID '${p.clientId}' named '${p.appName}'. Send an interactive authorization request for this user and resource.`,
  },
  // --- Conditional Access and MFA ---
  50076: {
    error: "invalid_grant",
    status: 400,
    suberror: "basic_action",
    describe: (p) => `${MFA_CHANGE} you must use multi-factor authentication to access '${p.resource}'.`,
  },
  50079: {
    error: "interaction_required",
    status: 400,
    suberror: "basic_action",
    describe: (p) => `${MFA_CHANGE} you must enroll in multi-factor authentication to access '${p.resource}'.`,
  },
  50158: {
    error: "interaction_required",
    status: 400,
    describe: () =>
      "External security challenge not satisfied. User will be redirected to another page or authentication provider to satisfy additional authentication challenges.",
  },
  // UNVERIFIED error string (reference: "interaction_required?").
  50074: { error: "interaction_required", status: 400, describe: () => "Strong Authentication is required." },
  53003: {
    error: "interaction_required",
    status: 400,
    suberror: "message_only",
    describe: () => "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.",
  },
  // UNVERIFIED error string and suberror (reference: "interaction_required?").
  53000: {
    error: "interaction_required",
    status: 400,
    describe: () =>
      "Device is not in required device state: compliant. Conditional Access policy requires a compliant device, and the device is not compliant. The user must enroll their device with an approved MDM provider like Intune.",
  },
  // UNVERIFIED error string and suberror.
  53001: {
    error: "interaction_required",
    status: 400,
    describe: () =>
      "Device is not in required device state: domain_joined. Conditional Access policy requires a domain joined device, and the device is not domain joined. Have the user use a domain joined device.",
  },
  // --- throttling (user-facing flows get 400 invalid_grant; see world.ts `throttle`) ---
  50196: {
    error: "invalid_grant",
    status: 400,
    describe: () => "The server terminated an operation because it encountered a loop while processing a request.",
  },
} as const satisfies Record<number, AadstsEntry>;

export type AadstsCode = keyof typeof AADSTS;

export function aadsts(code: AadstsCode): AadstsEntry {
  return AADSTS[code];
}
