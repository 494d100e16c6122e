/**
 * lint --json and verify --json with outputs far past a pipe's 64 KiB, read by a reader that sleeps
 * first: the CLI finishes long before the reader starts, and every byte must still arrive.
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, REPO_ROOT, runShell, useTempDir } from "./cli.js";

let dir: string;
useTempDir((made) => (dir = made));

const shell = (command: string) => runShell(command, dir);

describe("--json through a pipe to a slow reader", () => {
  it.each(["lint", "verify"])("%s --json over 200 files arrives whole", async (command) => {
    const fixture = join(REPO_ROOT, "test/fixtures/profiles/jamf-pro-mistakes.mobileconfig");
    for (let index = 0; index < 200; index++) copyFileSync(fixture, join(dir, `p${String(index).padStart(3, "0")}.mobileconfig`));
    const output = await shell(`"${process.execPath}" "${CLI}" ${command} --json *.mobileconfig 2>/dev/null | (sleep 1; cat)`);
    expect(output.length).toBeGreaterThan(64 * 1024);
    const parsed = JSON.parse(output) as { file: string }[];
    expect(new Set(parsed.map((item) => item.file)).size).toBe(200);
  });
});
