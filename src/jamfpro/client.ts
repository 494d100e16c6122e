/**
 * One session with one Jamf Pro server: a bearer token renewed before it runs out, Classic API
 * requests retried when the server asks for patience (429, 502, 503, 504; Retry-After honoured),
 * and every other answer turned into a value or a JamfError. The clock and the sleep are injected
 * so tests neither wait nor depend on time.
 */
import type { HttpRequest, HttpResult } from "../net/http.js";
import { OAUTH_PATHS, parseTokenAnswer, refusedCredentials, tokenRequest, type JamfCredentials, type Token } from "./auth.js";
import { InterruptedError, JamfError, missingPrivilege, networkError, reasonOfErrorPage } from "./errors.js";
import type { Redactor } from "./redact.js";

export interface JamfClientOptions {
  url: string;
  credentials: JamfCredentials;
  /** One exchange; `signal` ends it early (the run was interrupted). */
  send: (request: HttpRequest, signal?: AbortSignal) => Promise<HttpResult>;
  /** Resolves after `ms`, or as soon as `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  /** Aborted when the run is interrupted: the request in flight or the wait ends, with an InterruptedError. */
  signal?: AbortSignal;
  /** Tries per request when the server is busy; 4 = three retries. */
  attempts?: number;
  /** Told every token this session gets, and run over every answer before anything reads it. */
  redactor?: Redactor;
  /**
   * What is left of the run's time for waiting on a busy server, shared by every session of the
   * run: each wait is taken from it, and a wait longer than what is left is not begun.
   */
  waitBudget?: WaitBudget;
  /** A line for the admin before each wait: "Jamf Pro at … asks to wait 40 s …". */
  onWait?: (text: string) => void;
}

export interface WaitBudget {
  leftMs: number;
  /** In the words of the flag that sets it: "--timeout 30 s". */
  words: string;
}

export type Answer = { status: number; text: string; location?: string };

const BUSY = new Set([429, 502, 503, 504]);
/** The longest single wait: a server asking for more (an hour, a date in 2099) is not waited for at all. */
const MAX_WAIT_MS = 60_000;

export interface JamfClient {
  readonly url: string;
  /** A Classic API call; resolves with a 2xx answer, throws JamfError for anything else. */
  classic(method: "GET" | "POST" | "PUT", path: string, body?: string): Promise<Answer>;
  /** Ends the token at the server; `signal` bounds how long that may take (on the way out of an interrupted run). */
  invalidate(signal?: AbortSignal): Promise<void>;
  /** Classic API writes (POST, PUT) handed to the network so far, answered or not. */
  readonly writesSent: number;
}

export function createJamfClient(options: JamfClientOptions): JamfClient {
  const { url, credentials } = options;
  const attempts = options.attempts ?? 4;
  let token: Token | undefined;
  let renewAt = 0;
  let writesSent = 0;

  /** Sends, waiting and trying again while the server says it is busy. */
  async function sendPatiently(build: HttpRequest | (() => Promise<HttpRequest>)): Promise<Answer> {
    for (let attempt = 1; ; attempt++) {
      stopIfInterrupted();
      // Built again for each try: after a long Retry-After the token may need renewing.
      const result = await options.send(typeof build === "function" ? await build() : build, options.signal);
      stopIfInterrupted();
      if (result.kind === "failed") throw networkError(result.observation, url);
      if (!BUSY.has(result.status)) return { status: result.status, text: result.text, ...(result.headers["location"] !== undefined && { location: result.headers["location"] }) };
      if (attempt >= attempts) {
        throw new JamfError("busy", `${new URL(url).host} is busy or unavailable (HTTP ${result.status} after ${attempts} tries)`, "try again later");
      }
      await waitPatiently(attempt, result.status, result.headers["retry-after"]);
    }
  }

  /** Obeys Retry-After (else 1 s, 2 s, 4 s) within the cap and the run's budget, saying so first; refuses a longer wait at once. */
  async function waitPatiently(attempt: number, status: number, retryAfter: string | undefined): Promise<void> {
    const host = new URL(url).host;
    const asked = askedWait(attempt, retryAfter, options.now());
    const budget = options.waitBudget;
    const how = asked.byServer ? `asks to wait ${describeWait(asked)}` : `is busy; the next try is in ${describeWait(asked)}`;
    if (asked.ms > MAX_WAIT_MS || (budget !== undefined && asked.ms > budget.leftMs)) {
      const left = budget === undefined ? "" : `, ${Math.floor(budget.leftMs / 1000)} s left of ${budget.words} for all waits of this run`;
      const raise = budget !== undefined && asked.ms <= MAX_WAIT_MS ? ", or raise --timeout" : "";
      // The fix is only what to do: how long upload waits is part of what happened.
      throw new JamfError("busy", `Jamf Pro at ${host} ${how} (HTTP ${status}), longer than upload waits (at most ${MAX_WAIT_MS / 1000} s at a time${left})`, `try again later${raise}`);
    }
    if (budget !== undefined) budget.leftMs -= asked.ms;
    options.onWait?.(`Jamf Pro at ${host} ${how} (HTTP ${status}) — waiting, then try ${attempt + 1} of ${attempts}`);
    stopIfInterrupted();
    await options.sleep(asked.ms, options.signal);
  }

  function stopIfInterrupted(): void {
    if (options.signal?.aborted) throw new InterruptedError(String(options.signal.reason));
  }

  async function fetchToken(): Promise<Token> {
    let answer = await sendPatiently(tokenRequest(url, credentials));
    if (answer.status === 404 && credentials.kind === "client") answer = await sendPatiently(tokenRequest(url, credentials, OAUTH_PATHS[1]));
    if (answer.status === 400 || answer.status === 401 || answer.status === 403) throw refusedCredentials(credentials, url);
    refuseRedirect(answer);
    if (answer.status !== 200) throw new JamfError("unreadable-answer", `${url} answered the token request with HTTP ${answer.status}`, "check that jamfPro.url is the Jamf Pro server");
    const fresh = parseTokenAnswer(answer.text, options.now(), url);
    options.redactor?.add(fresh.value);
    return fresh;
  }

  async function currentToken(): Promise<string> {
    if (token === undefined || options.now() >= renewAt) {
      token = await fetchToken();
      // Renew a little early (a quarter of its life, at most 30 s), so it does not run out in flight.
      renewAt = token.expiresAt - Math.min(30_000, (token.expiresAt - options.now()) / 4);
    }
    return token.value;
  }

  async function classic(method: "GET" | "POST" | "PUT", path: string, body?: string): Promise<Answer> {
    // Redacted at once, whole: an error page cut to its first 300 characters could cut a secret
    // short too, and a shortened secret is no longer found.
    const send = async () => redactAnswer(await sendPatiently(async () => {
        const request: HttpRequest = {
          method,
          url: `${url}/JSSResource${path}`,
          headers: {
            authorization: `Bearer ${await currentToken()}`,
            accept: "application/xml",
            ...(body !== undefined && { "content-type": "application/xml" }),
          },
          ...(body !== undefined && { body }),
        };
        // Counted as it goes out: an interrupt after this may leave a write Jamf Pro carried out unanswered.
        if (method !== "GET") writesSent++;
        return request;
      }));
    let answer = await send();
    if (answer.status === 401) {
      // A token can be revoked or run out early, also between two writes; a 401 is answered before
      // anything is written, so one fresh token and one retry settle whether it is privileges.
      token = undefined;
      answer = await send();
    }
    if (answer.status >= 200 && answer.status < 300) return answer;
    refuseRedirect(answer);
    if (answer.status === 401 || answer.status === 403) throw missingPrivilege(url, method, path, answer.status);
    if (answer.status === 404 && method === "GET" && path === "/osxconfigurationprofiles") {
      throw new JamfError("unreadable-answer", `${url} has no Classic API (HTTP 404 for /JSSResource)`, "check that jamfPro.url is the Jamf Pro server");
    }
    // 4xx: Jamf Pro judged the request (409 Conflict, 400 Bad Request); anything else is no usable answer.
    const judged = answer.status >= 400 && answer.status < 500;
    const code = answer.status === 409 ? "conflict" : judged ? "refused" : "unreadable-answer";
    throw new JamfError(code, `Jamf Pro at ${url} ${judged ? "refused the request" : "gave no usable answer"}: ${reasonOfErrorPage(answer.status, answer.text)}`);
  }

  /** An error page is only ever shown: everything goes. A 2xx answer is data to compare: only the long known values. */
  function redactAnswer(answer: Answer): Answer {
    const redactor = options.redactor;
    if (redactor === undefined) return answer;
    const redact = answer.status >= 200 && answer.status < 300 ? redactor.redactData : redactor.redact;
    return { ...answer, text: redact(answer.text), ...(answer.location !== undefined && { location: redactor.redact(answer.location) }) };
  }

  /** fetch is told not to follow redirects (the token or the secret would go along): a 3xx is the admin's to settle. */
  function refuseRedirect(answer: Answer): void {
    if (answer.status < 300 || answer.status >= 400) return;
    let where = "another address";
    try {
      // The origin only: a Location may carry credentials or a query.
      if (answer.location !== undefined) where = new URL(answer.location, url).origin;
    } catch {
      // An unreadable Location stays "another address".
    }
    throw new JamfError(
      "redirect",
      `${url} redirects to ${where} (${reasonOfErrorPage(answer.status, answer.text)})`,
      "jcprofile does not follow redirects, so no credentials went there: set jamfPro.url to the Jamf Pro server's own address",
    );
  }

  async function invalidate(signal?: AbortSignal): Promise<void> {
    if (token === undefined) return;
    const value = token.value;
    token = undefined;
    // Best effort: the token runs out on its own if this answer is lost.
    await options.send({ method: "POST", url: `${url}/api/v1/auth/invalidate-token`, headers: { authorization: `Bearer ${value}` } }, signal);
  }

  return {
    url,
    classic,
    invalidate,
    get writesSent() {
      return writesSent;
    },
  };
}

export interface AskedWait {
  ms: number;
  /** Retry-After said so (else it is jcprofile's own back-off). */
  byServer: boolean;
  /** When Retry-After was a date. */
  until?: Date;
}

/**
 * Retry-After as delay-seconds (digits only, RFC 9110 §10.2.3) or as an HTTP date, else 1 s, 2 s,
 * 4 s …; a date in the past is no wait. Not capped here: the caller decides what it will wait.
 */
export function askedWait(attempt: number, retryAfter: string | undefined, now: number): AskedWait {
  const text = retryAfter?.trim() ?? "";
  if (/^\d+$/.test(text)) return { ms: Number(text) * 1000, byServer: true };
  const date = text === "" ? Number.NaN : Date.parse(text);
  if (!Number.isNaN(date)) return { ms: Math.max(0, date - now), byServer: true, until: new Date(date) };
  return { ms: 1000 * 2 ** (attempt - 1), byServer: false };
}

/** "40 s", or for a date "2272060800 s (until 2099-01-01 00:00:00 UTC)": the server's own text is never printed. */
function describeWait(wait: AskedWait): string {
  const seconds = `${Math.ceil(wait.ms / 1000)} s`;
  return wait.until === undefined ? seconds : `${seconds} (until ${wait.until.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC")})`;
}
