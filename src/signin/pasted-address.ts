/**
 * What the admin pastes after signing in: the address the browser ended on. Nothing answers the
 * redirect URI (`https://127.0.0.1/jamfconnect` has no server), so the browser shows an error page
 * with the address still in its bar. Entra stops on its own error page instead for a user not
 * assigned or blocked by Conditional Access (nextauthjs/next-auth#5455): that page's text, with its
 * AADSTS code, is accepted too. The pasted text holds the code, so no message here quotes it.
 */
import { UserError } from "../errors.js";

export type PastedAnswer =
  | { kind: "code"; code: string }
  | { kind: "error"; error: string; aadsts: number | null; where: "address" | "error page" };

const NOTHING_SENT = "nothing was sent to Entra";

export function readPastedAnswer(pasted: string, expected: { redirectUri: string; state: string }): PastedAnswer {
  const text = pasted.trim();
  const again = `copy the whole address from the browser's address bar once it stops on ${expected.redirectUri} (the page itself will not load)`;
  if (text === "") throw new UserError(`no address was pasted — ${again}; ${NOTHING_SENT}`);
  const twice = pastedTwice(text);
  if (twice !== undefined) throw new UserError(`${twice} — paste the address once: ${again}; ${NOTHING_SENT}`);
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url === undefined || !/^https?:$/.test(url.protocol)) {
    const code = /AADSTS(\d{4,7})/.exec(text)?.[1];
    if (code !== undefined) return { kind: "error", error: "error page", aadsts: Number(code), where: "error page" };
    throw new UserError(`what was pasted is not an address — ${again}; ${NOTHING_SENT}`);
  }
  const redirect = new URL(expected.redirectUri);
  if (url.origin !== redirect.origin || url.pathname !== redirect.pathname) {
    throw new UserError(`the address pasted does not start with the redirect URI ${expected.redirectUri} (OIDCRedirectURI) — ${again}; ${NOTHING_SENT}`);
  }
  const parameters = url.searchParams;
  if (parameters.get("state") !== expected.state) {
    throw new UserError(
      `the address pasted belongs to another sign-in (its state is ${parameters.has("state") ? "different" : "missing"}): ` +
        `paste the address of the sign-in this run opened, or run jcprofile signin again; ${NOTHING_SENT}`,
    );
  }
  const error = parameters.get("error");
  if (error !== null) {
    const code = /AADSTS(\d{4,7})/.exec(parameters.get("error_description") ?? "")?.[1];
    // `error` is an OAuth class such as access_denied; anything else is not repeated.
    return { kind: "error", error: /^[a-z_]{1,64}$/.test(error) ? error : "error", aadsts: code !== undefined ? Number(code) : null, where: "address" };
  }
  const code = parameters.get("code");
  if (code === null || code === "") throw new UserError(`the address pasted has neither a code nor an error — ${again}; ${NOTHING_SENT}`);
  return { kind: "code", code };
}

/**
 * An address pasted twice runs on into itself ("…&state=xhttps://…"), so its state or code reads
 * wrong further on; said as what it is rather than as another sign-in. Two whitespace-separated
 * addresses, or the first address's origin and path again further on, count; an address alone
 * (even with an address decoded inside its parameters) does not.
 */
function pastedTwice(text: string): string | undefined {
  const starts = [...text.matchAll(/https?:\/\//gi)].map((match) => match.index);
  if (starts.length < 2 || starts[0] !== 0) return undefined;
  const lower = text.toLowerCase();
  const originAndPath = /^https?:\/\/[^/?#\s]+[^?#\s]*/i.exec(text)?.[0].toLowerCase() ?? "";
  const repeated = originAndPath !== "" && lower.indexOf(originAndPath, originAndPath.length) !== -1;
  const words = text.split(/\s+/);
  const separate = words.length > 1 && words.every((word) => /^https?:\/\//i.test(word));
  if (!repeated && !separate) return undefined;
  const compact = text.replace(/\s+/g, "");
  const half = compact.length / 2;
  return compact.slice(0, half) === compact.slice(half) ? "the same address was pasted twice on one line" : "two addresses were pasted on one line";
}
