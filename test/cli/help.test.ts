import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../run-cli.js";
import { tempDir } from "../folders.js";

/** Help texts state each default once and as the admin types it (issue 9.12). */
const COMMANDS = ["build", "probe", "init", "lint", "sign", "verify", "upload", "keys"];

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Each option of a help text with its description on one line (commander wraps at 80 columns). */
function optionsOf(help: string): string[] {
  const block = help.split(/\nOptions:\n/)[1]?.split(/\n\n/)[0] ?? "";
  return block.split(/\n(?= {2}-)/).map((option) => option.replace(/\s+/g, " ").trim());
}

describe("--help", () => {
  it.each(COMMANDS)("%s: every option names its default at most once, never as a quoted number or an empty list", async (command) => {
    const run = await runCli([command, "--help"], { cwd: dir });
    expect(run.code).toBe(0);
    const options = optionsOf(run.stdout);
    expect(options.length).toBeGreaterThan(1);
    for (const option of options) {
      expect(option.match(/\bdefault\b/g)?.length ?? 0, option).toBeLessThanOrEqual(1);
      expect(option, option).not.toMatch(/\(default: "\d+"\)|\(default: \[\]\)/);
    }
  });

  it("shows --timeout's default as a number of seconds, per command", async () => {
    const timeoutOf = async (command: string) => optionsOf((await runCli([command, "--help"], { cwd: dir })).stdout).find((option) => option.startsWith("--timeout"));
    expect(await timeoutOf("probe")).toBe("--timeout <seconds> seconds to wait for each answer (default 15)");
    expect(await timeoutOf("upload")).toBe("--timeout <seconds> seconds to wait for each answer, and for all waits a busy server asks for together (default 30)");
    expect(await timeoutOf("init")).toBe("--timeout <seconds> seconds to wait for each live check's answer (default 15)");
  });
});
