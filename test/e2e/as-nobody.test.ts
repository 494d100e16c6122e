/**
 * The tests that run the CLI as nobody pass wherever the checkout sits. Here the checkout is a
 * copy of the package inside a private (0700) folder, as a clone inside `mktemp -d` is, with the
 * emulator's CA file in it: nobody cannot run that copy where it is, and runs it staged.
 */
import { chmodSync, copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runAsNobody, stageCli, titled, whyNobodyCannotRun } from "./as-nobody.js";
import { copyExample, EXAMPLE_CONFIG, EXAMPLE_PROFILES, listFiles, REPO_ROOT, tempDir, useTempDir } from "./cli.js";

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-private-" });

const nobodyCannot = whyNobodyCannotRun();
describe.skipIf(nobodyCannot !== undefined)(titled("a checkout inside a private (0700) folder", nobodyCannot), () => {
  it("nobody cannot run the checkout's CLI, and builds with its staged copy and CA file", async () => {
    chmodSync(dir, 0o700);
    const checkout = stageCli(REPO_ROOT, join(dir, "checkout"));
    const ca = join(checkout.root, "test", "entra", "certs", "cert.pem");
    mkdirSync(join(ca, ".."), { recursive: true });
    copyFileSync(join(REPO_ROOT, "test", "entra", "certs", "cert.pem"), ca);
    const work = tempDir("jcprofile-nobody-work-");
    const staged = tempDir("jcprofile-staged-");
    try {
      copyExample(work.dir);
      chmodSync(work.dir, 0o777);

      // Without this, the test below would prove nothing: the private folder really shuts nobody out.
      const blocked = await runAsNobody(checkout, ["--version"], { cwd: work.dir });
      expect(blocked.code).not.toBe(0);
      expect(blocked.stderr).toContain(`Cannot find module '${checkout.cli}'`);

      const run = await runAsNobody(stageCli(checkout.root, staged.dir), ["build", "--config", EXAMPLE_CONFIG], {
        cwd: work.dir,
        env: { NODE_EXTRA_CA_CERTS: ca },
      });
      expect(run.stderr).not.toContain("Ignoring extra certs");
      expect(run.code, run.stderr).toBe(0);
      expect(listFiles(work.dir)).toEqual(expect.arrayContaining(EXAMPLE_PROFILES));
    } finally {
      work.cleanup();
      staged.cleanup();
    }
  });
});
