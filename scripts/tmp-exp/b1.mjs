import { build } from "esbuild";
const [out, splitting] = [process.argv[2], process.argv[3] === "split"];
await build({
  entryPoints: { cli: "src/bin.ts" }, outdir: out, bundle: true, splitting, format: "esm", platform: "node", target: "node20.19",
  external: ["@azure/msal-node", "ora", "@inquirer/*", "undici", "node-forge"], chunkNames: "chunks/[name]-[hash]", legalComments: "inline",
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' }, logLevel: "warning",
});
