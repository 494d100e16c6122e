/**
 * The text `jcprofile <command> --help` prints after the options: what the command guarantees, its
 * exit codes and an example. Kept apart from the program in cli.ts, which it would otherwise double.
 */
export const HELP_AFTER = {
  build:
    "\nAll or nothing: a failed write or rename, or Ctrl-C, puts every replaced profile back. The next build removes\n" +
      "temp files a killed run left (--check reports them); a second build into the same folder waits for the first.\n" +
      "\nExit codes: 0 built (or up to date), 1 --check found differences or --prune left a stale file (profiles written),\n" +
      "2 bad input or usage, 130/143/129 interrupted.\n" +
      "Example: jcprofile build --config examples/contoso.jcprofile.json --env prod",
  probe:
    "\nChecks, in Entra's order: tenant (OpenID configuration; a domain resolves to its GUID), app (a ROPG request for a\n" +
      "user name that cannot exist, so no password is at stake), password (with --username). From a config the\n" +
      "targets are read from the built profiles: login = OIDCTenant, OIDCROPGID, ROPGScopes (else OIDCScopes, else\n" +
      "openid profile email), ROPGSuccessCodes; menubar = IdPSettings TenantID, ROPGID, ROPGScopes (that key name is\n" +
      "UNVERIFIED), SuccessCodes. Scopes are sent as the profile has them (+ is a space), nothing added.\n" +
      `\nPassword: prompted (masked) at a terminal, or --password-stdin, or JCPROFILE_PASSWORD — never a flag.\n` +
      "Proxy: HTTPS_PROXY / NO_PROXY. TLS inspection: NODE_EXTRA_CA_CERTS=<root CA .pem>.\n" +
      "\nExit codes: 0 every check passed or was accepted, 1 a check failed (including a right password that Jamf\n" +
      "Connect would still refuse: Conditional Access block, device state, expired), 2 bad input or usage,\n" +
      "3 inconclusive (network, timeout, unexpected answer, rate limiting).\n" +
      "Examples:\n" +
      "  jcprofile probe --config jcprofile.json --env prod\n" +
      "  jcprofile probe --all --json    (nightly: every environment's tenant and apps; exit 1 when one broke)\n" +
      "  jcprofile probe --tenant contoso.onmicrosoft.com --client-id <guid> --username adele@contoso.com\n" +
      "  op read op://it/jc-test/password | jcprofile probe --env prod --username adele@contoso.com --password-stdin --json",
  signin:
    "\nThe authorize URL comes from the profile build would write: OIDCTenant, OIDCClientID, OIDCRedirectURI (default\n" +
      "https://127.0.0.1/jamfconnect), OIDCScopes (+ is a space; default openid profile email), with PKCE (S256), state,\n" +
      "nonce and prompt=login. It is printed on stderr and, at a terminal, opened in the default browser. Nothing\n" +
      "answers the redirect URI: copy the address the browser ends on and paste it (without a terminal: the first\n" +
      "line of stdin). If Microsoft's own error page shows instead, paste its text: the AADSTS code is explained.\n" +
      "The code is redeemed without a secret, as Jamf Connect does; code and tokens are never printed.\n" +
      "\nExit codes: 0 signed in, 1 Entra refused or the sign-in cannot work on a Mac, 2 bad input (a pasted text that\n" +
      "is not the redirect address, another sign-in's state), 3 network.\n" +
      "Example: jcprofile signin --env prod --username adele@contoso.com",
  init:
    "\nAt a terminal every answer not given by a flag is asked. Without one (CI, pipes), defaults are taken and a missing\n" +
      "answer without a default is an error that lists the flags to pass. The password is never a flag and never saved.\n" +
      "\nExit codes: 0 written and built, 1 a live check failed (or you quit), 2 bad input or usage, 130 interrupted.\n" +
      "Example: jcprofile init --env prod --tenant contoso.onmicrosoft.com --client-id <guid> --organization \"Contoso Ltd\" --yes",
  sign:
    "\nPassword: JCPROFILE_SIGNING_PASSWORD, --password-stdin, or a masked prompt at a terminal — never a flag.\n" +
      "Signed files are CMS SignedData (DER, SHA-256, content attached) holding exactly build's bytes. Jamf Pro's API\n" +
      "cannot take signed profiles: upload those by hand in the web interface, or upload the unsigned ones.\n" +
      "\nExit codes: 0 signed, 2 bad input or usage (wrong password, key not matching, expired certificate, …).\n" +
      "Example: jcprofile sign --env prod --identity signing.p12 --password-stdin < pw.txt",
  verify:
    "\nExit codes: 0 every file valid, 1 a signature invalid (or not checkable), untrusted, expired, not a Jamf Connect profile or drifted\n" +
      "from the config, 2 a file unreadable (the others are still reported) or bad usage.\n" +
      "Example: jcprofile verify out/prod/signed/*.mobileconfig --ca corp-root.pem --config jcprofile.json",
  lint:
    "\nA signed profile is read, but its signature is not checked. A preferences file's domain is taken from its name\n" +
      "(com.jamf.connect.login.plist) or guessed from its keys; the report says which.\n" +
      "\nExit codes: 0 no errors (warnings allowed), 1 errors found (or warnings, with --strict), 2 a file could not be read, or usage.\n" +
      "Example: jcprofile lint ~/Downloads/JamfConnect.mobileconfig \"/Library/Managed Preferences/com.jamf.connect.login.plist\"",
  import:
    "\nThe environment is rendered in memory and compared with the source key by key before anything is written: a key\n" +
      "that would not come back identical is an error, and keys jcprofile adds are listed. A license is written beside the\n" +
      "config as <env>.jamfconnectlicense. A signed profile is read, but its signature is not checked. Into an existing\n" +
      "environment only the domains the sources carry are replaced; the other half, jamfPro and cloud stay.\n" +
      "\nExit codes: 0 imported, 1 imported but the source breaks a rule (listed at its config path) or you answered no,\n2 nothing written " +
      "(unreadable input, a key that cannot be carried over, usage, or replacing without --yes and without a terminal).\n" +
      "Example: jcprofile import ~/Downloads/JamfConnect.mobileconfig --env prod --organization \"Contoso Ltd\"",
  upload:
    "\nCredentials come from the environment, never from a flag or the config: the variables named by\n" +
      "jamfPro.clientIdEnv / clientSecretEnv (default JAMF_CLIENT_ID / JAMF_CLIENT_SECRET) of an API client whose\n" +
      "role has Create, Read and Update macOS Configuration Profiles; or JAMF_USERNAME / JAMF_PASSWORD.\n" +
      "A new profile is created unscoped; an update sends only the profile (general), so scope, exclusions and\n" +
      "Self Service settings in Jamf Pro stay as they are. Proxy: HTTPS_PROXY. TLS inspection: NODE_EXTRA_CA_CERTS.\n" +
      "A profile of the same name that is not this environment's (other payloads, another tenant) needs --take-over;\n" +
      "an update that would remove a preference domain the stored profile holds needs --allow-removal.\n" +
      "\nExit codes: 0 every profile created, updated or unchanged, 1 Jamf Pro or upload refused something\n" +
      "(credentials, privileges, a conflict, a missing category, a profile that is not ours, settings it would remove),\n" +
      "2 bad input or usage, 3 network or no usable answer, 130/143/129 interrupted (the profiles done are printed,\n" +
      "the token is invalidated).\n" +
      "Example (the credentials in the CI job's secret variables, not typed in a shell): jcprofile upload --env prod --dry-run",
  keys:
    "\nNested keys are shown as Parent.Child, keys of an array's dictionaries as Parent[].Child. The same text is in\n" +
      "schema/jcprofile.schema.json, so editors show it on hover.\n" +
      "\nExit codes: 0 listed, 2 unknown domain or usage.\n" +
      "Examples:\n" +
      "  jcprofile keys menubar | less\n" +
      "  jcprofile keys com.jamf.connect --json",
} as const satisfies Record<string, string>;
