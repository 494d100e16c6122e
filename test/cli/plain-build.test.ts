/**
 * A plain `jcprofile build …` goes straight to build (src/cli.ts), without commander: the same
 * flags, so the same lines, files and exit code as commander's parse gives; anything else is
 * left to commander.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { plainBuildFlags } from "../../src/cli.js";
import { isUserError } from "../../src/errors.js";
import type { CommandIo } from "../../src/io.js";
import { createOutput } from "../../src/output.js";
import { runProgram } from "../../src/program.js";
import { copyExample, listFiles, tempDir } from "../folders.js";
import { runCli } from "../run-cli.js";

describe("plainBuildFlags", () => {
  it.each([
    [["build"], { config: "jcprofile.json" }],
    [["build", "-c", "a.json", "--config", "a.json"], { config: "a.json" }],
    [["build", "-e", "prod", "--env", "test", "-e", ""], { config: "jcprofile.json", env: ["prod", "test", ""] }],
    [["build", "-o", "", "--out", ""], { config: "jcprofile.json", out: "" }],
    [["build", "--check", "--prune", "--check"], { config: "jcprofile.json", check: true, prune: true }],
  ])("%j → %j", (args, flags) => {
    expect(plainBuildFlags(args)).toEqual(flags);
  });

  it.each([
    [[]],
    [["probe"]],
    [["--version"]],
    [["build", "--help"]],
    [["build", "-h"]],
    [["build", "--config=a.json"]],
    [["build", "-ca.json"]],
    [["build", "-c"]],
    [["build", "-c", "-x"]],
    [["build", "--out", "-"]],
    [["build", "--chek"]],
    [["build", "prod"]],
    [["build", "--", "--check"]],
    [["build", "--no-check"]],
    [["build", "-c", "a.json", "--config", "b.json"]],
    [["build", "-o", "dist", "--out", ""]],
    [["build", "__proto__", "x"]],
    [["build", "toString", "x"]],
  ])("%j is left to commander", (args) => {
    expect(plainBuildFlags(args)).toBeUndefined();
  });
});

/** Runs `args` through commander's parse (src/program.ts), a user error shown as src/cli.ts shows it. */
async function throughCommander(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { text: "" };
  const err = { text: "" };
  const sink = (into: { text: string }) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        into.text += chunk.toString();
        done();
      },
    });
  const io: CommandIo = { cwd, env: { CI: "true", NO_COLOR: "1" }, stdin: Readable.from([]), stdout: sink(out), stderr: sink(err), now: () => new Date() };
  const output = createOutput(io);
  try {
    const code = await runProgram(args, io, output);
    return { code, stdout: out.text, stderr: err.text };
  } catch (error) {
    if (!isUserError(error)) throw error;
    output.error(error.message);
    for (const line of error.details) output.detail(line);
    for (const warning of error.warnings) output.warn(warning);
    return { code: error.exitCode, stdout: out.text, stderr: err.text };
  }
}

describe("a plain build, without commander", () => {
  it.each([
    [["build", "-c", "contoso.jcprofile.json", "-e", "prod"]],
    [["build", "--config", "contoso.jcprofile.json", "--out", "elsewhere", "--env", "test", "--env", "prod"]],
    [["build", "-c", "contoso.jcprofile.json", "--prune"]],
    [["build", "-c", "contoso.jcprofile.json", "--check"]],
    [["build", "-c", "contoso.jcprofile.json", "-e", "prod", "--prune"]],
    [["build", "-c", "contoso.jcprofile.json", "--check", "--prune"]],
    [["build", "-c", "contoso.jcprofile.json", "-e", "nope"]],
    [["build", "-c", "contoso.jcprofile.json", "-o", ""]],
    [["build", "-c", "missing.json"]],
    [["build"]],
  ])("%j: the same lines, exit code and files as through commander", async (args) => {
    const fast = tempDir();
    const slow = tempDir();
    try {
      copyExample(fast.dir);
      copyExample(slow.dir);
      expect(plainBuildFlags(args)).toBeDefined();
      const direct = await runCli(args, { cwd: fast.dir });
      const parsed = await throughCommander(args, slow.dir);
      expect(direct).toEqual(parsed);
      const files = (dir: string) => Object.fromEntries(listFiles(dir).map((path) => [path, readFileSync(join(dir, path), "utf8")]));
      expect(files(fast.dir)).toEqual(files(slow.dir));
    } finally {
      fast.cleanup();
      slow.cleanup();
    }
  });
});
