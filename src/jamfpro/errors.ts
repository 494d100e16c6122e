/**
 * What went wrong talking to one Jamf Pro server, in words an admin can act on. The kind decides
 * the exit code: the server refused something (1) or the answer never came or made no sense (3).
 */
import { ExitCode } from "../errors.js";
import { adviceFor } from "../net/failure-fixes.js";
import type { NetworkFailure } from "../net/types.js";

export type JamfErrorKind = "credentials" | "privileges" | "refused" | "network" | "unavailable" | "unexpected";

export class JamfError extends Error {
  override readonly name = "JamfError";
  constructor(
    readonly kind: JamfErrorKind,
    message: string,
  ) {
    super(message);
  }

  /** Refused by Jamf Pro (the admin's to fix there): failed; anything else left the answer open. */
  get exitCode(): typeof ExitCode.failed | typeof ExitCode.inconclusive {
    return this.kind === "credentials" || this.kind === "privileges" || this.kind === "refused" ? ExitCode.failed : ExitCode.inconclusive;
  }
}

/** The run was interrupted (Ctrl-C, SIGTERM, SIGHUP) while this request was waiting or in flight. */
export class InterruptedError extends Error {
  override readonly name = "InterruptedError";
  constructor(readonly signal: string) {
    super(`interrupted (${signal})`);
  }
}

export const PRIVILEGES = "Create, Read and Update macOS Configuration Profiles";
/** Needed only when a category is configured; that listing categories asks for it is confirmed by no source (UNVERIFIED). */
export const CATEGORY_PRIVILEGE = "Read Categories";

/** A failed exchange (no HTTP answer at all), with the fix for its cause (src/net/failure-fixes.ts). */
export function networkError(failure: NetworkFailure, server: string): JamfError {
  const { problem, fix } = adviceFor(failure, { host: new URL(server).host, urlSetting: "jamfPro.url", service: "the Jamf Pro server" });
  return new JamfError("network", `${problem} — ${fix}`);
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
