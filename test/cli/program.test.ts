/**
 * The program seam itself: run(args, io) writes only to the given streams, never exits, and turns
 * every way a run can end into one exit code.
 */
import { Readable, Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run } from "../../src/cli.js";
import { withoutOptionValues } from "../../src/program.js";
import { ExitCode } from "../../src/errors.js";
import { copyExample, tempDir } from "../folders.js";
import { runCli } from "../run-cli.js";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe("run(args, io)", () => {
  it("writes help and commander's errors to the given streams", async () => {
    const help = await runCli(["build", "--help"], { cwd: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: jcprofile build");
    const wrong = await runCli(["bulid"], { cwd: dir });
    expect(wrong.code).toBe(ExitCode.usage);
    expect(wrong.stderr).toContain("unknown command 'bulid'");
    expect(wrong.stderr).toContain("build");
  });

  it("prints the help and exits 2 without a command", async () => {
    const none = await runCli([], { cwd: dir });
    expect(none.code).toBe(ExitCode.usage);
    expect(none.stdout).toContain("Usage: jcprofile");
  });

  it("reads the folder from io.cwd, not from the process", async () => {
    copyExample(dir);
    const built = await runCli(["build", "-c", "contoso.jcprofile.json", "-e", "prod"], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout.trim().split("\n")).toEqual(["out/prod/jamf-connect-login.mobileconfig", "out/prod/jamf-connect-menubar.mobileconfig"]);
  });

  it("reports a bug with its stack and exit 70 (ExitCode.bug)", async () => {
    copyExample(dir);
    let stderr = "";
    const io = {
      cwd: dir,
      env: { CI: "true", NO_COLOR: "1" },
      stdin: Readable.from([]),
      stdout: new Writable({ write: () => { throw new TypeError("stdout broke"); } }),
      stderr: new Writable({ write: (chunk, _encoding, done) => ((stderr += String(chunk)), done()) }),
      now: () => new Date(),
    };
    expect(await run(["build", "-c", "contoso.jcprofile.json"], io)).toBe(ExitCode.bug);
    expect(ExitCode.bug).toBe(70);
    expect(stderr).toContain("TypeError: stdout broke");
    expect(stderr).toContain("this is a bug in jcprofile");
  });
});

describe("withoutOptionValues", () => {
  it.each([
    ["error: unknown option '--pasword=hunter2'", "error: unknown option '--pasword=…'"],
    ["error: unknown option '--password-stdin=a=b'", "error: unknown option '--password-stdin=…'"],
    ["error: unknown option '--chek'\n(Did you mean --check?)", "error: unknown option '--chek'\n(Did you mean --check?)"],
  ])("%s", (text, shown) => {
    expect(withoutOptionValues(text)).toBe(shown);
  });
});
