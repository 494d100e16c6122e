/**
 * init's flag handling, through the real CLI (newcomer trial): every bad value of a repeatable flag
 * is named, a single-value flag given twice with different values is refused, and a flag given
 * with its --no- form is refused. Exit 2, nothing written, before any request (--no-probe anyway).
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

describe("a single-value flag given twice", () => {
  it("--env a --env b is refused, naming both values", async () => {
    const run = await cli([...BASE, "--env", "a", "--env", "b"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--env is given twice, as "a" and as "b" — give it once');
    nothingWritten();
  });

  it("-e and --env count as the same flag; the same value twice is fine", async () => {
    const refused = await cli([...BASE, "-e", "a", "--env=b"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--env is given twice, as "a" and as "b" — give it once');
    nothingWritten();
    const same = await cli([...BASE, "--env", "prod", "--env", "prod"]);
    expect(same.stderr).not.toContain("given twice");
    expect(same.code).toBe(0);
  });

  it("is named with every other bad flag at once", async () => {
    const run = await cli([...BASE, "--env", "a", "--env", "b", "--timeout", "10", "--timeout", "20", "--redirect-uri", "nope"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("3 flags are wrong");
    expect(run.stderr).toContain('--env is given twice, as "a" and as "b" — give it once');
    expect(run.stderr).toContain('--timeout is given twice, as "10" and as "20" — give it once');
    expect(run.stderr).toContain("--redirect-uri:");
    nothingWritten();
  });

  it("other commands refuse it too (probe --tenant)", async () => {
    const run = await cli(["probe", "--tenant", TENANT, "--tenant", "contoso.onmicrosoft.com", "--client-id", CLIENT, "--authority-host", "https://127.0.0.1:9"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--tenant is given twice, as "${TENANT}" and as "contoso.onmicrosoft.com" — give it once`);
  });

  it("build refuses it too, with or without commander's parse", async () => {
    for (const args of [["build", "-c", "a.json", "--config", "b.json"], ["build", "--config=a.json", "--config", "b.json"]]) {
      const run = await cli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--config is given twice, as "a.json" and as "b.json" — give it once');
    }
    nothingWritten();
  });

  it("--password twice gets probe's own refusal (use --password-stdin), never 'give it once', and no secret is repeated", async () => {
    const run = await cli(["probe", "--tenant", TENANT, "--client-id", CLIENT, "-u", "a@contoso.com", "--password=hunter2", "--password=hunter3", "--authority-host", "https://127.0.0.1:9"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--password is refused: a password in the command line is kept in shell history");
    expect(run.stderr).not.toContain("give it once");
    expect(run.stderr).not.toContain("hunter");
  });
});

describe("a flag given with its --no- form", () => {
  it("--license X --no-license is refused, naming both flags", async () => {
    const run = await cli(["init", "--env", "prod", "--tenant", TENANT, "--client-id", CLIENT, "--organization", "Contoso", "--no-probe", "--yes", "--license", "x.jamfconnectlicense", "--no-license"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--license and --no-license contradict each other — keep one");
    nothingWritten();
  });

  it("--deny-local --no-deny-local and --no-migrate --migrate are both named", async () => {
    const run = await cli([...BASE, "--env", "prod", "--no-deny-local", "--deny-local", "--no-migrate", "--migrate"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("2 flags are wrong");
    expect(run.stderr).toContain("--deny-local and --no-deny-local contradict each other — keep one");
    expect(run.stderr).toContain("--migrate and --no-migrate contradict each other — keep one");
    nothingWritten();
  });
});
