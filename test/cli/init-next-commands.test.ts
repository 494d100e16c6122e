/**
 * init's "Next:" commands are pasted into a shell: a --config path with a space or a quote is
 * quoted as one word (the newcomer trial: `jcprofile build --config my dir/it's.json` was printed).
 */
import { describe, expect, it } from "vitest";
import { useTempDir } from "../folders.js";
import { runCli } from "../run-cli.js";

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-init-next-" });

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const init = (config: string) =>
  runCli(["init", "--config", config, "--tenant", TENANT, "--client-id", CLIENT, "--organization", "Contoso", "--no-license", "--no-probe", "--yes"], { cwd: dir });

describe("init's next commands with --config", () => {
  it("a path with a space and a quote is one shell word in each command", async () => {
    const run = await init("my dir/it's.json");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("  jcprofile probe --config 'my dir/it'\\''s.json' --env prod -u <test user>");
    expect(run.stderr).toContain("  jcprofile signin --config 'my dir/it'\\''s.json' --env prod ");
    expect(run.stderr).toContain("  jcprofile build --config 'my dir/it'\\''s.json' ");
  });

  it("a plain path is shown as typed", async () => {
    const run = await init("configs/jc.json");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("  jcprofile build --config configs/jc.json ");
  });
});
