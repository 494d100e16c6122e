/**
 * `build --check`'s advice names the build that was checked: with its --config, --out and --env,
 * so running it builds what was compared (the newcomer trial: "run \"jcprofile build\"" after
 * `build --check --config k.json --out dist` would build ./jcprofile.json into out/).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../folders.js";
import { runCli } from "../run-cli.js";

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-check-advice-" });

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const environment = { tenant: TENANT, login: { clientId: CLIENT } };

function writeConfig(name: string): void {
  mkdirSync(join(dir, "my configs"), { recursive: true });
  writeFileSync(join(dir, "my configs", name), JSON.stringify({ organization: "Contoso", identifier: "com.contoso.jc", environments: { prod: environment, test: environment } }));
}

describe("build --check's advice carries the flags of the check", () => {
  it("--config and --out (quoted when they need it) and each --env, in the build it advises; the run it advises then finds nothing", async () => {
    writeConfig("k.json");
    const flags = ["--config", "my configs/k.json", "--out", "dist", "--env", "test"];
    const run = await runCli(["build", "--check", ...flags], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`2 of the built profiles differ — run "jcprofile build --config 'my configs/k.json' --out dist --env test" and commit the result\n`);
    expect((await runCli(["build", ...flags], { cwd: dir })).code).toBe(0);
    expect((await runCli(["build", "--check", ...flags], { cwd: dir })).code).toBe(0);
  });

  it("stale profiles: the --prune it advises names --config and --out too", async () => {
    writeConfig("k.json");
    const flags = ["--config", "my configs/k.json", "--out", "dist"];
    expect((await runCli(["build", ...flags], { cwd: dir })).code).toBe(0);
    mkdirSync(join(dir, "dist", "old"));
    writeFileSync(join(dir, "dist", "old", "jamf-connect-login.mobileconfig"), "<plist/>");
    const run = await runCli(["build", "--check", ...flags], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`stale profiles: remove them with the commands above, or run "jcprofile build --config 'my configs/k.json' --out dist --prune"\n`);
  });

  it("without flags the advice is as before", async () => {
    writeFileSync(join(dir, "jcprofile.json"), JSON.stringify({ organization: "Contoso", identifier: "com.contoso.jc", environments: { prod: environment } }));
    const run = await runCli(["build", "--check"], { cwd: dir });
    expect(run.stderr).toBe('2 of the built profiles differ — run "jcprofile build" and commit the result\n');
  });
});
