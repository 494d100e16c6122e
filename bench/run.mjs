#!/usr/bin/env node
// npm run bench: wall time of the built CLI against a bare `node -e ""` start-up measured in
// the same run, reported as ratios (absolute times on shared machines mean little), and the
// issue-21 goals: one environment within 1.3x of bare Node, 1000 environments within 0.5 s.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
// BENCH_CLI: another build of the CLI (e.g. another checkout's dist/cli.js), for a before/after.
const cli = process.env.BENCH_CLI ?? join(root, "dist", "cli.js");
const runs = Number(process.env.BENCH_RUNS ?? 15);

// stdout and stderr are pipes, as in CI or `| tee` (a terminal would be read the same way; /dev/null,
// a character device, would make the CLI set up Node's stream objects, see src/std-streams.ts).
function timeOnce(args, cwd, env = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "true", ...env } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return ms;
}

/**
 * Median of interleaved runs, so both sides see the same machine load. `before` runs (untimed)
 * before each run of the command, e.g. to empty its output folder; `beforeBaseline` before each
 * run of the baseline.
 */
function compare(label, args, cwd, { baseline = ["-e", ""], env = {}, before = () => {}, beforeBaseline = () => {} } = {}) {
  const bare = [];
  const cmd = [];
  beforeBaseline();
  timeOnce(baseline, cwd, env);
  before();
  timeOnce(args, cwd, env);
  for (let i = 0; i < runs; i++) {
    beforeBaseline();
    bare.push(timeOnce(baseline, cwd, env));
    before();
    cmd.push(timeOnce(args, cwd, env));
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const row = { label, bare: median(bare), command: median(cmd) };
  row.ratio = row.command / row.bare;
  return row;
}

function configWith(count) {
  const environments = {};
  for (let i = 0; i < count; i++) {
    const hex = i.toString(16).padStart(12, "0");
    environments[`env${i}`] = {
      tenant: `9b1f3c2e-5d4a-4c8b-9e7f-${hex}`,
      login: { clientId: `7d2e9a41-3c5b-4f86-a1d0-${hex}` },
      ...(i % 2 === 1 && { conditionalAccess: { mode: "custom-scope", apiAppId: `e5a8c3f1-9b2d-4e7a-8c6f-${hex}` } }),
    };
  }
  return {
    organization: "Bench Ltd",
    identifier: "com.bench.jamfconnect",
    defaults: {
      license: "contoso.jamfconnectlicense",
      login: { adminRoles: ["Admin"], settings: { DenyLocal: true, Migrate: true, OIDCUsePassthroughAuth: true, CreateJamfConnectPassword: true } },
      menubar: { settings: { SignIn: { AutoAuthenticate: true, RequireSignIn: true } } },
    },
    environments,
  };
}

/**
 * `jcprofile probe --tenant … --client-id …` (tenant GET + app-check POST) against
 * a bare Node script that makes the same single POST, both trusting the stub's certificate
 * through NODE_EXTRA_CA_CERTS. The stub runs in its own process (spawnSync blocks this one).
 */
async function probeRows(work) {
  const stub = spawn(process.execPath, [join(root, "bench", "entra-stub.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const url = await new Promise((resolve, reject) => {
      stub.stdout.setEncoding("utf8").once("data", (line) => resolve(line.trim()));
      stub.once("exit", (code) => reject(new Error(`bench/entra-stub.mjs exited ${code}`)));
    });
    const tenant = "contoso.onmicrosoft.com";
    const clientId = "4f8e2a1b-7c3d-4e5f-a6b7-c8d9e0f1a2b3";
    const env = { NODE_EXTRA_CA_CERTS: join(root, "test", "entra", "certs", "cert.pem"), HTTPS_PROXY: "", https_proxy: "" };
    return [compare("probe --tenant --client-id (tenant GET + app POST)",
      [cli, "probe", "--tenant", tenant, "--client-id", clientId, "--authority-host", url], work,
      { baseline: [join(root, "bench", "bare-post.mjs"), url, tenant, clientId], env })];
  } finally {
    stub.kill();
  }
}

const work = mkdtempSync(join(tmpdir(), "jcprofile-bench-"));
try {
  cpSync(join(root, "examples", "contoso.jamfconnectlicense"), join(work, "contoso.jamfconnectlicense"));
  const rows = [];
  const floors = [];
  for (const count of [1, 100, 1000]) {
    writeFileSync(join(work, `bench-${count}.json`), JSON.stringify(configWith(count), null, 2));
    // Again into the same folder: every profile is already in place (the everyday rebuild).
    rows.push(compare(`build, ${count} environment${count === 1 ? "" : "s"}, again`, [cli, "build", "--config", `bench-${count}.json`], work));
    // Into an empty folder: every profile is written.
    const fresh = join(work, `fresh-${count}`);
    const empty = () => rmSync(fresh, { recursive: true, force: true });
    const label = `build, ${count} environment${count === 1 ? "" : "s"}, empty folder`;
    rows.push(compare(label, [cli, "build", "--config", `bench-${count}.json`, "--out", fresh], work, { before: empty }));
    // The same files written by a bare Node script (bench/bare-write.mjs): what this machine's file
    // system alone takes, against which build's own share of an empty-folder run shows.
    const list = join(work, `files-${count}.json`);
    writeFileSync(list, JSON.stringify(filesIn(fresh)));
    floors.push(compare(`${label}, against writing the same files`, [cli, "build", "--config", `bench-${count}.json`, "--out", fresh], work, {
      baseline: [join(root, "bench", "bare-write.mjs"), list, fresh],
      before: empty,
      beforeBaseline: empty,
    }));
  }
  const probe = await probeRows(work);
  const extra = process.env.BENCH_EXTRA ? await import(process.env.BENCH_EXTRA) : undefined;
  if (extra?.default) rows.push(...(await extra.default({ compare, work, cli, runs })));

  console.log(`node ${process.version}, ${runs} interleaved runs each, medians`);
  console.log("| what | bare node -e \"\" | command | ratio |");
  console.log("|---|---:|---:|---:|");
  for (const row of rows) {
    console.log(`| ${row.label} | ${row.bare.toFixed(0)} ms | ${row.command.toFixed(0)} ms | ${row.ratio.toFixed(2)}x |`);
  }
  const one = rows.find((row) => row.label === "build, 1 environment, again");
  const thousand = rows.filter((row) => row.label.startsWith("build, 1000 environments"));
  console.log("");
  console.log(`goal, 1 environment within 1.3x of bare node: ${one.ratio.toFixed(2)}x, ${one.ratio <= 1.3 ? "met" : "not met"}`);
  for (const row of thousand) console.log(`goal, ${row.label.slice("build, ".length)} within 0.5 s: ${(row.command / 1000).toFixed(2)} s, ${row.command <= 500 ? "met" : "not met"}`);
  console.log("");
  console.log("| what | bare node script writing the same files | command | ratio | build's own share |");
  console.log("|---|---:|---:|---:|---:|");
  for (const row of floors) {
    console.log(`| ${row.label} | ${row.bare.toFixed(0)} ms | ${row.command.toFixed(0)} ms | ${row.ratio.toFixed(2)}x | ${(row.command - row.bare).toFixed(0)} ms |`);
  }
  const floor = floors.find((row) => row.label.startsWith("build, 1000 environments"));
  console.log(`the file system alone (a bare script writing the same 2000 profiles into 1000 folders) took ${(floor.bare / 1000).toFixed(2)} s here: ${floor.bare <= 500 ? "under" : "over"} the 0.5 s goal`);
  console.log("");
  console.log("| what | bare node script, same single POST | command | ratio |");
  console.log("|---|---:|---:|---:|");
  for (const row of probe) {
    console.log(`| ${row.label} | ${row.bare.toFixed(0)} ms | ${row.command.toFixed(0)} ms | ${row.ratio.toFixed(2)}x |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** What build wrote into `folder`: each file's path relative to it and its size, for bench/bare-write.mjs. */
function filesIn(folder) {
  const files = [];
  for (const env of readdirSync(folder, { withFileTypes: true })) {
    if (!env.isDirectory()) continue;
    for (const name of readdirSync(join(folder, env.name)).sort()) {
      files.push({ file: `${env.name}/${name}`, size: statSync(join(folder, env.name, name)).size });
    }
  }
  return files;
}
