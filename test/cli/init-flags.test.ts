/**
 * init's flag handling, through the real CLI (newcomer trial): every bad value of a repeatable flag
 * is named. Exit 2, nothing written.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../folders.js";
import { runCli } from "../run-cli.js";

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-init-flags-" });

const TENANT = "8a2b1c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const CLIENT = "6b5c4a3e-1d2f-4a8b-9c0d-1e2f3a4b5c6d";
const BASE = ["init", "--tenant", TENANT, "--client-id", CLIENT, "--organization", "Contoso", "--no-license", "--no-probe", "--yes"];
const cli = (args: readonly string[]) => runCli(args, { cwd: dir });
const nothingWritten = () => {
  expect(existsSync(join(dir, "jcprofile.json"))).toBe(false);
  expect(readdirSync(dir)).toEqual([]);
};

describe("a repeatable flag with several bad values", () => {
  it("names every bad --deny-local-excluded value, one line each", async () => {
    const run = await cli([...BASE, "--env", "prod", "--deny-local-excluded", "ladmin", "--deny-local-excluded", "x;rm", "--deny-local-excluded", "Jane Doe"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("2 flags are wrong — fix them all, then run init again:");
    expect(run.stderr).toContain('--deny-local-excluded: "x;rm" is not a local account\'s short name');
    expect(run.stderr).toContain('--deny-local-excluded: "Jane Doe" is not a local account\'s short name');
    expect(run.stderr).not.toContain('"ladmin"');
    nothingWritten();
  });

  it("names every bad --admin-role value, with the other bad flags", async () => {
    const run = await cli([...BASE, "--env", "prod", "--admin-role", "bad role", "--admin-role", "Admin", "--admin-role", "also bad", "--redirect-uri", "nope"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("3 flags are wrong");
    expect(run.stderr).toMatch(/--admin-role: .*bad role/);
    expect(run.stderr).toMatch(/--admin-role: .*also bad/);
    expect(run.stderr).toContain("--redirect-uri:");
    nothingWritten();
  });

  it("one bad value among good ones is still one line, as before", async () => {
    const run = await cli([...BASE, "--env", "prod", "--deny-local-excluded", "ladmin", "--deny-local-excluded", "x;rm"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--deny-local-excluded: "x;rm" is not a local account\'s short name (letters, digits, . _ - only) — give the short name, e.g. ladmin');
    expect(run.stderr).not.toContain("flags are wrong");
    nothingWritten();
  });
});
