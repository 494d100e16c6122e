/**
 * A ready-made directory for tests: Contoso as a Mac admin sets it up for Jamf Connect, with one
 * user per account state and MFA kind. `contosoWorld()` returns a fresh object on every call, so a
 * test may tweak its copy freely. All passwords and secrets are fake and only valid here.
 */
import type { EntraApp, EntraUser, EntraWorld } from "./world.js";

const TENANT_ID = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const DOMAIN = "contoso.onmicrosoft.com";
const OIDC_APP_ID = "4f8e2a1b-7c3d-4e5f-a6b7-c8d9e0f1a2b3";
const API_APP_ID = "7d2c9e4a-1b3f-4a6e-8c5d-2f7a9b1e3c4d";
const upn = (name: string): string => `${name}@${DOMAIN}`;

export const CONTOSO = {
  tenantId: TENANT_ID,
  domain: DOMAIN,
  /** "Jamf Connect - OIDC Endpoint": public client, admin consent for OIDC + the API scope. */
  oidcClientId: OIDC_APP_ID,
  /** "Jamf Connect - Conditional Access Policy API": exposes `jamfconnect`, excluded from the MFA policy. */
  apiAppId: API_APP_ID,
  apiScope: `api://${API_APP_ID}/jamfconnect`,
  /** Confidential client (public client flows off) and the secret value that passes. */
  confidentialClientId: "2a6b8c0d-3e4f-4a5b-9c6d-7e8f9a0b1c2d",
  confidentialSecret: "fake-client-secret-for-tests",
  /** Service principal disabled. */
  disabledClientId: "5e1d7c3b-9a2f-4b8e-a1c4-6d3f8e2a9b7c",
  /** An API app registered elsewhere: no service principal in Contoso (→ 500011 as a resource). */
  foreignApiAppId: "8c3a5e7f-2d4b-4c6a-9e8f-1b3d5f7a9c2e",
  /** A second tenant whose member `alex` does not exist in Contoso (→ 50020). */
  fabrikamTenantId: "3c7e9a1f-4b2d-4e6c-8a1f-5d9b3e7c2a4f",
  fabrikamUser: "alex.wilber@fabrikam.onmicrosoft.com",
  /** Jamf's default ROPG scopes (caught by the "All cloud apps" MFA policy). */
  defaultScopes: ["openid", "profile", "email"],
  /** Jamf's custom-scope variant (exempt from that policy). */
  customScopes: [`api://${API_APP_ID}/jamfconnect`, "openid", "email", "profile"],
  users: {
    active: { upn: upn("adele.vance"), password: "fake-Passw0rd-adele" },
    mfaRequired: { upn: upn("megan.bowen"), password: "fake-Passw0rd-megan" },
    mfaRegistration: { upn: upn("lee.gu"), password: "fake-Passw0rd-lee" },
    mfaExternal: { upn: upn("diego.siciliani"), password: "fake-Passw0rd-diego" },
    mfaStrongAuth: { upn: upn("lynne.robbins"), password: "fake-Passw0rd-lynne" },
    disabled: { upn: upn("isaiah.langer"), password: "fake-Passw0rd-isaiah" },
    locked: { upn: upn("grady.archie"), password: "fake-Passw0rd-grady" },
    passwordExpired: { upn: upn("pradeep.gupta"), password: "fake-Passw0rd-pradeep" },
    noPassword: { upn: upn("johanna.lorenz"), password: "fake-Passw0rd-johanna" },
    federated: { upn: upn("nestor.wilke"), password: "fake-Passw0rd-nestor" },
    /** Holds the app role "Standard" on the OIDC app (adele holds "Admin"). */
    standard: { upn: upn("lidia.holloway"), password: "fake-Passw0rd-lidia" },
  },
  /** Jamf Connect's default OIDCRedirectURI, registered under "Mobile and desktop applications". */
  redirectUri: "https://127.0.0.1/jamfconnect",
  /** The Mac admins group adele is in (the `groups` claim carries object IDs). */
  macAdminsGroupId: "6a1d3e5f-8b2c-4d7e-9f1a-3c5e7b9d2f4a",
} as const;

function user(key: keyof typeof CONTOSO.users, rest: Partial<EntraUser>): EntraUser {
  const { upn, password } = CONTOSO.users[key];
  const first = upn.split(/[.@]/)[0] ?? upn;
  return { upn, password, displayName: `${first.charAt(0).toUpperCase()}${first.slice(1)} (test)`, ...rest };
}

function apps(): EntraApp[] {
  const consented = ["openid", "profile", "email", "offline_access", "User.Read", CONTOSO.apiScope];
  return [
    {
      clientId: OIDC_APP_ID,
      displayName: "Jamf Connect - OIDC Endpoint",
      publicClient: true,
      enabled: true,
      consented,
      redirectUris: [{ uri: CONTOSO.redirectUri, platform: "mobileDesktop" }],
      appRoles: { [CONTOSO.users.active.upn]: ["Admin"], [CONTOSO.users.standard.upn]: ["Standard"] },
      groupClaims: true,
    },
    {
      clientId: API_APP_ID,
      displayName: "Jamf Connect - Conditional Access Policy API",
      publicClient: false,
      enabled: true,
      exposedScopes: ["jamfconnect"],
    },
    {
      clientId: CONTOSO.confidentialClientId,
      displayName: "Jamf Connect - Confidential Client",
      publicClient: false,
      enabled: true,
      clientSecret: CONTOSO.confidentialSecret,
      consented: [...consented],
    },
    {
      clientId: CONTOSO.disabledClientId,
      displayName: "Jamf Connect - Disabled",
      publicClient: true,
      enabled: false,
      consented: [...consented],
    },
    {
      clientId: CONTOSO.foreignApiAppId,
      displayName: "Partner API (no service principal here)",
      publicClient: false,
      enabled: true,
      exposedScopes: ["jamfconnect"],
      hasServicePrincipal: false,
    },
  ];
}

export function contosoWorld(): EntraWorld {
  return {
    tenants: [
      {
        id: TENANT_ID,
        domains: [DOMAIN, "contoso.com"],
        displayName: "Contoso",
        cloud: "public",
        apps: apps(),
        users: [
          user("active", { groups: [CONTOSO.macAdminsGroupId] }),
          user("standard", {}),
          user("mfaRequired", { mfa: "required" }),
          user("mfaRegistration", { mfa: "registrationRequired" }),
          user("mfaExternal", { mfa: "external" }),
          user("mfaStrongAuth", { mfa: "strongAuth" }),
          user("disabled", { state: "disabled" }),
          user("locked", { state: "locked" }),
          user("passwordExpired", { state: "passwordExpired" }),
          user("noPassword", { state: "noPassword" }),
          user("federated", { state: "federated" }),
        ],
        conditionalAccess: [
          { name: "Require MFA for all cloud apps", appliesTo: "allCloudApps", excludeApps: [API_APP_ID], grant: "mfa" },
        ],
      },
      {
        id: CONTOSO.fabrikamTenantId,
        domains: ["fabrikam.onmicrosoft.com"],
        displayName: "Fabrikam",
        apps: [],
        users: [{ upn: CONTOSO.fabrikamUser, password: "fake-Passw0rd-alex" }],
      },
    ],
  };
}
