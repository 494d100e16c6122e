// Times `npm test` of another checkout (the baseline) and of this one, back to back, ROUNDS times,
// and prints each pair, its ratio and the medians. This machine's speed drifts between minutes,
// so only runs made back to back compare. The baseline needs its own `npm ci` (its lock file).
//
//   git worktree add --detach /tmp/base 6a30de9 && (cd /tmp/base && npm ci)
//   node scripts/compare-test-time.mjs /tmp/base 5
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const [base, rounds = "5"] = process.argv.slice(2);
if (base === undefined) {
  console.error("usage: node scripts/compare-test-time.mjs BASELINE_DIR [ROUNDS]");
  process.exit(2);
}
const here = fileURLToPath(new URL("..", import.meta.url));

/** Seconds `npm test` takes in `dir`, output discarded; a failing run is reported, not timed away. */
function time(dir) {
  const start = process.hrtime.bigint();
  const run = spawnSync("npm", ["test"], { cwd: dir, stdio: "ignore" });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) console.error(`npm test failed in ${dir} (exit ${run.status})`);
  return seconds;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const pairs = [];
for (let round = 1; round <= Number(rounds); round++) {
  const pair = { before: time(base), now: time(here) };
  pairs.push(pair);
  console.log(`round ${round}: before ${pair.before.toFixed(1)} s, now ${pair.now.toFixed(1)} s, now/before ${((100 * pair.now) / pair.before).toFixed(0)} %`);
}
const [before, now] = [median(pairs.map((pair) => pair.before)), median(pairs.map((pair) => pair.now))];
console.log(`medians: before ${before.toFixed(1)} s, now ${now.toFixed(1)} s, ${((100 * now) / before).toFixed(0)} %`);
