/**
 * A profile with an unbounded number of keys goes through import and lint (issue 22, item 5). The
 * trial's profile had 130,000 keys; the built CLI runs here with a tenth of Node's stack, so 16,000
 * keys exhaust it the same way a spread of 130,000 does by default, in a few seconds instead of a
 * minute. The key names are longer than any catalogue key, so no typo search runs per key.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { foreignXml } from "../profiles/fixture-set.js";
import { CLI, cliEnv, spawnProgram, useTempDir } from "./cli.js";

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const KEYS = 16_000;

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-huge-" });

const run = (args: readonly string[]) => spawnProgram(process.execPath, ["--stack-size=100", CLI, ...args], { cwd: dir, env: cliEnv(args), timeoutMs: 60_000 });

function writeHugeProfile(): void {
  const login: Record<string, string> = { OIDCProvider: "Azure", OIDCTenant: TENANT, OIDCClientID: CLIENT, OIDCROPGID: CLIENT, OIDCRedirectURI: "https://127.0.0.1/jamfconnect" };
  for (let i = 0; i < KEYS; i++) login[`SettingOfALaterJamfConnectVersionNumber${i}`] = "x";
  writeFileSync(join(dir, "huge.plist"), foreignXml(login));
}

describe("a profile with an unbounded number of keys (issue 22, item 5)", () => {
  it("import over an existing environment shows the diff and writes every key; lint reports every one", async () => {
    writeHugeProfile();
    writeFileSync(join(dir, "jcprofile.json"), `${JSON.stringify({ organization: "Contoso", identifier: "com.contoso.jc", environments: { prod: { tenant: TENANT, login: { clientId: CLIENT } } } }, null, 2)}\n`);
    const imported = await run(["import", "huge.plist", "--domain", "login", "--env", "prod", "--yes"]);
    expect(imported.stderr).not.toContain("call stack");
    expect(imported.code, imported.stderr.slice(-2000)).toBe(0);
    expect(readFileSync(join(dir, "jcprofile.json"), "utf8")).toContain(`"SettingOfALaterJamfConnectVersionNumber${KEYS - 1}": "x"`);
    const linted = await run(["lint", "--json", "huge.plist"]);
    expect(linted.stderr).not.toContain("call stack");
    expect(linted.code, linted.stderr.slice(-2000)).toBe(0);
    expect(JSON.parse(linted.stdout)).toHaveLength(KEYS);
  }, 90_000);
});
