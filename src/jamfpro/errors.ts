/**
 * What went wrong talking to one Jamf Pro server, in words an admin can act on: a Problem (what
 * happened, and the fix kept apart) with a stable code, and the verdict the code carries — Jamf Pro
 * refused something (the admin's to settle there) or no usable answer came (a retry may do).
 * Which exit code that makes is src/problem.ts's to say (exitCodeFor).
 */
import { problemText, wholeError, type Problem } from "../problem.js";
import { adviceFor } from "../net/failure-fixes.js";
import type { NetworkFailure } from "../net/types.js";

/** Each code's verdict: `refused` when Jamf Pro judged the request, `inconclusive` when the answer never came or made no sense. */
const VERDICTS = {
  credentials: "refused",
  privileges: "refused",
  /** 409 Conflict: Jamf Pro refused the write (a duplicate name, a bad category). */
  conflict: "refused",
  /** Any other 4xx: Jamf Pro judged the request. */
  refused: "refused",
  "duplicate-name": "refused",
  "missing-category": "refused",
  network: "inconclusive",
  timeout: "inconclusive",
  /** 429/502/503/504 after every try, or a wait longer than upload takes. */
  busy: "inconclusive",
  redirect: "inconclusive",
  "unreadable-answer": "inconclusive",
} as const;

export type JamfCode = keyof typeof VERDICTS;
export type Verdict = "refused" | "inconclusive";

export class JamfError extends Error {
  override readonly name = "JamfError";
  /** The message and the fix apart; `message` is both, as the admin reads them. */
  readonly problem: Problem & { readonly code: JamfCode };
  constructor(
    readonly code: JamfCode,
    message: string,
    fix?: string,
  ) {
    const problem = wholeError(code, message, fix);
    super(problemText(problem));
    this.problem = problem;
  }

  get verdict(): Verdict {
    return VERDICTS[this.code];
  }

  /** The request went out and its answer was lost (dropped connection, timeout): Jamf Pro may have carried it out. */
  get answerLost(): boolean {
    return this.code === "network" || this.code === "timeout";
  }
}

/** The run was interrupted (Ctrl-C, SIGTERM, SIGHUP) while this request was waiting or in flight. */
export class InterruptedError extends Error {
  override readonly name = "InterruptedError";
  constructor(readonly signal: string) {
    super(`interrupted (${signal})`);
  }
}

/**
 * The one place that names the API role privileges upload needs, by the Classic API resource a
 * request goes to (README, upload's Credentials paragraph, lists the same). Read Categories is
 * needed only when a category is configured; that listing categories asks for it is confirmed by
 * no source (UNVERIFIED).
 */
const PRIVILEGES = {
  categories: { what: () => "read the categories", fix: "give its API role the privilege Read Categories, or leave jamfPro.category out" },
  osxconfigurationprofiles: {
    what: (method: string) => `${method === "GET" ? "read" : method === "POST" ? "create" : "update"} macOS configuration profiles`,
    fix: "give its API role the privileges Create, Read and Update macOS Configuration Profiles",
  },
} as const;

/** A 401 or 403 on a Classic API request (`/categories`, `/osxconfigurationprofiles/…`): the privilege its API role lacks. */
export function missingPrivilege(server: string, method: string, path: string, status: number): JamfError {
  const needed = path.split("/")[1] === "categories" ? PRIVILEGES.categories : PRIVILEGES.osxconfigurationprofiles;
  return new JamfError("privileges", `Jamf Pro at ${server} did not let the API client ${needed.what(method)} (HTTP ${status})`, needed.fix);
}

/** A failed exchange (no HTTP answer at all), with the fix for its cause (src/net/failure-fixes.ts). */
export function networkError(failure: NetworkFailure, server: string): JamfError {
  const { problem, fix } = adviceFor(failure, { host: new URL(server).host, urlSetting: "jamfPro.url", service: "the Jamf Pro server" });
  return new JamfError(failure.type === "timeout" ? "timeout" : "network", problem, fix);
}

/**
 * The reason in a Classic API error page. Jamf Pro answers a refused write with a small HTML page
 * whose text is e.g. "Conflict" and "Error: Duplicate name"; the admin needs those words, not tags.
 */
export function reasonOfErrorPage(status: number, text: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(text)?.[1] ?? text;
  // The page ends with a paragraph of links ("technical details here", "home page"): not the reason.
  const paragraphs = [...body.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/gi)]
    .map((match) => match[1] ?? "")
    .filter((html) => !/<a\s/i.test(html))
    .map(plainText);
  const words = (paragraphs.length > 0 ? paragraphs : [plainText(body)]).filter((line) => line !== "");
  const reason = words.join(": ").replace(/\s+/g, " ").trim().slice(0, 300);
  return reason === "" ? `HTTP ${status}` : `HTTP ${status} ${reason}`;
}

function plainText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, "")
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
