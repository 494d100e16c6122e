/**
 * `init --organization` / `--identifier` on an existing config change every environment's profiles
 * (their organization, their identifiers): all are built, so `build --check` finds none stale
 * (the newcomer trial: only the chosen environment was built, the others' profiles then differed).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../folders.js";
import { runCli } from "../run-cli.js";

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-init-top-" });

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const environment = { tenant: TENANT, login: { clientId: CLIENT } };
const CONFIG = `${JSON.stringify({ organization: "Contoso", identifier: "com.contoso.jc", environments: { prod: environment, test: environment } }, null, 2)}\n`;
const initTest = (...flags: string[]) =>
  runCli(["init", "--env", "test", "--tenant", TENANT, "--client-id", CLIENT, "--no-license", "--no-probe", "--yes", ...flags], { cwd: dir });

describe("init on an existing config with a flag that changes a top-level field", () => {
  it.each([
    ["--identifier", "com.fabrikam.jc", "com.fabrikam.jc.prod"],
    ["--organization", "Fabrikam", "<string>Fabrikam</string>"],
  ])("%s: every environment is built with it; build --check then finds nothing to do", async (flag, value, inProd) => {
    writeFileSync(join(dir, "jcprofile.json"), CONFIG);
    expect((await runCli(["build"], { cwd: dir })).code).toBe(0);
    const run = await initTest(flag, value);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("out/prod/jamf-connect-login.mobileconfig\n");
    expect(run.stdout).toContain("out/test/jamf-connect-login.mobileconfig\n");
    expect(readFileSync(join(dir, "out/prod/jamf-connect-login.mobileconfig"), "utf8")).toContain(inProd);
    const check = await runCli(["build", "--check"], { cwd: dir });
    expect(check.code, check.stdout).toBe(0);
  });

  it("without such a flag only the chosen environment is built, as before", async () => {
    writeFileSync(join(dir, "jcprofile.json"), CONFIG);
    const run = await initTest();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain("out/prod/");
    expect(run.stdout).toContain("out/test/jamf-connect-login.mobileconfig\n");
  });
});
