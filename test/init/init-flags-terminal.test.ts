/**
 * init's flag handling at a terminal (the CLI tests in test/cli/init-flags.test.ts run without
 * one): several bad values of a repeatable flag and contradicting flags are named at once, before
 * any question is asked.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { tempDir } from "../folders.js";
import { CLIENT, GUID, failure, startInit } from "./harness.js";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir("jcprofile-init-flags-tty-")));
afterEach(() => cleanup());

const answers = { env: "prod", cloud: "public", tenant: GUID, clientId: CLIENT, organization: "Contoso Ltd", license: false } as const;

it("every bad value of --deny-local-excluded is named, one line each", async () => {
  const run = startInit({ cwd: dir, flags: { answers: { ...answers, denyLocal: true, denyLocalExcluded: ["ladmin", "x;rm", "Jane Doe"] }, yes: true } });
  const error = (await failure(run)) as { message: string; exitCode: number; details?: readonly string[] };
  expect(error.exitCode).toBe(2);
  expect(error.message).toBe("2 values of --deny-local-excluded are wrong — fix them all, then run init again:");
  expect(error.details).toEqual([
    '--deny-local-excluded: "x;rm" is not a local account\'s short name (letters, digits, . _ - only) — give the short name, e.g. ladmin',
    '--deny-local-excluded: "Jane Doe" is not a local account\'s short name (letters, digits, . _ - only) — give the short name, e.g. ladmin',
  ]);
  expect(existsSync(join(dir, "jcprofile.json"))).toBe(false);
});

it("contradicting flags are refused before the first question", async () => {
  const conflicts = ['--env is given twice, as "a" and as "b" — give it once', "--license and --no-license contradict each other — keep one"];
  const run = startInit({ cwd: dir, flags: { answers, yes: true, conflicts } });
  const error = (await failure(run)) as { message: string; exitCode: number; details?: readonly string[] };
  expect(error.exitCode).toBe(2);
  expect(error.message).toBe("2 flags are wrong — fix them all, then run init again:");
  expect(error.details).toEqual(conflicts);
  expect(existsSync(join(dir, "jcprofile.json"))).toBe(false);
});
