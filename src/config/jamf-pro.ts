import type { Problem } from "../problem.js";
import type { JamfProInput } from "./schema.js";

/**
 * An environment's `jamfPro` object with its defaults filled in: where `jcprofile upload` sends the
 * profiles and which environment variables hold the API client's credentials. The credentials
 * themselves never pass through the config.
 */
export interface ResolvedJamfPro {
  /** https base URL without a trailing slash. */
  url: string;
  category?: string;
  distribution: "Install Automatically" | "Make Available in Self Service";
  redeployOnUpdate: "Newly Assigned" | "All";
  clientIdEnv: string;
  clientSecretEnv: string;
}

const DEFAULT_CLIENT_ID_ENV = "JAMF_CLIENT_ID";
const DEFAULT_CLIENT_SECRET_ENV = "JAMF_CLIENT_SECRET";

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/**
 * upload sends the values of these variables to the server at jamfPro.url, which the same config
 * names: a config that named PATH, GITHUB_TOKEN or AWS_SECRET_ACCESS_KEY would send that value
 * away. So only names made for Jamf Pro credentials are read — JAMF in the name, and ID/CLIENT for
 * the ID (never a secret-like word), SECRET/PASSWORD/TOKEN/KEY for the secret.
 */
const CREDENTIAL_NAME = {
  clientIdEnv: /^(?=.*JAMF)(?=.*(?:ID|CLIENT))(?!.*(?:SECRET|PASSWORD|PASSWD|TOKEN|KEY)).*$/i,
  clientSecretEnv: /^(?=.*JAMF)(?=.*(?:SECRET|PASSWORD|PASSWD|TOKEN|KEY)).*$/i,
} as const;

const CREDENTIAL_NAME_MESSAGE = {
  clientIdEnv: {
    message: "does not name a Jamf Pro client ID variable",
    fix: "upload sends that variable's value to the Jamf Pro server, so it reads only names with JAMF and ID or CLIENT in them (and no SECRET, PASSWORD, TOKEN or KEY), e.g. JAMF_CLIENT_ID or PROD_JAMF_CLIENT_ID",
  },
  clientSecretEnv: {
    message: "does not name a Jamf Pro client secret variable",
    fix: "upload sends that variable's value to the Jamf Pro server, so it reads only names with JAMF and SECRET, PASSWORD, TOKEN or KEY in them, e.g. JAMF_CLIENT_SECRET or PROD_JAMF_CLIENT_SECRET",
  },
} as const;

/**
 * A real variable name is short and mostly one case (JAMF_CLIENT_SECRET); a long run mixing lower
 * case, upper case and digits without a separator is what generated secrets look like.
 */
function looksLikeSecret(value: string): boolean {
  return value.length >= 16 && !value.includes("_") && /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value);
}

/**
 * Checks and fills `jamfPro`. Messages never quote a value of clientIdEnv / clientSecretEnv or a
 * refused secret field: if the admin pasted a secret there, repeating it would spread it further.
 */
export function resolveJamfPro(
  input: JamfProInput | undefined,
  origin: (...path: string[]) => (string | number)[],
): { jamfPro?: ResolvedJamfPro; problems: Problem[] } {
  if (input === undefined) return { problems: [] };
  const problems: Problem[] = [];
  const error = (field: string, code: string, message: string, fix: string) => problems.push({ path: origin("jamfPro", field), message, fix, severity: "error", code });

  for (const field of ["clientSecret", "password"] as const) {
    if (input[field] !== undefined) {
      error(
        field,
        "secret-in-config",
        "is refused: a secret must never be in the config file (it is committed and shared)",
        "remove it, rotate it in Jamf Pro if this file was shared, and set the environment variable named by clientSecretEnv (default JAMF_CLIENT_SECRET) instead",
      );
    }
  }
  const envName = (field: "clientIdEnv" | "clientSecretEnv", fallback: string): string | undefined => {
    const value = input[field];
    if (value === undefined) return fallback;
    if (!ENV_NAME.test(value) || looksLikeSecret(value)) {
      error(
        field,
        "not-a-variable-name",
        "is not the name of an environment variable (it may be the credential itself)",
        `write the variable's name, e.g. ${fallback}, and put the value in that variable; rotate the credential in Jamf Pro if this file was shared`,
      );
      return undefined;
    }
    return value;
  };
  const clientIdEnv = envName("clientIdEnv", DEFAULT_CLIENT_ID_ENV);
  const clientSecretEnv = envName("clientSecretEnv", DEFAULT_CLIENT_SECRET_ENV);
  if (clientIdEnv !== undefined && clientIdEnv === clientSecretEnv) {
    // One variable cannot hold both: its value would go out as the client ID and as the secret.
    const [field, other] = input.clientSecretEnv !== undefined ? ["clientSecretEnv", "clientIdEnv"] : ["clientIdEnv", "clientSecretEnv"];
    error(
      field,
      "same-variable",
      `names the same environment variable as ${other}`,
      `the API client's ID and its secret are two values: name two variables (the defaults are ${DEFAULT_CLIENT_ID_ENV} and ${DEFAULT_CLIENT_SECRET_ENV})`,
    );
  } else {
    for (const [field, value] of [["clientIdEnv", clientIdEnv], ["clientSecretEnv", clientSecretEnv]] as const) {
      const { message, fix } = CREDENTIAL_NAME_MESSAGE[field];
      if (value !== undefined && !CREDENTIAL_NAME[field].test(value)) error(field, "credential-variable-name", message, fix);
    }
  }
  if (input.url === undefined) {
    error("url", "missing-field", "is missing", "set the https address of your Jamf Pro server, e.g. https://contoso.jamfcloud.com");
  }
  if (problems.length > 0 || input.url === undefined || clientIdEnv === undefined || clientSecretEnv === undefined) return { problems };
  return {
    jamfPro: {
      url: input.url.replace(/\/+$/, ""),
      ...(input.category !== undefined && { category: input.category }),
      distribution: input.distribution ?? "Install Automatically",
      // "All": an update reaches every Mac in scope; "Newly Assigned" only Macs scoped later (terraform-provider-jamfpro #185).
      redeployOnUpdate: input.redeployOnUpdate ?? "All",
      clientIdEnv,
      clientSecretEnv,
    },
    problems,
  };
}
