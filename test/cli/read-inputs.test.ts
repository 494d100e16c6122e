import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../run-cli.js";
import { copyExample, tempDir } from "../folders.js";

/** lint, verify and sign read the files they are given as the config is read (src/files/read-file.ts). */
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe.skipIf(process.platform === "win32")("files named on the command line", () => {
  it("a named pipe is refused without waiting for a writer, by lint, verify and sign", async () => {
    execFileSync("mkfifo", [join(dir, "pipe.mobileconfig")]);
    const lint = await runCli(["lint", "pipe.mobileconfig"], { cwd: dir });
    expect(lint.code).toBe(2);
    expect(lint.stderr).toContain("pipe.mobileconfig: is a named pipe (FIFO), not a file");
    const verify = await runCli(["verify", "pipe.mobileconfig"], { cwd: dir });
    expect(verify.code).toBe(2);
    expect(verify.stderr).toContain("pipe.mobileconfig: is a named pipe (FIFO), not a file");
    copyExample(dir);
    const sign = await runCli(["sign", "--config", "contoso.jcprofile.json", "--identity", "pipe.mobileconfig", "--env", "prod"], { cwd: dir });
    expect(sign.code).toBe(2);
    expect(sign.stderr).toContain("pipe.mobileconfig: is a named pipe (FIFO), not a file");
  });

  it("a missing file is named as missing", async () => {
    const verify = await runCli(["verify", "nope.mobileconfig"], { cwd: dir });
    expect(verify.code).toBe(2);
    expect(verify.stderr).toContain("nope.mobileconfig: cannot be read (ENOENT) — check the path given to verify");
  });
});
