/**
 * build's options, declared once: src/program.ts gives them to commander (help, usage errors) and
 * src/cli.ts parses a plain `jcprofile build …` line with them, without loading commander. Kept
 * apart from commands/build.ts and run-build.ts so that reading them loads nothing else.
 */
export interface OptionSpec {
  /** As commander takes them: `-c, --config <file>`, or a switch `--check`. */
  readonly flags: string;
  readonly description: string;
  readonly defaultValue?: string;
  /** Given again, it adds a value (`-e prod -e test`) instead of replacing it. */
  readonly repeatable?: boolean;
}

export const BUILD_OPTIONS: readonly OptionSpec[] = [
  { flags: "-c, --config <file>", description: "config file", defaultValue: "jcprofile.json" },
  { flags: "-e, --env <name>", description: "build only this environment (repeat for more; default: all)", repeatable: true },
  { flags: "-o, --out <dir>", description: 'output folder (default: "out" beside the config file)' },
  { flags: "--check", description: "write nothing; exit 1 when the output folder differs from what would be built" },
  { flags: "--prune", description: "also remove profiles no environment builds any more from the output folder (only jcprofile's own files)" },
];

/** An option's spellings (`-c`, `--config`), its flag name (`config`) and whether it takes a value. */
export function optionForms(spec: OptionSpec): { spellings: string[]; name: string; takesValue: boolean } {
  const spellings = spec.flags.split(/[ ,]+/).filter((part) => part.startsWith("-"));
  const long = spellings.find((spelling) => spelling.startsWith("--"))!;
  return { spellings, name: long.slice(2), takesValue: spec.flags.includes("<") };
}
