// npm test: three runs side by side: vitest on the in-process specs, vitest on the spawned specs
// (test/e2e, once the bundle they run, dist/cli.js, is made) and the typecheck. Side by side
// because the spawned specs mostly wait on their child processes: in one vitest run the projects
// ran one after another and left about a quarter of two cores idle.
// Each run's report is printed whole when it ends; the run fails when any of them fails.
//
// Options (`npm test -- --reporter=json --outputFile=r.json`) go to both vitest runs, and an
// --outputFile gets one merged report. File filters (`npm test -- test/cli/build.test.ts`) make
// it one plain vitest run.
import { spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const local = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const VITEST = local("node_modules/vitest/vitest.mjs");
const TSC = local("node_modules/typescript/bin/tsc");

/** Runs node with `args`; with `capture`, its output is kept and returned instead of shown as it comes. */
function run(args, { capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    if (capture) {
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
    }
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Vitest's JSON reports of the two runs as one: counts added, files listed together. */
function mergeReports(paths, into) {
  const reports = paths.map((path) => JSON.parse(readFileSync(path, "utf8")));
  const merged = { ...reports[0], testResults: reports.flatMap((report) => report.testResults) };
  for (const key of Object.keys(merged)) if (key.startsWith("num")) merged[key] = reports.reduce((sum, report) => sum + (report[key] ?? 0), 0);
  merged.success = reports.every((report) => report.success);
  merged.startTime = Math.min(...reports.map((report) => report.startTime));
  writeFileSync(into, JSON.stringify(merged));
  for (const path of paths) rmSync(path, { force: true });
}

// Only the spawned specs need dist/: the in-process specs and the typecheck start at once.
const bundled = run([local("scripts/bundle.mjs")]);
const afterBundle = (start) => bundled.then((bundle) => (bundle.code === 0 ? start() : { ...bundle, output: "\nnpm test: the bundle failed (above)\n" }));

const args = process.argv.slice(2);
const typecheck = run([TSC, "-p", "tsconfig.test.json", "--noEmit"], { capture: true });
let results;
if (args.some((arg) => !arg.startsWith("-"))) {
  results = [await afterBundle(() => run([VITEST, "run", ...args]))];
} else {
  const outputFile = args.find((arg) => arg.startsWith("--outputFile="))?.slice("--outputFile=".length);
  const withOutput = (suffix) => (outputFile === undefined ? args : args.map((arg) => (arg.startsWith("--outputFile=") ? `--outputFile=${outputFile}${suffix}` : arg)));
  results = await Promise.all([
    // One worker: the spawned specs' run keeps the other core busy, and a second worker would
    // import the whole module graph again (measured: ~2 s less CPU, ~7 % less time with one).
    run([VITEST, "run", "--maxWorkers=1", "--project", "in-process", ...withOutput(".in-process")]),
    afterBundle(() => run([VITEST, "run", "--project", "e2e", ...withOutput(".e2e")], { capture: true })),
  ]);
  if (outputFile !== undefined) {
    try {
      mergeReports([`${outputFile}.in-process`, `${outputFile}.e2e`], outputFile);
    } catch (error) {
      results.push({ code: 1, output: `\nnpm test: could not merge the JSON reports into ${outputFile}: ${error.message}\n` });
    }
  }
}
for (const result of results) process.stdout.write(result.output);
const checked = await typecheck;
process.stdout.write(checked.code === 0 ? "\ntypecheck (tsc -p tsconfig.test.json): no errors\n" : `\ntypecheck (tsc -p tsconfig.test.json) failed:\n${checked.output}`);
process.exit(results.find((result) => result.code !== 0)?.code ?? checked.code);
