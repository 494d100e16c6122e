/**
 * The built CLI's stdout and stderr to pipes and files, written without Node's stream objects
 * (src/std-streams.ts): a reader that goes early is not an error, and a file gets every byte.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, cliEnv, spawnCli, useTempDir } from "./cli.js";

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-std-" });

describe("the built CLI's stdout", () => {
  it("to a reader that stops after the first bytes (| head -c): exit 0, nothing on stderr", async () => {
    const child = spawn(process.execPath, [CLI, "keys", "--json"], { cwd: dir, env: cliEnv(["keys"]), stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  });

  it("to a file: every byte, the same as through a pipe", async () => {
    const piped = await spawnCli(["keys", "--json"], { cwd: dir });
    const path = join(dir, "keys.json");
    const fd = openSync(path, "w");
    const child = spawn(process.execPath, [CLI, "keys", "--json"], { cwd: dir, env: cliEnv(["keys"]), stdio: ["ignore", fd, "pipe"] });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    closeSync(fd);
    expect(code).toBe(0);
    expect(readFileSync(path, "utf8")).toBe(piped.stdout);
    expect(piped.stdout.length).toBeGreaterThan(64 * 1024);
  });

  // /dev/full is Linux's (CI's); macOS has none.
  it.skipIf(!existsSync("/dev/full"))("to a full device (/dev/full): one line on stderr, exit 1, no stack trace", async () => {
    const fd = openSync("/dev/full", "w");
    const child = spawn(process.execPath, [CLI, "keys", "--json"], { cwd: dir, env: cliEnv(["keys"]), stdio: ["ignore", fd, "pipe"] });
    let stderr = "";
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    closeSync(fd);
    expect(code).toBe(1);
    expect(stderr).toBe("error: could not write to standard output (ENOSPC): what it shows is incomplete — check the disk or the file it goes to\n");
  });
});
