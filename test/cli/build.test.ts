import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "plist";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../run-cli.js";
import { deadPid } from "../dead-pid.js";
import { copyExample, listFiles, REPO_ROOT, tempDir } from "../folders.js";

const GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/;
const PROFILES = [
  "out/prod/jamf-connect-login.mobileconfig",
  "out/prod/jamf-connect-menubar.mobileconfig",
  "out/test/jamf-connect-login.mobileconfig",
  "out/test/jamf-connect-menubar.mobileconfig",
];

type Dict = Record<string, any>;

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const read = (path: string) => readFileSync(join(dir, path), "utf8");
/** The preference dictionary inside a profile, whatever the payload style. */
function preferences(profile: Dict, domain: string): Dict {
  const payload = profile.PayloadContent[0];
  return payload.PayloadType === "com.apple.ManagedClient.preferences"
    ? payload.PayloadContent[domain].Forced[0].mcx_preference_settings
    : payload;
}

describe("jcprofile build on the shipped example", () => {
  it("writes four profiles and prints one line per file", async () => {
    copyExample(dir);
    const run = await runCli(["build", "--config", "contoso.jcprofile.json"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n").sort()).toEqual(PROFILES);
    expect(listFiles(dir).filter((file) => file.startsWith("out/"))).toEqual(PROFILES);
  });

  it("writes valid profiles with deterministic, distinct identifiers and UUIDs", async () => {
    copyExample(dir);
    await runCli(["build", "--config", "contoso.jcprofile.json"], { cwd: dir });
    const uuids = new Set<string>();
    for (const path of PROFILES) {
      const profile = parse(read(path)) as Dict;
      const [env, kind] = [path.split("/")[1], path.includes("login") ? "login" : "menubar"];
      expect(profile).toMatchObject({
        PayloadType: "Configuration",
        PayloadVersion: 1,
        PayloadScope: "System",
        TargetDeviceType: 5,
        PayloadIdentifier: `com.contoso.jamfconnect.${env}.${kind}`,
        PayloadOrganization: "Contoso Ltd",
        PayloadRemovalDisallowed: true,
      });
      const payload = profile.PayloadContent[0];
      for (const uuid of [profile.PayloadUUID, payload.PayloadUUID]) {
        expect(uuid).toMatch(GUID);
        uuids.add(uuid);
      }
      expect(payload.PayloadIdentifier).not.toBe(profile.PayloadIdentifier);
    }
    expect(uuids.size).toBe(8);
  });

  it("writes the custom ROPG scope keys only for the custom-scope environment", async () => {
    copyExample(dir);
    await runCli(["build", "--config", "contoso.jcprofile.json"], { cwd: dir });
    const scope = "api://e5a8c3f1-9b2d-4e7a-8c6f-3d1b5a9e7c20/jamfconnect+openid+email+profile";
    const prodLogin = preferences(parse(read(PROFILES[0]!)) as Dict, "com.jamf.connect.login");
    const prodMenu = preferences(parse(read(PROFILES[1]!)) as Dict, "com.jamf.connect");
    expect(prodLogin).toMatchObject({
      OIDCProvider: "Azure",
      OIDCClientID: "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37",
      OIDCROPGID: "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37",
      OIDCTenant: "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f",
      OIDCRedirectURI: "https://127.0.0.1/jamfconnect",
      ROPGScopes: scope,
      OIDCAdmin: ["Admin"],
      OIDCAdminAttribute: "roles",
      OIDCNewPassword: false,
      Migrate: true,
      DenyLocal: true,
    });
    expect(prodLogin).not.toHaveProperty("OIDCScopes");
    expect(prodMenu.IdPSettings).toEqual({
      Provider: "Azure",
      ROPGID: "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37",
      TenantID: "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f",
      ROPGScopes: scope,
      ChangePasswordURL: "https://mysignins.microsoft.com/security-info/password/change",
    });
    const testLogin = preferences(parse(read(PROFILES[2]!)) as Dict, "com.jamf.connect.login");
    const testMenu = preferences(parse(read(PROFILES[3]!)) as Dict, "com.jamf.connect");
    expect(testLogin).not.toHaveProperty("ROPGScopes");
    expect(testMenu.IdPSettings).not.toHaveProperty("ROPGScopes");
  });

  it("embeds the license as data in both profiles and uses the domain payload style where asked", async () => {
    copyExample(dir);
    await runCli(["build", "--config", "contoso.jcprofile.json"], { cwd: dir });
    const license = readFileSync(join(dir, "contoso.jamfconnectlicense"));
    for (const path of PROFILES) {
      const domain = path.includes("login") ? "com.jamf.connect.login" : "com.jamf.connect";
      const profile = parse(read(path)) as Dict;
      expect(Buffer.from(preferences(profile, domain).LicenseFile).equals(license)).toBe(true);
      const style = path.includes("/test/") ? domain : "com.apple.ManagedClient.preferences";
      expect(profile.PayloadContent[0].PayloadType).toBe(style);
    }
  });

  it("rebuilds byte for byte, and --check agrees until a file changes", async () => {
    copyExample(dir);
    await runCli(["build", "--config", "contoso.jcprofile.json"], { cwd: dir });
    const first = PROFILES.map(read);
    await runCli(["build", "--config", "contoso.jcprofile.json"], { cwd: dir });
    expect(PROFILES.map(read)).toEqual(first);

    const clean = await runCli(["build", "--config", "contoso.jcprofile.json", "--check"], { cwd: dir });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe("");

    writeFileSync(join(dir, PROFILES[0]!), first[0]!.replace("Contoso Ltd", "Contoso"));
    const dirty = await runCli(["build", "--config", "contoso.jcprofile.json", "--check"], { cwd: dir });
    expect(dirty.code).toBe(1);
    expect(dirty.stdout).toBe(`differs: ${PROFILES[0]} (first difference: PayloadContent[0].PayloadOrganization)\n`);
    expect(read(PROFILES[0]!)).toContain("<string>Contoso</string>");
  });

  it("--check reports missing and stale profiles and writes nothing", async () => {
    copyExample(dir);
    const none = await runCli(["build", "--config", "contoso.jcprofile.json", "--check"], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stdout.trim().split("\n").sort()).toEqual(PROFILES.map((path) => `missing: ${path}`));
    expect(listFiles(dir)).toEqual(["contoso.jamfconnectlicense", "contoso.jcprofile.json"]);

    await runCli(["build", "--config", "contoso.jcprofile.json"], { cwd: dir });
    const config = JSON.parse(read("contoso.jcprofile.json"));
    delete config.environments.test;
    writeFileSync(join(dir, "contoso.jcprofile.json"), JSON.stringify(config));
    const stale = await runCli(["build", "--config", "contoso.jcprofile.json", "--check"], { cwd: dir });
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain("stale: out/test/ (no environment builds it) — remove it: rm -r out/test\n");
  });

  it("builds only the environments named by --env, into --out", async () => {
    copyExample(dir);
    const run = await runCli(["build", "-c", "contoso.jcprofile.json", "--env", "prod", "--out", "dist-profiles"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("dist-profiles/prod/jamf-connect-login.mobileconfig\ndist-profiles/prod/jamf-connect-menubar.mobileconfig\n");
  });

  it.each([
    ["a folder below the working folder", "sub/dist", "sub/dist/prod/"],
    ["the working folder itself", ".", "prod/"],
    ["a folder beside it (named by its absolute path)", "../beside", "<parent>/beside/prod/"],
    ["a folder named from above the working folder", "../work/x", "x/prod/"],
  ])("names the written profiles as relative to the working folder for --out in %s", async (_what, out, shown) => {
    const work = join(dir, "work");
    mkdirSync(work);
    copyExample(work);
    const run = await runCli(["build", "-c", "contoso.jcprofile.json", "--env", "prod", "--out", out], { cwd: work });
    expect(run.code).toBe(0);
    const prefix = shown.replace("<parent>", dir);
    expect(run.stdout).toBe(`${prefix}jamf-connect-login.mobileconfig\n${prefix}jamf-connect-menubar.mobileconfig\n`);
  });

  it("reads jcprofile.json from the current folder by default and writes out/ beside it", async () => {
    copyExample(dir);
    writeFileSync(join(dir, "jcprofile.json"), read("contoso.jcprofile.json"));
    const run = await runCli(["build", "-e", "test"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("out/test/jamf-connect-login.mobileconfig\nout/test/jamf-connect-menubar.mobileconfig\n");
  });

  it("matches the golden profiles of the example", async () => {
    copyExample(dir);
    await runCli(["build", "--config", "contoso.jcprofile.json"], { cwd: dir });
    for (const path of PROFILES) {
      await expect(read(path)).toMatchFileSnapshot(join(REPO_ROOT, "test", "golden", "contoso", path.slice("out/".length)));
    }
  });
});

describe("jcprofile help and version", () => {
  it("prints the version from package.json", async () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8"));
    const run = await runCli(["--version"], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it("prints help for the program and for build", async () => {
    const top = await runCli(["--help"], { cwd: dir });
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("build");
    const build = await runCli(["build", "--help"], { cwd: dir });
    expect(build.code).toBe(0);
    expect(build.stdout).toContain("--check");
    expect(build.stdout).toContain("Exit codes");
  });

  it("rejects an unknown option with exit 2", async () => {
    const run = await runCli(["build", "--chek"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--chek'");
    expect(run.stderr).toContain("--check");
  });
});

describe("jcprofile build again", () => {
  it("leaves profiles whose bytes are already in place untouched and rewrites only the changed ones", async () => {
    copyExample(dir);
    expect((await runCli(["build", "--config", "contoso.jcprofile.json"], { cwd: dir })).code).toBe(0);
    const before = new Map(PROFILES.map((path) => [path, statSync(join(dir, path))]));
    const config = JSON.parse(read("contoso.jcprofile.json")) as Dict;
    config.environments.test.login.settings = { LoginWindowMessage: "Test Macs only" };
    writeFileSync(join(dir, "contoso.jcprofile.json"), JSON.stringify(config, null, 2));
    const run = await runCli(["build", "--config", "contoso.jcprofile.json"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // Every profile is still listed: each one now holds what the config builds.
    expect(run.stdout.trim().split("\n").sort()).toEqual(PROFILES);
    for (const path of PROFILES) {
      const after = statSync(join(dir, path));
      const untouched = after.ino === before.get(path)!.ino && after.mtimeMs === before.get(path)!.mtimeMs;
      expect({ path, untouched }).toEqual({ path, untouched: path !== "out/test/jamf-connect-login.mobileconfig" });
    }
    expect(read("out/test/jamf-connect-login.mobileconfig")).toContain("<string>Test Macs only</string>");
    expect(listFiles(dir).filter((file) => file.startsWith("out/"))).toEqual(PROFILES);
  });
});

describe("jcprofile build refuses an admin role that cannot be an app role's value", () => {
  it("a role with a space (a display name, never in the roles claim): exit 2, the config path named", async () => {
    copyExample(dir);
    const path = join(dir, "contoso.jcprofile.json");
    const config = JSON.parse(readFileSync(path, "utf8"));
    config.defaults.login.adminRoles = ["Mac Admins"];
    writeFileSync(path, JSON.stringify(config, null, 2));
    const run = await runCli(["build", "--config", "contoso.jcprofile.json"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`defaults.login.adminRoles[0]: "Mac Admins" contains a space`);
    expect(run.stderr).toContain("contains a space, which an app role's value never has");
  });
});

describe("jcprofile build lists problems in the config's order", () => {
  it("login window problems before menu bar ones", async () => {
    copyExample(dir);
    const path = join(dir, "contoso.jcprofile.json");
    const config = JSON.parse(readFileSync(path, "utf8"));
    config.environments.prod.login.settings.DenyLocal = "yes";
    config.environments.prod.menubar = { settings: { SignIn: { AutoAuthenticate: "yes" } } };
    writeFileSync(path, JSON.stringify(config, null, 2));
    const run = await runCli(["build", "--config", "contoso.jcprofile.json", "--env", "prod"], { cwd: dir });
    expect(run.code).toBe(2);
    const login = run.stderr.indexOf("login.settings.DenyLocal");
    const menubar = run.stderr.indexOf("menubar.settings.SignIn.AutoAuthenticate");
    expect(login).toBeGreaterThan(-1);
    expect(menubar).toBeGreaterThan(login);
  });
});

describe("jcprofile build after a run killed with many temp files left", () => {
  it("names the first three it removes and counts the rest, instead of a line each", async () => {
    copyExample(dir);
    expect((await runCli(["build", "--config", "contoso.jcprofile.json"], { cwd: dir })).code).toBe(0);
    const pid = deadPid();
    for (let index = 0; index < 7; index++) writeFileSync(join(dir, "out", "prod", `.jamf-connect-login.mobileconfig.jcprofile-tmp-${pid}-0000000${index}`), "half");
    const run = await runCli(["build", "--config", "contoso.jcprofile.json"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.match(/removed a temp file of an interrupted run: out\/prod\//g)).toHaveLength(3);
    expect(run.stderr).toContain("removed 4 more temp files of that run");
    expect(listFiles(join(dir, "out")).filter((path) => path.includes("jcprofile-tmp"))).toEqual([]);
  });
});
