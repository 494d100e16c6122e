// Bundles src/ into dist/: dist/bin.js (the process: src/bin.ts and src/cli.ts, which sends a
// plain `jcprofile build` straight to build), dist/program.js (commander and the command table,
// for every other command line) and one self-contained file per command,
// dist/commands/<name>.js, loaded when that command runs. So `jcprofile build` loads two files.
// dist/cli.js, the executable (src/launch.ts), runs them with V8's code cache for each
// (`<file>.cache`), made here by running a build after bundling: Node 20 would compile them from
// source at every start. Start-up cost is mostly per file loaded and per byte compiled
// (measured: one file for everything was ~60 ms slower, ~20 shared chunks ~25 ms slower than
// this), and `jcprofile build` must start close to bare Node. Code two commands share is copied
// into both files; src/errors.ts's isUserError works across those copies. Heavy packages used
// only by some commands stay external and load only when needed.
//
// The files are CommonJS (dist/package.json says so) although src/ is ESM: a CommonJS entry point
// spares every run Node's ESM loader (its resolver, module jobs and the fs/promises reads it
// loads), ~10 % of a bare Node start-up here, and bare `node -e ""` does not load it either. The
// external packages are still loaded with import(), which works from CommonJS, so ESM-only ones
// (ora, @inquirer/prompts) load as before. Whitespace and syntax are minified (names are kept, so
// a bug's stack trace still reads): fewer bytes to compile at each start.
import { build } from "esbuild";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { builtinModules } from "node:module";
import { execFileSync } from "node:child_process";

const dist = new URL("../dist/", import.meta.url);
const programSource = readFileSync(new URL("../src/program.ts", import.meta.url), "utf8");
// The commands program.ts imports lazily: `import("./commands/<name>.js")` (its comments name an example).
const commands = [...new Set([...programSource.matchAll(/import\("\.\/commands\/([a-z-]+)\.js"\)/g)].map((match) => match[1]))].filter((name) =>
  existsSync(new URL(`../src/commands/${name}.ts`, import.meta.url)),
);
if (commands.length === 0) throw new Error("scripts/bundle.mjs: no `import(\"./commands/<name>.js\")` found in src/program.ts");

/**
 * In cli.ts and program.ts, `./commands/x.js` stays a load of the separate dist/commands/x.js, and
 * cli.ts's `./program.js` (commander and the command tree, which a plain `build` never needs) of
 * dist/program.js: esbuild leaves the import() as written, and the step after the build turns it
 * into a require(), which src/launch.ts answers with the file and its code cache (an import()
 * would start the ESM loader, the cost the CommonJS files avoid).
 */
const commandsApart = {
  name: "commands-apart",
  setup(builder) {
    builder.onResolve({ filter: /^\.\/(commands\/[a-z-]+|program)\.js$/ }, (args) =>
      /[\\/]src[\\/](cli|program)\.ts$/.test(args.importer) ? { path: args.path, external: true } : undefined,
    );
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

/**
 * Node's own modules are read from process.getBuiltinModule, not imported. An ESM import of a
 * built-in makes Node build the module's ESM facade, which reads every export once: for node:fs
 * that loads the streams layer (fs.ReadStream's lazy getter), for node:crypto WebCrypto, for
 * node:util the MIME and parseArgs modules, none of which `build` needs. For our ESM imports each
 * built-in becomes a module of named exports, one per plain property of this Node's own module
 * (the bundle is made by `npm ci` with the Node that runs it); esbuild links every import to them
 * once. Accessors (fs.promises, process.stdout, tls.rootCertificates) are not among them, as their
 * first read is the cost avoided or their value changes: a named import of one fails the bundle,
 * and the default import (`import tls from "node:tls"`, then `tls.rootCertificates`) reads it
 * where it is used. commander's require() calls get Node's module object itself.
 */
const builtinsByGetter = {
  name: "builtins-by-getter",
  setup(builder) {
    builder.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, "");
      if (!builtinModules.includes(name)) return undefined;
      return { path: `node:${name}`, namespace: args.kind === "require-call" ? "builtin-cjs" : "builtin" };
    });
    builder.onLoad({ filter: /.*/, namespace: "builtin-cjs" }, (args) => ({
      contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
      loader: "js",
    }));
    builder.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => {
      const lines = [`const m = process.getBuiltinModule(${JSON.stringify(args.path)});`, "export default m;"];
      for (const name of plainExports()[args.path]) lines.push(`export const ${name} = m.${name};`);
      return { contents: lines.join("\n"), loader: "js" };
    });
  },
};

/**
 * Each built-in's plain (non-accessor) exports, as a fresh Node sees them: in this process some
 * lazy accessors (fs.Dir, fs.opendir) have already been read and have turned into plain values.
 */
let plain;
function plainExports() {
  plain ??= JSON.parse(
    execFileSync(process.execPath, ["--no-warnings", "-e", `
      const out = {};
      for (const name of require("node:module").builtinModules) {
        if (name.startsWith("_")) continue;
        const real = process.getBuiltinModule("node:" + name);
        out["node:" + name] = Object.getOwnPropertyNames(real).filter((key) =>
          /^[A-Za-z_$][\\w$]*$/.test(key) && key !== "default" && "value" in Object.getOwnPropertyDescriptor(real, key));
      }
      process.stdout.write(JSON.stringify(out));`], { encoding: "utf8" }),
  );
  return plain;
}

const common = {
  // Paths below are the package's own, whatever folder the script is started from.
  absWorkingDir: fileURLToPath(new URL("..", import.meta.url)),
  bundle: true,
  splitting: false,
  format: "cjs",
  platform: "node",
  target: "node20.19",
  external: ["@azure/msal-node", "ora", "@inquirer/*", "undici", "node-forge"],
  legalComments: "inline",
  minifyWhitespace: true,
  minifySyntax: true,
  // ESM's semantics kept: strict mode, and import.meta.url for the files beside the package (made
  // when read, which most runs never do: pathToFileURL at every start cost ~0.5 % of one).
  banner: { js: '"use strict";const __module={get url(){return require("node:url").pathToFileURL(__filename).href}};' },
  define: { "import.meta.url": "__module.url" },
  logLevel: "warning",
};

rmSync(dist, { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: { "write-schema": "src/config/write-schema.ts" }, outdir: "dist", plugins: [builtinsByGetter] }),
  build({ ...common, entryPoints: { cli: "src/launch.ts" }, outdir: "dist", plugins: [builtinsByGetter], banner: { js: '"use strict";' } }),
  build({ ...common, entryPoints: { bin: "src/bin.ts", program: "src/program.ts" }, outdir: "dist", plugins: [commandsApart, childProcessOnUse, builtinsByGetter] }),
  build({ ...common, entryPoints: Object.fromEntries(commands.map((name) => [name, `src/commands/${name}.ts`])), outdir: "dist/commands", plugins: [builtinsByGetter] }),
]);
writeFileSync(new URL("package.json", dist), `${JSON.stringify({ type: "commonjs" })}\n`);

// The files src/launch.ts runs, and what each needs before it can: bin.js's loads of a command's
// file become require() calls; an import() of an external package becomes __import(), the
// launcher's import() (vm.Script's own would need --experimental-vm-modules); the whole is one
// function expression taking a CommonJS module's arguments; a build id at the end names this
// build of the file, and its cache must start with the same.
const launched = ["bin.js", "program.js", ...commands.map((name) => `commands/${name}.js`)];
const externalImport = new RegExp(`\\bimport\\("(${common.external.map((name) => name.replace("*", "[a-z-]+")).join("|")})"\\)`, "g");
const loads = /\bimport\("(\.\/(?:commands\/[a-z-]+|program)\.js)"\)/g;
const loaded = new Set();
for (const file of launched) {
  const url = new URL(file, dist);
  let text = readFileSync(url, "utf8");
  text = text.replace(loads, (_match, path) => {
    loaded.add(path);
    return `Promise.resolve().then(()=>require(${JSON.stringify(path)}))`;
  });
  text = text.replace(externalImport, (_match, name) => `__import(${JSON.stringify(name)})`);
  if (/\bimport\(/.test(text)) throw new Error(`scripts/bundle.mjs: dist/${file} has an import() src/launch.ts cannot answer`);
  // The CommonJS wrapper is written into the file, so the launcher compiles the text as read (no copy).
  text = `(function (exports, require, module, __filename, __dirname, __import) {${text.trimEnd()}\n})`;
  const id = createHash("sha256").update(text).digest("hex").slice(0, 32);
  writeFileSync(url, `${text}\n//jcprofile-build-id:${id}\n`);
}
if (loaded.size !== commands.length + 1) throw new Error("scripts/bundle.mjs: dist/bin.js and dist/program.js do not load program.js and each command with import()");
writeCodeCaches(launched);

/**
 * V8's code cache of each launched file, made by a process that has run `build` on the shipped
 * example (so build's functions are in it compiled, not only the files' top level), with this
 * Node and no NODE_OPTIONS: V8 rejects a cache made under other flags.
 */
function writeCodeCaches(files) {
  const work = mkdtempSync(join(tmpdir(), "jcprofile-bundle-"));
  try {
    cpSync(new URL("../examples/", import.meta.url), work, { recursive: true });
    const cli = fileURLToPath(new URL("cli.js", dist));
    const env = { ...process.env, NODE_OPTIONS: "" };
    // One environment's profiles already in place and the other's not: the training build runs
    // both the everyday rebuild's path (compare, leave alone) and the first build's (write).
    // It is also the bundle's smoke test: a CLI that cannot build the example fails the bundle, its stderr shown.
    execFileSync(process.execPath, [cli, "build", "--config", "contoso.jcprofile.json", "--env", "test", "--out", "out"], { cwd: work, stdio: ["ignore", "ignore", "inherit"], env });
    const training = `
      const launch = require(${JSON.stringify(cli)});
      process.argv = [process.execPath, ${JSON.stringify(cli)}, "build", "--config", "contoso.jcprofile.json", "--out", "out"];
      process.on("exit", (code) => { if (code === 0) launch.writeCodeCaches(${JSON.stringify(files)}); });
      launch.load("bin.js").main();`;
    execFileSync(process.execPath, ["-e", training], { cwd: work, stdio: ["ignore", "ignore", "inherit"], env });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const missing = files.filter((file) => !existsSync(new URL(`${file}.cache`, dist)));
  if (missing.length > 0) throw new Error(`scripts/bundle.mjs: no code cache was written for ${missing.join(", ")}`);
}
