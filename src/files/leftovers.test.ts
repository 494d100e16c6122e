import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findLeftovers } from "./leftovers.js";
import { helperPath, parseHelperName } from "./temp-names.js";
import { deadPid } from "../../test/dead-pid.js";

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "jcprofile-leftovers-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("helper names", () => {
  it("are hidden, name their target and writer, and read back", () => {
    const path = helperPath("/out/prod/jamf-connect-login.mobileconfig", "tmp", 4242);
    expect(path).toMatch(/^\/out\/prod\/\.jamf-connect-login\.mobileconfig\.jcprofile-tmp-4242-[0-9a-f]{9,}$/);
    // One random draw per process, then a counter: every name of a run differs.
    const names = new Set(Array.from({ length: 100 }, () => helperPath("/out/prod/jamf-connect-login.mobileconfig", "tmp", 4242)));
    expect(names.size).toBe(100);
    expect(parseHelperName(path.split("/").pop()!)).toEqual({ target: "jamf-connect-login.mobileconfig", kind: "tmp", pid: 4242 });
    expect(parseHelperName("jamf-connect-login.mobileconfig.4242.tmp")).toBeUndefined();
    expect(parseHelperName(".notes.txt")).toBeUndefined();
  });
});

describe("findLeftovers", () => {
  it("finds a dead writer's temp files and kept copies two levels down, never a live writer's or a foreign file", () => {
    const gone = deadPid();
    mkdirSync(join(dir, "prod", "signed"), { recursive: true });
    const left = [
      join(dir, "prod", `.jamf-connect-login.mobileconfig.jcprofile-tmp-${gone}-0a1b2c3d`),
      join(dir, "prod", `.jamf-connect-menubar.mobileconfig.jcprofile-old-${gone}-0a1b2c3d`),
      join(dir, "prod", "signed", `.jamf-connect-login.mobileconfig.jcprofile-tmp-${gone}-0a1b2c3d`),
    ];
    const kept = [
      join(dir, "prod", `.jamf-connect-login.mobileconfig.jcprofile-tmp-${process.ppid}-0a1b2c3d`),
      join(dir, "prod", "jamf-connect-login.mobileconfig.tmp"),
      join(dir, "prod", ".DS_Store"),
    ];
    for (const path of [...left, ...kept]) writeFileSync(path, "");
    expect(findLeftovers(dir)).toEqual(left.sort());
  });
});
