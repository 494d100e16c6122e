/**
 * The built CLI as the shell sees it: the file package.json's `bin` names, its exit codes and
 * streams, and a trust store fixed at start-up. The same behaviours are covered in-process in
 * test/cli; these few make sure the bundle and src/bin.ts carry them to a real process.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { contosoWorld, startEntraEmulator, type EntraEmulator } from "../entra/emulator.js";
import { contosoFlags, parseChecks, spawnProbeCli } from "../probe/probe-cli.js";
import { hasOpenssl, PASSWORD, writePki } from "../sign/pki.js";
import { startJamfPro } from "../jamfpro/server.js";
import { CLIENT_ENV, writeUploadConfig } from "../jamfpro/upload-cli.js";
import { CLI, cliEnv, copyExample, REPO_ROOT, spawnCli, spawnProgram, tempDir } from "./cli.js";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe("the built jcprofile", () => {
  it("is the file package.json's bin names, runnable by node", () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };
    expect(join(REPO_ROOT, pkg.bin["jcprofile"]!)).toBe(CLI);
    expect(readFileSync(CLI, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  });

  // npm's node_modules/.bin/jcprofile is a symbolic link; with --preserve-symlinks-main, Node names
  // the link (and its folder) as the main module's place, not the file it points to.
  it("runs through a symbolic link with --preserve-symlinks-main", async () => {
    copyExample(dir);
    const link = join(dir, "jcprofile");
    symlinkSync(CLI, link);
    const run = await spawnProgram(process.execPath, ["--preserve-symlinks-main", link, "build", "--config", "contoso.jcprofile.json"], { cwd: dir, env: cliEnv(["build"]) });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout.trim().split("\n")).toHaveLength(4);
  });

  it("builds the example: exit 0, the written paths on stdout, nothing on stderr", async () => {
    copyExample(dir);
    const run = await spawnCli(["build", "--config", "contoso.jcprofile.json"], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout.trim().split("\n")).toHaveLength(4);
  });

  it("prints the version, and exits 2 with one line for an unknown option", async () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    expect(await spawnCli(["--version"], { cwd: dir })).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const run = await spawnCli(["build", "--chek=x"], { cwd: dir });
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr.trim().split("\n")).toEqual(["error: unknown option '--chek=…'", "(Did you mean --check?)"]);
  });

  it("lists the catalogue whole through a pipe: keys --json is the bundle's own command file and its long stdout is flushed", async () => {
    const run = await spawnCli(["keys", "--json"], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const keys = (JSON.parse(run.stdout) as { domain: string; key: string; sources: string[] }[]).map((entry) => `${entry.domain} ${entry.key}`);
    expect(keys).toContain("com.jamf.connect TemporaryUserPermissions.UserPromotionRole[].Provider");
    expect(keys).toContain("com.jamf.connect.login OIDCProvider");
  });

  it("exits 2 without a command, showing the help", async () => {
    const run = await spawnCli([], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("Usage: jcprofile");
  });
});

describe("the built jcprofile probe", () => {
  let emu: EntraEmulator;
  beforeAll(async () => (emu = await startEntraEmulator(contosoWorld())));
  afterAll(() => emu.close());

  it("points at NODE_EXTRA_CA_CERTS when the certificate is not trusted (the trust store is fixed at start-up)", async () => {
    const run = await spawnProbeCli([...contosoFlags(emu), "--json"], { env: { NODE_EXTRA_CA_CERTS: undefined } });
    expect(run.code).toBe(3);
    expect(parseChecks(run)[0]).toMatchObject({ outcome: "network-error", hint: expect.stringContaining("NODE_EXTRA_CA_CERTS") });
  });
});

describe("the built jcprofile sign", () => {
  it("exits 2 for a wrong password and 0 when it signs; openssl cms -verify accepts the file and extracts build's bytes", async () => {
    copyExample(dir);
    writePki(dir);
    const args = ["sign", "--config", "contoso.jcprofile.json", "--env", "prod", "--identity", "legacy.p12"];
    const wrong = await spawnCli(args, { cwd: dir, env: { JCPROFILE_SIGNING_PASSWORD: "not-the-password" } });
    expect(wrong).toMatchObject({ code: 2, stdout: "" });
    expect(wrong.stderr).toMatch(/^error: .*legacy\.p12: wrong password/);
    const run = await spawnCli(args, { cwd: dir, env: { JCPROFILE_SIGNING_PASSWORD: PASSWORD } });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe("out/prod/signed/jamf-connect-login.mobileconfig\nout/prod/signed/jamf-connect-menubar.mobileconfig\n");
    if (!hasOpenssl()) return console.warn("openssl is not installed: the `openssl cms -verify` check is skipped");
    expect((await spawnCli(["build", "--config", "contoso.jcprofile.json", "--env", "prod", "--out", "built"], { cwd: dir })).code).toBe(0);
    // Only the root is trusted: the intermediate must come from the signed file itself.
    const extracted = execFileSync("openssl", [
      "cms", "-verify", "-binary", "-inform", "DER", "-in", join(dir, "out/prod/signed/jamf-connect-login.mobileconfig"), "-CAfile", join(dir, "root.pem"),
    ], { stdio: ["ignore", "pipe", "pipe"] });
    expect(extracted).toEqual(readFileSync(join(dir, "built/prod/jamf-connect-login.mobileconfig")));
  });
});

describe("the built jcprofile upload", () => {
  it("an untrusted certificate: exit 3 pointing at NODE_EXTRA_CA_CERTS, nothing stored", async () => {
    const jamf = await startJamfPro();
    try {
      const config = writeUploadConfig(dir, jamf);
      const run = await spawnCli(["upload", "--config", config, "--env", "prod"], { cwd: dir, env: { ...CLIENT_ENV, NODE_EXTRA_CA_CERTS: undefined } });
      expect(run.code).toBe(3);
      expect(run.stderr).toContain("NODE_EXTRA_CA_CERTS");
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(jamf.world.profiles).toEqual([]);
    } finally {
      await jamf.close();
    }
  });
});
