import { build } from "esbuild";
import { readdirSync, rmSync } from "node:fs";
const out = process.argv[2];
rmSync(out, { recursive: true, force: true });
const common = { bundle: true, format: "esm", platform: "node", target: "node20.19", external: ["@azure/msal-node", "ora", "@inquirer/*", "undici", "node-forge"], legalComments: "inline",
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' }, logLevel: "warning" };
const commandsExternal = { name: "commands-external", setup(b) { b.onResolve({ filter: /^\.\/commands\// }, (args) => args.importer.endsWith("src/cli.ts") ? { path: args.path, external: true } : undefined); } };
const commands = readdirSync("src/commands").filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.includes("password"));
await Promise.all([
  build({ ...common, entryPoints: { cli: "src/bin.ts", "write-schema": "src/config/write-schema.ts" }, outdir: out, plugins: [commandsExternal] }),
  build({ ...common, entryPoints: Object.fromEntries(commands.map((f) => [f.replace(/\.ts$/, ""), `src/commands/${f}`])), outdir: `${out}/commands` }),
]);
