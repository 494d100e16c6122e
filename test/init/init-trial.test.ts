/**
 * Issue 19, item 4: what the newcomer trial of `init` found — the real wizard, checks faked.
 */
import { screen } from "@inquirer/testing/vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "../folders.js";
import { CLIENT, GUID, fakeChecks, failure, startInit } from "./harness.js";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir("jcprofile-trial-")));
afterEach(() => cleanup());

const read = () => JSON.parse(readFileSync(join(dir, "jcprofile.json"), "utf8")) as Record<string, any>;
const base = { env: "prod", tenant: GUID, organization: "Contoso Ltd", license: false } as const;

describe("a tenant ID given as a client ID", () => {
  it("is refused as a flag before any request, in lint's words", async () => {
    const { checks, calls } = fakeChecks();
    const run = startInit({ cwd: dir, checks, flags: { answers: { ...base, cloud: "public", clientId: GUID }, yes: true } });
    const error = await failure(run);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(`--client-id: "${GUID}" is the tenant ID (as in the tenant answer), not an app's client ID — use the Application (client) ID from the app registration's Overview page`);
    expect(calls.filter((call) => call.kind === "app")).toEqual([]);
  });

  it("is refused at the prompt, and the right ID is then checked", async () => {
    const { checks, calls } = fakeChecks();
    const run = startInit({ cwd: dir, checks, flags: { answers: { ...base, cloud: "public" }, yes: true } });
    await run.answer("Login app's Application (client) ID", GUID);
    expect(await run.until("is the tenant ID")).toContain("is the tenant ID (as in the tenant answer), not an app's client ID");
    screen.keypress({ name: "u", ctrl: true });
    screen.type(CLIENT);
    screen.keypress("enter");
    await run.done;
    expect(calls.filter((call) => call.kind === "app").map((call) => call.request["clientId"])).toEqual([CLIENT]);
  });
});

describe("admin role values", () => {
  it("refuses a value with a space (a display name, never a role's value) with the reason", async () => {
    const run = startInit({ cwd: dir, flags: { answers: { ...base, cloud: "public", clientId: CLIENT, adminRoles: ["Mac Admins"] }, yes: true } });
    const error = await failure(run);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(`--admin-role: "Mac Admins" contains a space, which an app role's value never has`);
    expect(error.message).toContain("not its display name");
  });
});

describe("--authority-host", () => {
  it("does not ask the cloud, and the recap shows the host", async () => {
    const { checks, calls } = fakeChecks();
    const run = startInit({ cwd: dir, checks, flags: { answers: { ...base, clientId: CLIENT }, authorityHost: "https://login.example.test" } });
    await run.acceptUntil("Write jcprofile.json?");
    screen.keypress("enter");
    await run.answer("Try the sign-in now?"); // no (the default)
    await run.done;
    const asked = run.said.join("\n");
    expect(asked).not.toContain("Where the tenant lives"); // the cloud question's help line
    expect(calls[0]!.request["authorityHost"]).toBe("https://login.example.test");
    expect(run.said).toContain("  environment   prod (authority host https://login.example.test)");
    expect(read().environments.prod.authorityHost).toBe("https://login.example.test");
  });
});

describe("a password check that fails for the user", () => {
  const blocked = { verdict: "fail", cause: "blocked by Conditional Access (AADSTS53003)", hint: "policy", outcome: "blocked-by-conditional-access", aadsts: 53003 } as const;

  it("offers another test user, who is then checked with their own password", async () => {
    const { checks, calls } = fakeChecks({ password: [blocked, { verdict: "pass", hint: "tokens issued" }] });
    const run = startInit({ cwd: dir, checks, flags: { answers: { ...base, cloud: "public", clientId: CLIENT }, testUser: "adele@contoso.com", yes: true } });
    await run.answer("Password for adele@contoso.com", "first-pw");
    const menu = await run.until("The password check did not pass. What now?");
    expect(menu).toContain("❯ Try another test user");
    screen.keypress("enter");
    await run.answer("Test user (user principal name)", "megan@contoso.com");
    await run.answer("Password for megan@contoso.com", "second-pw");
    const result = await run.done;
    expect(result.failedChecks).toEqual([]);
    expect(calls.filter((call) => call.kind === "password").map((call) => [call.request["username"], call.password])).toEqual([
      ["adele@contoso.com", "first-pw"], ["megan@contoso.com", "second-pw"],
    ]);
    expect(run.said.join("\n")).toContain("password of megan@contoso.com");
  });
});

describe("the end of a run at a terminal", () => {
  it("offers to try the sign-in (jcprofile signin), and lists it among the next steps", async () => {
    const { checks } = fakeChecks();
    const run = startInit({ cwd: dir, checks, flags: { answers: { ...base, cloud: "public", clientId: CLIENT } } });
    await run.acceptUntil("Write jcprofile.json?");
    screen.keypress("enter");
    await run.answer("Try the sign-in now?", "y");
    const result = await run.done;
    expect(result.trySignIn).toBe(true);
    expect(run.said.join("\n")).toMatch(/jcprofile signin --env prod\s+try the login window's sign-in in a browser/);
  });

  it("does not ask with --yes", async () => {
    const run = startInit({ cwd: dir, checks: fakeChecks().checks, flags: { answers: { ...base, cloud: "public", clientId: CLIENT }, yes: true } });
    expect((await run.done).trySignIn).toBe(false);
  });
});

describe("DenyLocal and the break-glass account", () => {
  it("writes DenyLocalExcluded from its flag, without a warning", async () => {
    const run = startInit({ cwd: dir, flags: { answers: { ...base, cloud: "public", clientId: CLIENT, denyLocalExcluded: ["ladmin"] }, yes: true } });
    await run.done;
    expect(read().environments.prod.login.settings).toMatchObject({ DenyLocal: true, DenyLocalExcluded: ["ladmin"] });
    expect(run.said.join("\n")).not.toContain("DenyLocalExcluded lists no account");
  });

  it("says so when the default DenyLocal leaves no local account able to sign in", async () => {
    const run = startInit({ cwd: dir, flags: { answers: { ...base, cloud: "public", clientId: CLIENT }, yes: true } });
    await run.done;
    expect(run.said).toContain(
      "warning: DenyLocal is on and DenyLocalExcluded lists no account: no local account, not even a local admin, can sign in at the login window " +
        "without Entra — list a break-glass account (--deny-local-excluded ladmin), or turn DenyLocal off (--no-deny-local)",
    );
  });

  it("refuses --deny-local-excluded without DenyLocal", async () => {
    const run = startInit({ cwd: dir, flags: { answers: { ...base, cloud: "public", clientId: CLIENT, denyLocal: false, denyLocalExcluded: ["ladmin"] }, yes: true } });
    expect(await failure(run)).toMatchObject({ exitCode: 2, message: "--deny-local-excluded needs --deny-local (DenyLocalExcluded lists exceptions to it)" });
  });
});

describe("the wizard's text at a narrow terminal", () => {
  it("wraps explanations at word boundaries to the terminal's width", async () => {
    const run = startInit({ cwd: dir, width: 60, flags: { answers: { ...base, cloud: "public", clientId: CLIENT, denyLocal: true } } });
    await run.acceptUntil("(DenyLocalExcluded; empty for none)");
    const help = "With DenyLocal on, only these local accounts can use the login window without Entra: list a break-glass admin (e.g. ladmin) so an outage does not lock everyone out.";
    const start = run.said.findIndex((line) => line.startsWith("  With DenyLocal on"));
    const lines = run.said.slice(start, start + 3);
    expect(lines.length).toBe(3);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(60);
      expect(line).toMatch(/^ {2}\S/);
    }
    expect(lines.map((line) => line.trim()).join(" ")).toBe(help);
    screen.keypress("enter");
    await run.acceptUntil("Write jcprofile.json?");
    screen.keypress("enter");
    await run.done;
  });
});
