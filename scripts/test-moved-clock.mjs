// npm run test:moved-clock: the whole of `npm test` again under clocks that are not today's, to prove
// that no test depends on the day, the time of day or the time zone it runs in.
//
// libfaketime (Debian package `faketime`) moves the clock for node, vitest's workers and every CLI a
// test spawns (LD_PRELOAD is inherited); TZ moves the zone. Each run below is a whole `npm test`.
//
//   node scripts/test-moved-clock.mjs            all three runs
//   node scripts/test-moved-clock.mjs 1          only the first (1-based), e.g. to repeat a failure
//
// Extra arguments after `--` go to npm test (`-- --reporter=dot`).
import { spawnSync } from "node:child_process";

const RUNS = [
  // 400 days ahead, in the first time zone of the day (UTC+14).
  { TZ: "Pacific/Kiritimati", FAKETIME: "+400d" },
  // 1500 days ahead, in the last (UTC-10).
  { TZ: "Pacific/Honolulu", FAKETIME: "+1500d" },
  // A start 15 s before a local New Year's midnight, in a zone with half-hour offset and daylight saving:
  // the run crosses a day, a month and a year while it goes.
  { TZ: "America/St_Johns", FAKETIME: "@2028-12-31 23:59:45" },
];

const args = process.argv.slice(2);
const dash = args.indexOf("--");
const testArgs = dash === -1 ? [] : args.slice(dash + 1);
const picked = (dash === -1 ? args : args.slice(0, dash)).map(Number);
const runs = picked.length === 0 ? RUNS : picked.map((n) => RUNS[n - 1]).filter(Boolean);
if (runs.length === 0) {
  console.error(`test-moved-clock: no such run: ${picked.join(", ")} (there are ${RUNS.length})`);
  process.exit(2);
}

if (spawnSync("faketime", ["-f", "+0d", "true"], { stdio: "ignore" }).status !== 0) {
  console.error("test-moved-clock: needs libfaketime's `faketime` command — on Debian or Ubuntu: apt-get install faketime");
  process.exit(2);
}

let failed = 0;
for (const run of runs) {
  const label = `TZ=${run.TZ} faketime -f '${run.FAKETIME}' npm test`;
  console.log(`\n=== ${label}`);
  const result = spawnSync("faketime", ["-f", run.FAKETIME, "npm", "test", ...(testArgs.length > 0 ? ["--", ...testArgs] : [])], {
    stdio: "inherit",
    // DONT_FAKE_MONOTONIC: vitest's and the tests' timeouts run on the real monotonic clock; only the
    // wall clock (Date, file times, TLS validity) is moved.
    env: { ...process.env, TZ: run.TZ, FAKETIME_DONT_FAKE_MONOTONIC: "1" },
  });
  const ok = result.status === 0;
  if (!ok) failed += 1;
  console.log(`=== ${ok ? "passed" : `FAILED (exit ${result.status ?? result.signal})`}: ${label}`);
}
process.exit(failed === 0 ? 0 : 1);
