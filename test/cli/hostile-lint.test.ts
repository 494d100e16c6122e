/**
 * lint given property lists built to exhaust it: a binary plist whose objects reference the same
 * array over and over (it expands like "billion laughs"), XML nested 100 000 deep, and a CMS that
 * claims a length of 4 GB. Bounded time and memory, exit 2 with one line naming the file.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../folders.js";
import { encodeSharedArrays } from "../profiles/bplist-encode.js";
import { runCli } from "../run-cli.js";

let dir: string;
useTempDir((made) => (dir = made));

function lint(name: string, bytes: Uint8Array | string) {
  writeFileSync(join(dir, name), bytes);
  return runCli(["lint", name], { cwd: dir });
}

describe("lint given a file built to exhaust it", () => {
  it("a binary plist that references one array over and over: refused past a million values", async () => {
    const run = await lint("com.jamf.connect.login.plist", encodeSharedArrays(21));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toBe("error: com.jamf.connect.login.plist: is a binary property list that expands to more than 1,000,000 values (the same objects referenced over and over) — not a profile\n");
  });

  it("XML nested 100 000 arrays deep: refused at the nesting limit", async () => {
    const run = await lint("deep.mobileconfig", `<plist version="1.0">${"<array>".repeat(100_000)}${"</array>".repeat(100_000)}</plist>`);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^error: deep\.mobileconfig: .*nests deeper than \d+ levels\n$/);
  });

  it("a CMS whose outer length claims 4 GB: a damaged signed profile", async () => {
    const oid = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]);
    const run = await lint("absurd.mobileconfig", Buffer.concat([Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xf0]), oid, Buffer.alloc(64)]));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toBe("error: absurd.mobileconfig: is a truncated or damaged signed profile (CMS)\n");
  });
});
