/**
 * Identity-provider values of both domains and what the sources leave open about them. Apart
 * from the key tables because the menu bar and privilege-elevation tables both need them.
 */

export const LOGIN_PROVIDERS = [
  "Azure",
  "EntraID",
  "IBMCI",
  "GoogleID",
  "OneLogin",
  "Okta",
  "OktaIdentityEngine",
  "Okta-OIDC",
  "PingFederate",
  "Custom",
] as const;

export const MENUBAR_PROVIDERS = [
  "Azure",
  "EntraID",
  "IBMCI",
  "GoogleID",
  "Okta",
  "OktaIdentityEngine",
  "Okta OIDC",
  "Okta-OIDC",
  "OneLogin",
  "PingFederate",
  "Custom",
] as const;

/** Said wherever a provider key is described: current docs settle EntraID, not since when. */
export const ENTRA_ID_NOTE =
  "EntraID is the current docs' name for Entra ID (formerly Azure), which Jamf's examples still write as Azure; no source says from which version the app accepts EntraID, so older versions are safer with Azure.";

export const OKTA_OIDC_LOGIN =
  'the login-window page spells it "Okta-OIDC" while the menu bar page of the same docs writes "Okta OIDC"; which literal each app accepts is not confirmed';

export const OKTA_OIDC_MENUBAR =
  'the menu bar page writes "Okta OIDC" and the login-window page "Okta-OIDC"; which literal the menu bar accepts is not confirmed, so both pass';
