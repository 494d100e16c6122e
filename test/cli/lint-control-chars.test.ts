/**
 * lint quotes the values of a profile's own keys (PayloadScope, PayloadType, a payload's
 * PayloadIdentifier) as JSON text: a binary profile can carry ESC or BEL in them, which the report
 * printed raw — an ESC sequence of the file's choosing reached the admin's terminal.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPlist } from "../../src/profile/plist-read.js";
import { REPO_ROOT, useTempDir } from "../folders.js";
import { encodeBinaryPlist, type Encodable } from "../profiles/bplist-encode.js";
import { FIXTURE_NOW } from "../profiles/fixture-set.js";
import { runCli } from "../run-cli.js";

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-lint-control-" });

/** No byte a terminal would act on: ESC, BEL, NUL. */
const CONTROL = /[\u0000\u0007\u001b]/;

describe("jcprofile lint on profile keys holding control characters", () => {
  it("shows them escaped, in the text report and in --json", async () => {
    const root = readPlist(readFileSync(join(REPO_ROOT, "test", "fixtures", "profiles", "jamf-pro-both-domains.mobileconfig"))).value as unknown as Record<string, Encodable>;
    writeFileSync(join(dir, "esc.mobileconfig"), encodeBinaryPlist({ ...root, PayloadScope: "\u001b[2JUser", PayloadType: "Configuration\u0007" }));
    const text = await runCli(["lint", "esc.mobileconfig"], { cwd: dir, now: FIXTURE_NOW });
    expect(text.code).toBe(1);
    expect(text.stdout).not.toMatch(CONTROL);
    expect(text.stdout).toContain('  error: PayloadScope: is "\\u001b[2JUser", but the login window reads only System (computer-level) preferences [payload-scope]\n');
    expect(text.stdout).toContain('  error: PayloadType: is "Configuration\\u0007", not Configuration [profile-type]\n');
    const json = await runCli(["lint", "esc.mobileconfig", "--json"], { cwd: dir, now: FIXTURE_NOW });
    const messages = (JSON.parse(json.stdout) as { code: string; message: string }[]).filter((finding) => finding.code === "payload-scope").map((finding) => finding.message);
    expect(messages).toEqual(['is "\\u001b[2JUser", but the login window reads only System (computer-level) preferences']);
  });
});
