// Bundles src/ into dist/: dist/cli.js (the program: commander and the command table) and one
// self-contained file per command, dist/commands/<name>.js, which cli.js imports when that command
// runs. So `jcprofile build` loads two files. Start-up cost is mostly per file loaded and per byte
// compiled (measured: one file for everything was ~60 ms slower, ~20 shared chunks ~25 ms slower
// than this), and `jcprofile build` must start within 2x of bare Node. Code two commands share is
// copied into both files; src/errors.ts's isUserError works across those copies. Heavy packages
// used only by some commands stay external and load only when needed.
import { build } from "esbuild";
import { existsSync, readFileSync, rmSync } from "node:fs";

const dist = new URL("../dist-min/", import.meta.url);
const cliSource = readFileSync(new URL("../../src/cli.ts", import.meta.url), "utf8");
// The commands cli.ts imports lazily: `import("./commands/<name>.js")` (its comments name an example).
const commands = [...new Set([...cliSource.matchAll(/import\("\.\/commands\/([a-z-]+)\.js"\)/g)].map((match) => match[1]))].filter((name) =>
  existsSync(new URL(`../src/commands/${name}.ts`, import.meta.url)),
);
if (commands.length === 0) throw new Error("scripts/bundle.mjs: no `import(\"./commands/<name>.js\")` found in src/cli.ts");

/** In cli.ts, `./commands/x.js` stays an import of the separate dist/commands/x.js. */
const commandsApart = {
  name: "commands-apart",
  setup(builder) {
    builder.onResolve({ filter: /^\.\/commands\/[a-z-]+\.js$/ }, (args) => (args.importer.endsWith("cli.ts") ? { path: args.path, external: true } : undefined));
  },
};

/**
 * commander requires node:child_process when it loads, only to run executable subcommands, which
 * jcprofile has none of; loading it (with net and dgram) costs every start-up ~8 ms of CPU. Its
 * copy here loads the real module on first use instead.
 */
const childProcessOnUse = {
  name: "child-process-on-use",
  setup(builder) {
    builder.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: "child_process", namespace: "on-use" } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: "on-use" }, () => ({
      contents: 'module.exports = new Proxy({}, { get: (_target, key) => require("node:child_process")[key] });',
      loader: "js",
    }));
  },
};

const common = {
  bundle: true,
  splitting: false,
  format: "esm",
  platform: "node",
  target: "node20.19",
  external: ["@azure/msal-node", "ora", "@inquirer/*", "undici", "node-forge"],
  legalComments: "inline",
  // commander is CommonJS: give the ESM bundle a require() for its node: imports.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  logLevel: "warning", minifyWhitespace: true, minifySyntax: true,
};

rmSync(dist, { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: { cli: "src/bin.ts", "write-schema": "src/config/write-schema.ts" }, outdir: "dist-min", plugins: [commandsApart, childProcessOnUse] }),
  build({ ...common, entryPoints: Object.fromEntries(commands.map((name) => [name, `src/commands/${name}.ts`])), outdir: "dist-min/commands" }),
]);
