/**
 * verify's verdicts say what is true of each file (issue 22, item 10): a PEM-armoured signed profile
 * is signed; a truncated one cannot be read (exit 2), not "NOT a Jamf Connect profile"; a changed
 * certificate is blamed on the change, not on a missing issuer; two signers, RSA-PSS and MD5 are
 * "cannot check", not "NOT valid"; and one unreadable file does not stop the report for the others.
 */
import { execFileSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { hasOpenssl, PASSWORD, pkiTime, usePkiDir } from "../sign/pki.js";
import { runCli } from "../run-cli.js";

const LOGIN = "out/prod/signed/jamf-connect-login.mobileconfig";
const OPENSSL = hasOpenssl();

let dir: string;
usePkiDir((made) => (dir = made), { prefix: "jcprofile-verify-verdicts-", example: true });
let signed: Buffer;
beforeAll(async () => {
  const run = await runCli(["sign", "--config", "contoso.jcprofile.json", "--env", "prod", "--identity", "legacy.p12"], { cwd: dir, env: { JCPROFILE_SIGNING_PASSWORD: PASSWORD }, now: pkiTime() });
  expect(run.code, run.stderr).toBe(0);
  signed = readFileSync(join(dir, LOGIN));
  expect((await runCli(["build", "--config", "contoso.jcprofile.json", "--env", "prod"], { cwd: dir })).code).toBe(0);
});

const verify = (...args: string[]) => runCli(["verify", ...args, "--ca", "root.pem"], { cwd: dir, now: pkiTime() });
const verifyJson = async (...args: string[]) => {
  const run = await verify(...args, "--json");
  return { code: run.code, stderr: run.stderr, verdicts: JSON.parse(run.stdout) as { file: string; readable: boolean; valid: boolean; signed: boolean; signatureValid: boolean; signatureCheckable: boolean; problems: { code: string; message: string; fix: string }[] }[] };
};

describe("verify: verdicts that say what is true (issue 22, item 10)", () => {
  it("a PEM-armoured signed profile is signed and valid", async () => {
    writeFileSync(join(dir, "armoured.mobileconfig"), `-----BEGIN PKCS7-----\n${signed.toString("base64").replace(/.{64}/g, "$&\n")}\n-----END PKCS7-----\n`);
    const run = await verify("armoured.mobileconfig");
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain("armoured.mobileconfig: valid");
  });

  it("a truncated signed profile cannot be read (exit 2), and the readable file beside it is still reported", async () => {
    writeFileSync(join(dir, "truncated.mobileconfig"), signed.subarray(0, Math.floor(signed.length / 2)));
    const { code, stderr, verdicts } = await verifyJson("truncated.mobileconfig", LOGIN, "missing.mobileconfig");
    expect(stderr).toContain("error: missing.mobileconfig: cannot be read (ENOENT)");
    expect(code).toBe(2);
    expect(verdicts.map((verdict) => [verdict.file, verdict.readable, verdict.valid])).toEqual([
      ["truncated.mobileconfig", false, false],
      [LOGIN, true, true],
      ["missing.mobileconfig", false, false],
    ]);
    expect(verdicts[0]!.problems).toEqual([
      { code: "unreadable", message: expect.stringMatching(/^cannot be read: a truncated or damaged signed profile \(.+\)$/), fix: "sign it again, or copy it again in binary mode" },
    ]);
    expect(verdicts[2]!.problems).toEqual([{ code: "unreadable", message: "cannot be read (ENOENT)", fix: "check the path given to verify" }]);
    const text = await verify("truncated.mobileconfig", LOGIN);
    expect(text.stderr).toContain("error: truncated.mobileconfig: cannot be read");
    expect(text.stdout).not.toContain("NOT a Jamf Connect profile");
    expect(text.stdout).toContain(`${LOGIN}: valid`);
  });

  it("a certificate changed after it was issued is blamed on the change, not on a missing issuer", async () => {
    const signer = new X509Certificate(readFileSync(join(dir, "signer.pem")));
    const at = signed.indexOf(signer.raw);
    const name = signed.indexOf(Buffer.from("Contoso Profile Signing"), at);
    const tampered = Buffer.from(signed);
    tampered.write("K", name, "latin1");
    writeFileSync(join(dir, "tampered.mobileconfig"), tampered);
    const { code, verdicts } = await verifyJson("tampered.mobileconfig");
    expect(code).toBe(1);
    const untrusted = verdicts[0]!.problems.filter((problem) => problem.code === "untrusted");
    expect(untrusted).toEqual([{ code: "untrusted", message: expect.stringContaining("the certificate was changed after it was issued"), fix: "sign again with the real certificate" }]);
    expect(JSON.stringify(verdicts[0]!.problems)).not.toContain("neither in the file nor trusted");
  });

  it("a property list that is no profile is named as such, without lint's --domain advice (verify has no --domain)", async () => {
    writeFileSync(join(dir, "other.plist"), '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>Something</key><string>else</string></dict></plist>\n');
    const { code, stderr, verdicts } = await verifyJson("other.plist");
    expect(code).toBe(2);
    expect(verdicts[0]!.problems).toEqual([{
      code: "unreadable",
      message: "cannot be read: neither a signed profile nor a Jamf Connect profile (the content is a property list that is neither a configuration profile nor recognisably Jamf Connect preferences)",
      fix: "pass a .mobileconfig written by jcprofile sign or build",
    }]);
    expect(stderr).not.toContain("--domain");
    // lint and import take --domain, and still say so.
    const lint = await runCli(["lint", "other.plist"], { cwd: dir });
    expect(lint.stderr).toContain("neither a configuration profile nor recognisably Jamf Connect preferences — if it holds preferences, give --domain com.jamf.connect.login or --domain com.jamf.connect");
  });

  it.skipIf(!OPENSSL).each([
    ["two signers", ["-signer", "second.pem", "-inkey", "other-key.pem"], "the file has 2 signers"],
    ["RSA-PSS", ["-keyopt", "rsa_padding_mode:pss"], "it is an RSA-PSS signature"],
    ["MD5", ["-md", "md5"], "it uses the digest algorithm MD5"],
  ])("%s: cannot check, not NOT valid", async (_name, extra, why) => {
    const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
    openssl("req", "-x509", "-key", "other-key.pem", "-subj", "/CN=Second Signer", "-days", "2", "-out", "second.pem");
    openssl("cms", "-sign", "-binary", "-nodetach", "-outform", "DER", "-in", "out/prod/jamf-connect-login.mobileconfig", "-signer", "signer.pem", "-inkey", "signer-key.pem", "-certfile", "intermediate.pem", ...extra, "-out", "other.mobileconfig");
    const run = await verify("other.mobileconfig");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("signature   cannot check");
    expect(run.stdout).not.toContain("NOT valid");
    expect(run.stdout).toContain(`cannot check the signature: ${why}`);
    expect(run.stdout).toContain("content     Jamf Connect profile");
  });
});
