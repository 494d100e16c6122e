/**
 * import of a source whose PayloadScope is not System while it holds the login window: lint calls
 * that an error (the login window reads only computer-level preferences) and build writes System,
 * so import says it mends it, as it says so of Set-Once → Forced. The exit code is unchanged.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../folders.js";
import { bothDomainsXml } from "../profiles/mcx-shapes.js";
import { runCli } from "../run-cli.js";

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-import-scope-" });

const NOTE = 'note: in.mobileconfig: PayloadScope is "User", but the login window reads only System (computer-level) preferences; jcprofile writes System\n';
const importProd = (...extra: string[]) => runCli(["import", "in.mobileconfig", "--env", "prod", "--organization", "Contoso", "--yes", ...extra], { cwd: dir });

describe("jcprofile import of a login window profile with PayloadScope User", () => {
  it("says that it writes System (was silent); exit 0 as before, and the built profile is System", async () => {
    writeFileSync(join(dir, "in.mobileconfig"), bothDomainsXml(undefined, { PayloadScope: "User" }));
    const run = await importProd();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(NOTE);
    expect(run.stderr.split("\n").filter((line) => line.includes("PayloadScope"))).toHaveLength(1);
    const build = await runCli(["build", "--out", "out"], { cwd: dir });
    expect(build.code, build.stderr).toBe(0);
    expect(readFileSync(join(dir, "out", "prod", "jamf-connect-combined.mobileconfig"), "utf8")).toContain("<key>PayloadScope</key>\n\t<string>System</string>");
  });

  it.each([["User"], [5], [["System"]]])("the note is lint's payload-scope error in its words (PayloadScope %j; a number was 'a number')", async (scope) => {
    writeFileSync(join(dir, "in.mobileconfig"), bothDomainsXml(undefined, { PayloadScope: scope }));
    const lint = await runCli(["lint", "in.mobileconfig", "--json"], { cwd: dir });
    const [finding] = (JSON.parse(lint.stdout) as { code: string; severity: string; message: string }[]).filter((found) => found.code === "payload-scope");
    expect(finding?.severity).toBe("error");
    const run = await importProd();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`note: in.mobileconfig: PayloadScope ${finding!.message}; jcprofile writes System\n`);
  });

  it("no note for System, nor for the menu bar alone (lint has nothing to say of its scope)", async () => {
    writeFileSync(join(dir, "in.mobileconfig"), bothDomainsXml());
    const system = await importProd();
    expect(system.code, system.stderr).toBe(0);
    expect(system.stderr).not.toContain("PayloadScope");
    writeFileSync(join(dir, "in.mobileconfig"), bothDomainsXml(undefined, { PayloadScope: "User" }));
    const menubar = await runCli(["import", "in.mobileconfig", "--env", "menubar", "--domain", "com.jamf.connect", "--yes"], { cwd: dir });
    expect(menubar.code, menubar.stderr).toBe(0);
    expect(menubar.stderr).not.toContain("PayloadScope");
  });
});
