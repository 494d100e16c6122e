/**
 * Every file lint, verify and sign read themselves (profiles, --ca, --identity, --cert, --key,
 * --chain) that is not a sane regular file: exit 2 with one line naming the file and what it is,
 * never a hang, never a stack trace. In-process; a FIFO and an unreadable file need a real process
 * that can be killed or run as another user (test/e2e/hostile-files.test.ts).
 */
import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../folders.js";
import { runCli } from "../run-cli.js";
import { PASSWORD, usePkiDir } from "../sign/pki.js";

let pkiDir: string;
usePkiDir((made) => (pkiDir = made), { prefix: "jcprofile-pki-" });

let dir: string;
useTempDir((made) => (dir = made), { example: true });

/** Each reader, with BAD standing for the hostile file. */
const readers = (pki: (name: string) => string): Record<string, string[]> => ({
  "lint FILE": ["lint", "BAD"],
  "verify FILE": ["verify", "BAD"],
  "verify --ca": ["verify", pki("signer.pem"), "--ca", "BAD"],
  "sign --identity": ["sign", "--config", "contoso.jcprofile.json", "--identity", "BAD"],
  "sign --cert": ["sign", "--config", "contoso.jcprofile.json", "--cert", "BAD", "--key", pki("signer-key.pem")],
  "sign --key": ["sign", "--config", "contoso.jcprofile.json", "--cert", pki("signer.pem"), "--key", "BAD"],
  "sign --chain": ["sign", "--config", "contoso.jcprofile.json", "--identity", pki("legacy.p12"), "--chain", "BAD"],
});

const kinds: Record<string, { make: (path: string) => string; says: RegExp }> = {
  "a folder": { make: (path) => (mkdirSync(path), path), says: /is a folder/ },
  "a symlink loop": {
    make: (path) => (symlinkSync(`${path}-b`, path), symlinkSync(path, `${path}-b`), path),
    says: /symbolic link that loops/,
  },
  "larger than 10 MB": { make: (path) => (writeFileSync(path, ""), truncateSync(path, 11 * 1024 * 1024), path), says: /11\.0 MB, more than the 10 MB/ },
  "empty": { make: (path) => (writeFileSync(path, ""), path), says: /is empty/ },
  "a device (/dev/null)": { make: () => "/dev/null", says: /is a device, not a file/ },
};

describe.each(Object.entries(kinds))("a file that is %s", (_kind, { make, says }) => {
  it.each(Object.keys(readers(() => "")))("given to %s: exit 2, one line naming it", async (reader) => {
    const bad = make(join(dir, "bad-input"));
    const args = readers((name) => join(pkiDir, name))[reader]!.map((arg) => (arg === "BAD" ? bad : arg));
    const run = await runCli(args, { cwd: dir, env: { JCPROFILE_SIGNING_PASSWORD: PASSWORD } });
    expect(run.code, run.stderr).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toContain(bad === "/dev/null" ? "/dev/null" : "bad-input");
    expect(lines[0]).toMatch(says);
    expect(run.stdout).toBe("");
  });
});

describe("a PEM file saved as UTF-16 (as some Windows tools do)", () => {
  it.each(["verify --ca", "sign --cert", "sign --key", "sign --chain"])("given to %s: exit 2 saying it is UTF-16", async (reader) => {
    const pem = readFileSync(join(pkiDir, reader === "sign --key" ? "signer-key.pem" : "signer.pem"), "utf8");
    const bad = join(dir, "utf16.pem");
    writeFileSync(bad, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pem, "utf16le")]));
    const args = readers((name) => join(pkiDir, name))[reader]!.map((arg) => (arg === "BAD" ? bad : arg));
    const run = await runCli(args, { cwd: dir, env: { JCPROFILE_SIGNING_PASSWORD: PASSWORD } });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^error: \S*utf16\.pem: is UTF-16 text — --(ca|cert|key|chain) takes PEM saved as plain ASCII\/UTF-8/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});
