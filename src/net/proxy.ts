/**
 * The proxy an https request goes through, read from the environment as curl reads it:
 * `https_proxy` before `HTTPS_PROXY`, and a value without a scheme (`127.0.0.1:3128`,
 * `proxy.corp:3128`, common on corporate Macs) taken as `http://host:port`. A value that cannot be
 * a proxy URL is the admin's to fix, named by its variable and shown without credentials.
 */
import { UserError } from "../errors.js";
import { withoutCredentials } from "./urls.js";

export interface ProxySettings {
  /** The proxy URL for https requests. */
  url: string;
  /** NO_PROXY as given (hosts that bypass the proxy); "" when unset. */
  noProxy: string;
}

const NAMES = ["https_proxy", "HTTPS_PROXY"] as const;

export function proxyFromEnvironment(env: NodeJS.ProcessEnv): ProxySettings | undefined {
  const name = NAMES.find((candidate) => (env[candidate] ?? "").trim() !== "");
  if (name === undefined) return undefined;
  return { url: proxyUrl(name, env[name]!.trim()), noProxy: env["no_proxy"] ?? env["NO_PROXY"] ?? "" };
}

function proxyUrl(name: string, value: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  const refuse = (why: string) =>
    new UserError(`${name}=${JSON.stringify(withoutCredentials(value))} ${why} — set it to http://host:port (or unset it)`);
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw refuse("is not a proxy address");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw refuse(`uses ${url.protocol.slice(0, -1)}, which jcprofile cannot go through`);
  if (url.hostname === "") throw refuse("names no host");
  return url.href;
}
