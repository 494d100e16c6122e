/**
 * init's review of the change shows a C1 control or a bidirectional control that a value of the
 * config holds escaped, as JSON writes it, not raw (the newcomer trial: U+009B, CSI to some
 * terminals, and U+202E reached the terminal in the diff of the environment being replaced).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../folders.js";
import { runCli } from "../run-cli.js";

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-init-review-" });

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";

describe("init's review of an environment it replaces", () => {
  it("a value with U+009B and U+202E is shown as \\u009b and \\u202e; the file keeps the characters as written", async () => {
    const message = "Hi\u009b2J\u202eevil";
    const environments = { prod: { tenant: TENANT, login: { clientId: CLIENT, settings: { LoginWindowMessage: message } } } };
    const text = `${JSON.stringify({ organization: "Org\u202eX", identifier: "com.contoso.jc", environments }, null, 2)}\n`;
    writeFileSync(join(dir, "jcprofile.json"), text);
    const run = await runCli(
      ["init", "--env", "prod", "--tenant", TENANT, "--client-id", CLIENT, "--organization", "Fabrikam", "--no-migrate", "--no-license", "--no-probe", "--yes"],
      { cwd: dir },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('- "organization": "Org\\u202eX"\n');
    expect(run.stderr).toContain('"LoginWindowMessage": "Hi\\u009b2J\\u202eevil"');
    expect(run.stderr).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
    expect(readFileSync(join(dir, "jcprofile.json"), "utf8")).toContain(JSON.stringify(message).slice(1, -1));
  });
});
