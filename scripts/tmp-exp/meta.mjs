import { build } from "esbuild";
const entry = process.argv[2];
const r = await build({ entryPoints: [entry], bundle: true, write: false, format: "esm", platform: "node", target: "node20.19", metafile: true, outdir: "/tmp/x",
  external: ["@azure/msal-node", "ora", "@inquirer/*", "undici", "node-forge"],
  plugins: [{ name: "ce", setup(b) { b.onResolve({ filter: /^\.\/commands\// }, (a) => a.importer.endsWith("src/cli.ts") ? { path: a.path, external: true } : undefined); } }] });
const out = Object.values(r.metafile.outputs)[0];
Object.entries(out.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 40).forEach(([k, v]) => console.log(String(v.bytesInOutput).padStart(7), k));
