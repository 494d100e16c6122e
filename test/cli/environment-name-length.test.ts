import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../run-cli.js";
import { listFiles, tempDir } from "../folders.js";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const TOO_LONG = `prod-${"x".repeat(60)}`;
const LENGTH_MESSAGE = "is 65 characters long, more than the 64 an environment name may have — shorten it (it becomes a folder and part of the profile identifier)";

function writeConfig(names: readonly string[]): void {
  const environments = Object.fromEntries(names.map((name) => [name, { tenant: TENANT, login: { clientId: CLIENT } }]));
  writeFileSync(join(dir, "jcprofile.json"), JSON.stringify({ organization: "Contoso", identifier: "com.contoso.jc", environments }, null, 2));
}

describe("an environment name of the right characters that is only too long is told so (the newcomer trial)", () => {
  it("build: one line with its length and the limit, not 'use letters, digits, - and _' which it already does; exit 2, nothing written", async () => {
    writeConfig([TOO_LONG]);
    const run = await runCli(["build"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`error: jcprofile.json: environments.${TOO_LONG}: "${TOO_LONG.slice(0, 38)}… ${LENGTH_MESSAGE}\n`);
    expect(run.stderr).not.toContain("use letters, digits");
    expect(listFiles(dir)).toEqual(["jcprofile.json"]);
  });

  it("64 characters build", async () => {
    writeConfig([TOO_LONG.slice(0, 64)]);
    expect((await runCli(["build"], { cwd: dir })).code).toBe(0);
  });

  it("a long name with other characters too keeps the characters' message", async () => {
    writeConfig([`${TOO_LONG}.x`]);
    const run = await runCli(["build"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("is not a usable environment name — use letters, digits, - and _");
  });

  it("init --env and import --env say the same", async () => {
    const init = await runCli(["init", "--env", TOO_LONG, "--tenant", TENANT, "--client-id", CLIENT, "--organization", "Contoso", "--no-license", "--no-probe", "--yes"], { cwd: dir });
    expect(init.code).toBe(2);
    expect(init.stderr).toContain(LENGTH_MESSAGE);
    expect(listFiles(dir)).toEqual([]);
    const imported = await runCli(["import", "missing.plist", "--env", TOO_LONG], { cwd: dir });
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain(`--env: "${TOO_LONG.slice(0, 38)}… ${LENGTH_MESSAGE}`);
  });
});
