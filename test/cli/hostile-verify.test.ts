/**
 * verify given signed profiles damaged where node:crypto and forge disagree or give up: an embedded
 * certificate that is not one, a key usage extension with a wrong length, a validity date that cannot
 * be read. Each is reported as a problem of that file (exit 1), never a stack trace (exit 70), and an
 * unreadable date never passes as valid. Found by mutating signed files at random.
 */
import { X509Certificate } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyExample, tempDir } from "../folders.js";
import { runCli } from "../run-cli.js";
import { PASSWORD, writePki } from "../sign/pki.js";

let dir: string;
let cleanup: () => void;
let signed: Buffer;
let signerAt: number;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  writePki(dir);
  copyExample(dir);
  const run = await runCli(["sign", "--config", "contoso.jcprofile.json", "--env", "prod", "--identity", "legacy.p12"], {
    cwd: dir,
    env: { JCPROFILE_SIGNING_PASSWORD: PASSWORD },
  });
  expect(run.code, run.stderr).toBe(0);
  signed = readFileSync(join(dir, "out/prod/signed/jamf-connect-login.mobileconfig"));
  signerAt = signed.indexOf(new X509Certificate(readFileSync(join(dir, "signer.pem"))).raw);
  expect(signerAt).toBeGreaterThan(0);
});
afterAll(() => cleanup());

/** A copy of the signed file with `change` applied, written beside it. */
function damaged(name: string, change: (bytes: Buffer) => void): string {
  const bytes = Buffer.from(signed);
  change(bytes);
  writeFileSync(join(dir, name), bytes);
  return name;
}

describe("verify a signed profile damaged inside its certificates", () => {
  it.each([
    ["an embedded certificate that is not a certificate", (bytes: Buffer) => (bytes[signerAt] = 0x31), /embedded certificate \d is damaged/],
    [
      "a key usage extension whose bit string claims more bytes than it has",
      (bytes: Buffer) => {
        const keyUsage = bytes.indexOf(Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x0f]), signerAt);
        bytes[bytes.indexOf(Buffer.from([0x03, 0x02]), keyUsage) + 1] = 0x09;
      },
      /a certificate in it is damaged \(Too few bytes/,
    ],
    [
      "a validity date with month 00",
      (bytes: Buffer) => bytes.write("00", bytes.indexOf(Buffer.from([0x17, 0x0d]), signerAt) + 4, "latin1"),
      /validity dates that cannot be read/,
    ],
  ])("%s: INVALID with the reason, exit 1, no stack", async (_name, change, reason) => {
    const file = damaged("damaged.mobileconfig", change);
    const run = await runCli(["verify", file, "--ca", "root.pem", "--json"], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at |bug in jcprofile/);
    const [verdict] = JSON.parse(run.stdout) as { valid: boolean; problems: { code: string; message: string }[] }[];
    expect(verdict!.valid).toBe(false);
    expect(verdict!.problems.map((problem) => problem.message).join("\n")).toMatch(reason);
  });
});

describe("sign with a certificate whose validity date cannot be read", () => {
  it("is exit 2 naming the file, never a stack trace", async () => {
    const der = Buffer.from(new X509Certificate(readFileSync(join(dir, "signer.pem"))).raw);
    der.write("00", der.indexOf(Buffer.from([0x17, 0x0d])) + 4, "latin1");
    const pem = `-----BEGIN CERTIFICATE-----\n${der.toString("base64").replace(/.{64}/g, "$&\n")}\n-----END CERTIFICATE-----\n`;
    writeFileSync(join(dir, "bad-date.pem"), pem);
    const run = await runCli(["sign", "--config", "contoso.jcprofile.json", "--env", "prod", "--cert", "bad-date.pem", "--key", "signer-key.pem", "--out", "bad-out"], { cwd: dir });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^error: bad-date\.pem: the certificate's validity dates cannot be read .* — export the signing identity again\n$/);
  });
});

describe("verify given a CMS built to exhaust its reader", () => {
  it("nested 100 000 deep after the signedData OID: cannot be read (exit 2), at the depth limit, no stack", async () => {
    const oid = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]);
    const deep = Buffer.concat([Buffer.from([0x30, 0x80]), oid, Buffer.alloc(200_000, 0xa0).map((byte, i) => (i % 2 === 0 ? byte : 0x80)), Buffer.alloc(200_004)]);
    writeFileSync(join(dir, "deep.mobileconfig"), deep);
    const run = await runCli(["verify", "deep.mobileconfig", "--ca", "root.pem"], { cwd: dir });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^error: deep\.mobileconfig: cannot be read: a truncated or damaged signed profile \(damaged CMS structure \(nested deeper than 32 levels at byte \d+\)\)/);
  });
});
