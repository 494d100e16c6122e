/** `jcprofile keys [DOMAIN]`: what the catalogue knows, as text blocks or one JSON array. */
import { keyFacts } from "../catalog/explain.js";
import { DOMAIN_CHOICES, domainsNamed, keysText } from "../catalog/key-listing.js";
import { UserError, type ExitCodeValue } from "../errors.js";
import type { CommandIo } from "../io.js";
import { createOutput } from "../output.js";
import { exitCodeFor } from "../problem.js";
import { showValue } from "../values.js";

export interface KeysFlags {
  readonly domain?: string;
  readonly json?: boolean;
}

export function keysCommand(flags: KeysFlags, io: CommandIo): ExitCodeValue {
  const domains = domainsNamed(flags.domain);
  if (domains === undefined) {
    throw new UserError(`unknown domain ${showValue(flags.domain)} — use one of ${DOMAIN_CHOICES.join(", ")}, or none for both`);
  }
  const facts = domains.flatMap((domain) => keyFacts(domain));
  const output = createOutput(io);
  if (flags.json) output.data(JSON.stringify(facts, null, 2));
  else for (const line of keysText(facts)) output.data(line);
  return exitCodeFor([]);
}
