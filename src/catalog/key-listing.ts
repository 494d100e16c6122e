import { PROFILE_KINDS, type ProfileKind } from "../profile/domains.js";
import { factLines, type KeyFacts } from "./explain.js";
import type { Domain } from "./types.js";

/** The text form of `jcprofile keys`: one block per key, wrapped to a terminal's 80 columns. */

const KINDS: readonly ProfileKind[] = ["login", "menubar"];

/** The domains a `keys` argument names: a kind (login, menubar), a domain, or both when absent. */
export function domainsNamed(argument: string | undefined): Domain[] | undefined {
  if (argument === undefined) return KINDS.map((kind) => PROFILE_KINDS[kind].domain);
  const wanted = argument.trim();
  for (const kind of KINDS) {
    const { domain } = PROFILE_KINDS[kind];
    if (wanted.toLowerCase() === kind || wanted === domain) return [domain];
  }
  return undefined;
}

export const DOMAIN_CHOICES = KINDS.flatMap((kind) => [kind, PROFILE_KINDS[kind].domain]);

/** A heading per domain, then each key: its path and type, then its facts indented. */
export function keysText(facts: readonly KeyFacts[], width = 80): string[] {
  const lines: string[] = [];
  let domain: Domain | undefined;
  for (const key of facts) {
    if (key.domain !== domain) {
      domain = key.domain;
      if (lines.length > 0) lines.push("");
      const count = facts.filter((other) => other.domain === domain).length;
      lines.push(`${domain} — ${titleOf(domain)} (${count} keys)`);
    }
    lines.push("", `${key.key} (${key.type})`);
    const [meaning = "", ...rest] = factLines({ ...key, sources: [] });
    lines.push(...wrap(meaning, width, "  ", "  "));
    for (const line of rest) lines.push(...wrap(line, width, "  ", "    "));
    // Whole, one per line, even past the width: a source is only useful if it can be copied.
    if (key.sources.length > 0) lines.push("  Sources:", ...key.sources.map((source) => `    ${source}`));
  }
  return lines;
}

function titleOf(domain: Domain): string {
  const kind = KINDS.find((candidate) => PROFILE_KINDS[candidate].domain === domain);
  return kind === undefined ? domain : PROFILE_KINDS[kind].title;
}

/**
 * Breaks at spaces so no line passes `width`; a word longer than a line (a URL) stays whole on
 * its own line, because a broken URL cannot be copied.
 */
export function wrap(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/ +/)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}
