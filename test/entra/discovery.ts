/**
 * Bodies of the two discovery GETs: the tenant's OpenID configuration (what msal-node fetches when
 * it has no `authorityMetadata`) and MSAL's instance discovery. Field set and values follow what
 * login.microsoftonline.com serves; the per-cloud host names are from memory of the sovereign-cloud
 * documents and are UNVERIFIED beyond `cloud_instance_name`.
 */
import { CONSUMERS_TENANT_ID } from "./tenants.js";
import type { TenantRef } from "./tenants.js";
import type { EntraCloud } from "./world.js";

const CLOUD_HOSTS: Record<EntraCloud, { instance: string; graph: string; msgraph: string; region: string }> = {
  public: { instance: "microsoftonline.com", graph: "graph.windows.net", msgraph: "graph.microsoft.com", region: "NA" },
  usgov: { instance: "microsoftonline.us", graph: "graph.windows.net", msgraph: "graph.microsoft.us", region: "USGov" },
  china: { instance: "partner.microsoftonline.cn", graph: "graph.chinacloudapi.cn", msgraph: "microsoftgraph.chinacloudapi.cn", region: "AS" },
};

export function openidConfiguration(ref: TenantRef, host: string, cloud: EntraCloud): Record<string, unknown> {
  // Entra rewrites a domain to the tenant GUID in every URL; the multi-tenant aliases keep their
  // name in the endpoints and show a `{tenantid}` placeholder in the issuer.
  const pathTenant = ref.kind === "tenant" ? ref.tenant.id : ref.alias;
  const issuerTenant =
    ref.kind === "tenant" ? ref.tenant.id : ref.alias === "consumers" ? CONSUMERS_TENANT_ID : "{tenantid}";
  const base = `https://${host}/${pathTenant}`;
  const hosts = CLOUD_HOSTS[cloud];
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    issuer: `https://${host}/${issuerTenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `https://${hosts.msgraph}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      "sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host",
      "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash",
      "c_hash", "email",
    ],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: ref.kind === "tenant" ? hosts.region : null,
    cloud_instance_name: hosts.instance,
    cloud_graph_host_name: hosts.graph,
    msgraph_host: hosts.msgraph,
    rbac_url: "https://pas.windows.net",
  };
}

/**
 * `GET /common/discovery/instance?api-version=1.1&authorization_endpoint=…`. Entra answers with the
 * tenant discovery URL and the alias metadata for the asked-about host; we only know our own host.
 * Returns undefined when `authorization_endpoint` names another host (Entra: 50049).
 */
export function instanceDiscovery(authorizationEndpoint: string | null, host: string): Record<string, unknown> | undefined {
  let tenant = "common";
  if (authorizationEndpoint) {
    let url: URL;
    try {
      url = new URL(authorizationEndpoint);
    } catch {
      return undefined;
    }
    if (url.host !== host) return undefined;
    tenant = url.pathname.split("/").filter(Boolean)[0] ?? "common";
  }
  return {
    tenant_discovery_endpoint: `https://${host}/${tenant}/v2.0/.well-known/openid-configuration`,
    "api-version": "1.1",
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  };
}
