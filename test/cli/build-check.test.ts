import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../run-cli.js";
import { useTempDir } from "../folders.js";

/** build --check's `differs:` line names the first key path that differs (issue 9, item 10). */
const LOGIN = "out/prod/jamf-connect-login.mobileconfig";
const MENUBAR = "out/prod/jamf-connect-menubar.mobileconfig";
const CONFIG = "contoso.jcprofile.json";

let dir: string;
useTempDir((made) => (dir = made), { example: true });

const check = () => runCli(["build", "--config", CONFIG, "--env", "prod", "--check"], { cwd: dir });
const build = () => runCli(["build", "--config", CONFIG, "--env", "prod"], { cwd: dir });
const editConfig = (edit: (config: any) => void) => {
  const config = JSON.parse(readFileSync(join(dir, CONFIG), "utf8"));
  edit(config);
  writeFileSync(join(dir, CONFIG), JSON.stringify(config, null, 2));
};

describe("build --check: differs lines", () => {
  it("names the setting a config change touched, under its preference domain", async () => {
    await build();
    editConfig((config) => (config.defaults.login.settings.HelpURL = "https://help.contoso.com/mac"));
    const run = await check();
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`differs: ${LOGIN} (first difference: com.jamf.connect.login.HelpURL)\n`);
  });

  it("names a nested menu bar setting of a domain-style payload, and the first of several in key order", async () => {
    editConfig((config) => (config.environments.prod.profile = { payloadStyle: "domain" }));
    await build();
    editConfig((config) => {
      config.defaults.menubar.settings.SignIn.RequireSignIn = false;
      config.defaults.menubar.settings.SignIn.AutoAuthenticate = false;
    });
    const run = await check();
    expect(run.stdout).toBe(`differs: ${MENUBAR} (first difference: com.jamf.connect.SignIn.AutoAuthenticate)\n`);
  });

  it("tells a reformatted file with the same settings, a damaged file and a folder apart", async () => {
    await build();
    const text = readFileSync(join(dir, LOGIN), "utf8");
    writeFileSync(join(dir, LOGIN), text.replaceAll("\t", "  "));
    writeFileSync(join(dir, MENUBAR), "not a plist");
    expect((await check()).stdout).toBe(
      `differs: ${LOGIN} (same settings, other formatting)\n` + `differs: ${MENUBAR} (not a readable profile: it is text, not a property list)\n`,
    );
    rmSync(join(dir, MENUBAR));
    mkdirSync(join(dir, MENUBAR));
    expect((await check()).stdout).toContain(`differs: ${MENUBAR} (a folder stands where the profile goes)\n`);
  });
});

describe("build --check: what the summary says (issue 22)", () => {
  it("item 9: a profile saved as a binary plist with the same settings is read as one, not called damaged", async () => {
    await build();
    const { readPlist } = await import("../../src/profile/plist-read.js");
    const { encodeBinaryPlist } = await import("../profiles/bplist-encode.js");
    const xml = readFileSync(join(dir, LOGIN));
    writeFileSync(join(dir, LOGIN), encodeBinaryPlist(readPlist(xml).value as never));
    const run = await check();
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`differs: ${LOGIN} (same settings, other formatting)\n`);
  });

  it("only stale files: no line says the built profiles differ or that temp files are left", async () => {
    expect((await runCli(["build", "--config", CONFIG], { cwd: dir })).code).toBe(0);
    mkdirSync(join(dir, "out", "gone"), { recursive: true });
    writeFileSync(join(dir, "out", "gone", "jamf-connect-login.mobileconfig"), "old");
    const run = await runCli(["build", "--config", CONFIG, "--check"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("stale: out/gone");
    expect(run.stderr).not.toContain("differ");
    expect(run.stderr).not.toContain("temp files");
    expect(run.stderr).toContain("stale profiles");
  });
});
