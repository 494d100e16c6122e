import type { Command, Option } from "commander";
import { showValue } from "./values.js";

/**
 * Flags that contradict each other on one command line, which commander would settle silently by
 * letting the last one win: a single-value flag given twice with different values (`--env a
 * --env b`), and a flag given with its --no- form (`--license X --no-license`). watchOptions
 * records each occurrence as commander parses it; optionConflicts names every contradiction, one
 * line each, with its fix.
 */

interface Occurrence {
  readonly option: Option;
  readonly value: unknown;
}

const seen = new WeakMap<Command, Map<string, Occurrence[]>>();

/**
 * Records every occurrence of `command`'s options (call once its options are declared). A
 * repeatable option (`repeatable` says which) may be given any number of times; a hidden one
 * (`--password`) is left to its command's own refusal.
 */
export function watchOptions(command: Command, repeatable: (option: Option) => boolean): void {
  const byAttribute = new Map<string, Occurrence[]>();
  seen.set(command, byAttribute);
  for (const option of command.options) {
    // A hidden option (--password) is declared only for its command to refuse it, saying why and what
    // to use instead; "give it once" would be a fix that cannot work.
    if (repeatable(option) || option.hidden) continue;
    // Declaration order, so the lines come in the order of --help.
    if (!byAttribute.has(option.attributeName())) byAttribute.set(option.attributeName(), []);
    command.on(`option:${option.name()}`, (value: unknown) => {
      const attribute = option.attributeName();
      byAttribute.set(attribute, [...(byAttribute.get(attribute) ?? []), { option, value }]);
    });
  }
}

/** The flag as the admin knows it: the long form when there is one. */
const flagOf = (option: Option): string => option.long ?? option.short ?? option.name();

/** One line per contradiction among the options `command` was given, in the order they are declared. */
export function optionConflicts(command: Command): string[] {
  const lines: string[] = [];
  for (const occurrences of seen.get(command)?.values() ?? []) {
    const negated = occurrences.find((occurrence) => occurrence.option.negate);
    const plain = occurrences.filter((occurrence) => !occurrence.option.negate);
    if (negated !== undefined && plain.length > 0) {
      lines.push(`${flagOf(plain[0]!.option)} and ${flagOf(negated.option)} contradict each other — keep one`);
      continue;
    }
    const option = plain[0]?.option;
    if (option === undefined || !(option.required || option.optional)) continue;
    const values = [...new Set(plain.map((occurrence) => occurrence.value).filter((value) => typeof value === "string"))];
    if (values.length < 2) continue;
    const times = values.length === 2 ? "twice" : `${values.length} times`;
    lines.push(`${flagOf(option)} is given ${times}, as ${values.map((value) => showValue(value)).join(" and as ")} — give it once`);
  }
  return lines;
}
