/**
 * What only a real process shows: output through a pipe to a slow reader, a named pipe that a
 * blocking read would wait on forever, and signals at a terminal that reports no width. Everything else runs in-process (test/run-cli.ts).
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caCertPath, CONTOSO, contosoWorld, startEntraEmulator, type EntraEmulator } from "../entra/emulator.js";
import { contosoFlags, NO_PROXY_ENV } from "../probe/probe-cli.js";
import { CLI, runShell, spawnCli, useTempDir } from "./cli.js";
import { runInPty } from "./init-pty.js";

let dir: string;
useTempDir((made) => (dir = made));

/** A config with `count` environments whose names are long, so `build --check` prints a lot. */
function writeManyEnvironments(count: number): void {
  const environments: Record<string, unknown> = {};
  for (let index = 0; index < count; index++) {
    environments[`env-${String(index).padStart(4, "0")}-${"x".repeat(50)}`] = {
      tenant: "contoso.onmicrosoft.com",
      login: { clientId: "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37" },
    };
  }
  const config = { organization: "Contoso Ltd", identifier: "com.contoso.jamfconnect", environments };
  writeFileSync(join(dir, "jcprofile.json"), JSON.stringify(config));
}

const shell = (command: string) => runShell(command, dir);

describe("output through a pipe", () => {
  it("reaches a slow reader whole, well past the pipe's 64 KiB", async () => {
    writeManyEnvironments(700);
    // The reader sleeps first, so the pipe fills and the CLI is done long before it is read.
    const output = await shell(`"${process.execPath}" "${CLI}" build --check | (sleep 1; cat)`);
    const lines = output.trim().split("\n");
    expect(output.length).toBeGreaterThan(128 * 1024);
    expect(lines).toHaveLength(1400);
    expect(lines.every((line) => line.startsWith("missing: out/env-"))).toBe(true);
  });
});

describe("a terminal that reports 0 columns", () => {
  let silent: EntraEmulator;
  beforeAll(async () => (silent = await startEntraEmulator(contosoWorld(), { mode: "hang" })));
  afterAll(() => silent.close());

  it("shows no spinner loop, and SIGTERM ends the CLI while it waits for Entra", async () => {
    const pty = runInPty(["probe", ...contosoFlags(silent), "--timeout", "60"], {
      cwd: dir,
      columns: 0,
      env: { ...NO_PROXY_ENV, NODE_EXTRA_CA_CERTS: caCertPath, JCPROFILE_PASSWORD: undefined },
    });
    const timer = setTimeout(() => pty.kill(), 15_000);
    try {
      await pty.waitFor(/pid=\d+\./);
      const pid = Number(/pid=(\d+)\./.exec(pty.screen())![1]);
      // Long enough for the tenant request to be waiting, and for a spinner to have started.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      process.kill(pid, "SIGTERM");
      const code = await pty.exited;
      expect(code, pty.screen()).toBe(143);
      expect(pty.screen()).not.toContain(CONTOSO.tenantId);
    } finally {
      clearTimeout(timer);
      pty.kill();
    }
  });
});

describe("a named pipe (FIFO) where a file belongs", () => {
  const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
  const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
  const run = async (fifo: string, args: string[]) => {
    execFileSync("mkfifo", [join(dir, fifo)]);
    // Opening a FIFO blocks until a writer comes: in-process that would hang the test worker; here
    // the spawned CLI is killed after 10 s and the test fails.
    const result = await spawnCli(args, { cwd: dir, timeoutMs: 10_000 });
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    return result.stderr;
  };

  it("as the config: exit 2 naming it, no hang", async () => {
    expect(await run("pipe.json", ["build", "--config", "pipe.json"])).toContain("pipe.json: is a named pipe (FIFO), not a file");
  });

  it("as the license: exit 2 naming it at its place, no hang", async () => {
    const config = { organization: "Contoso", identifier: "com.contoso.jamfconnect", environments: { prod: { tenant: TENANT, login: { clientId: CLIENT }, license: "pipe.jamfconnectlicense" } } };
    writeFileSync(join(dir, "jcprofile.json"), JSON.stringify(config));
    const stderr = await run("pipe.jamfconnectlicense", ["build"]);
    expect(stderr).toContain("environments.prod.license:");
    expect(stderr).toContain("is a named pipe (FIFO), not a file");
  });
});
