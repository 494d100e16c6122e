/**
 * `jcprofile sign` and `verify` in-process (test/run-cli.ts) with a throwaway PKI, checked against
 * openssl where it is installed. The built binary's exit code and an openssl-accepted signature
 * from a real process: test/e2e/built-cli.test.ts.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { hasOpenssl, PASSWORD, usePkiDir, writeOpensslPkcs12 } from "../sign/pki.js";
import { listFiles, useTempDir } from "../folders.js";
import { runCli, type CliRun } from "../run-cli.js";

const SIGNED = [
  "out/prod/signed/jamf-connect-login.mobileconfig",
  "out/prod/signed/jamf-connect-menubar.mobileconfig",
  "out/test/signed/jamf-connect-login.mobileconfig",
  "out/test/signed/jamf-connect-menubar.mobileconfig",
];
const OPENSSL = hasOpenssl();
if (!OPENSSL) console.warn("openssl is not installed: the independent `openssl cms -verify` checks are skipped");

let pkiDir: string;
usePkiDir((made) => (pkiDir = made), { prefix: "jcprofile-pki-" });

let dir: string;
useTempDir((made) => (dir = made), { example: true });

const pki = (name: string) => join(pkiDir, name);
const withPassword = { JCPROFILE_SIGNING_PASSWORD: PASSWORD };
const sign = (args: string[], env: Record<string, string | undefined> = withPassword, input?: string) =>
  runCli(["sign", "--config", "contoso.jcprofile.json", ...args], { cwd: dir, env, ...(input !== undefined && { input }) });
const verify = (args: string[]) => runCli(["verify", ...args], { cwd: dir });
/** What `build` writes for this config, built once per test into built/ (beside sign's out/). */
const built = async (env: string, kind: string) => {
  const out = join(dir, "built");
  if (!existsSync(out)) expect((await runCli(["build", "--config", "contoso.jcprofile.json", "--out", "built"], { cwd: dir })).code).toBe(0);
  return readFileSync(join(out, env, `jamf-connect-${kind}.mobileconfig`));
};
const noPassword = (run: CliRun) => expect(`${run.stdout}${run.stderr}`).not.toContain(PASSWORD);

/** The attached content, found the way any reader would: an OCTET STRING holding exactly build's bytes. */
function expectAttached(signed: Buffer, content: Buffer) {
  const at = signed.indexOf(content);
  expect(at).toBeGreaterThan(0);
  const header = content.length < 0x10000 ? Buffer.from([0x04, 0x82, content.length >> 8, content.length & 0xff]) : Buffer.alloc(0);
  expect(signed.subarray(at - header.length, at)).toEqual(header);
}

describe("jcprofile sign", () => {
  it("signs every environment from a legacy 3DES PKCS#12; verify and openssl accept it; the content is build's bytes", async () => {
    const run = await sign(["--identity", pki("legacy.p12")]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n").sort()).toEqual(SIGNED);
    expect(listFiles(dir).filter((file) => file.startsWith("out/"))).toEqual(SIGNED);
    for (const path of SIGNED) {
      const [, env = "", , file = ""] = path.split("/");
      expectAttached(readFileSync(join(dir, path)), await built(env, file.includes("login") ? "login" : "menubar"));
    }
    const checked = await verify([...SIGNED, "--ca", pki("root.pem"), "--config", "contoso.jcprofile.json", "--json"]);
    expect(checked.code).toBe(0);
    const verdicts = JSON.parse(checked.stdout);
    expect(verdicts).toHaveLength(4);
    for (const verdict of verdicts) {
      expect(verdict).toMatchObject({ signed: true, signatureValid: true, trusted: true, timeValid: true, jamfConnect: true, valid: true, problems: [] });
      expect(verdict.signer.subject).toContain("CN=Contoso Profile Signing");
      expect(verdict.signer.issuer).toContain("CN=jcprofile Test Intermediate");
      // The PKCS#12's intermediate travels in the file without --chain.
      expect(verdict.certificatesInFile).toBe(2);
      expect(verdict.chain).toEqual([expect.stringContaining("Contoso"), expect.stringContaining("Intermediate"), expect.stringContaining("Root")]);
      expect(verdict.drift).toMatchObject({ matches: true });
    }
  });

  it.skipIf(!OPENSSL)("openssl cms -verify accepts the signature and chain and extracts build's exact bytes", async () => {
    await sign(["--identity", pki("legacy.p12"), "--env", "prod"]);
    const extracted = join(dir, "extracted.plist");
    // Only the root is trusted: the intermediate must come from the file itself.
    execFileSync("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", join(dir, SIGNED[0]!), "-CAfile", pki("root.pem"), "-out", extracted], { stdio: "pipe" });
    expect(readFileSync(extracted)).toEqual(await built("prod", "login"));
  });

  it.skipIf(!OPENSSL)("reads OpenSSL 3's default PKCS#12 (PBES2, AES-256, SHA-256 MAC) with --password-stdin", async () => {
    const p12 = writeOpensslPkcs12(pkiDir, dir);
    const info = spawnSync("openssl", ["pkcs12", "-info", "-noout", "-in", p12, "-passin", "env:P12_PASSWORD"], {
      encoding: "utf8",
      env: { ...process.env, P12_PASSWORD: PASSWORD },
    });
    // openssl -info reports the algorithms on stderr: this is the modern form, not the legacy one.
    expect(info.stderr).toMatch(/MAC: sha256/);
    expect(info.stderr).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, .*PRF hmacWithSHA256/);
    const run = await sign(["--identity", p12, "--env", "prod", "--password-stdin"], {}, `${PASSWORD}\n`);
    expect(run.code).toBe(0);
    noPassword(run);
    expect((await verify([SIGNED[0]!, "--ca", pki("root.pem")])).code).toBe(0);
  });

  it("reads an AES-256 PKCS#12 written by forge", async () => {
    const run = await sign(["--identity", pki("forge-aes.p12"), "--env", "test"]);
    expect(run.code).toBe(0);
    expect((await verify([SIGNED[2]!, "--ca", pki("root.pem")])).code).toBe(0);
  });

  it("signs with a PEM certificate, an encrypted PEM key and --chain", async () => {
    const run = await sign(["--cert", pki("signer.pem"), "--key", pki("signer-key-encrypted.pem"), "--chain", pki("intermediate.pem"), "--env", "prod"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const checked = await verify([SIGNED[0]!, "--ca", pki("root.pem"), "--json"]);
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.stdout)[0].certificatesInFile).toBe(2);
  });

  it.skipIf(!OPENSSL)("signs with an ECDSA P-256 key (openssl makes the certificate)", async () => {
    const [cert, key] = [join(dir, "ec.pem"), join(dir, "ec-key.pem")];
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key, "-out", cert,
      "-days", "90", "-subj", "/CN=EC Profile Signing", "-addext", "keyUsage=digitalSignature",
    ], { stdio: "pipe" });
    const run = await sign(["--cert", "ec.pem", "--key", "ec-key.pem", "--env", "prod"], {});
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/self-signed/);
    expect((await verify([SIGNED[0]!, "--ca", "ec.pem"])).code).toBe(0);
    execFileSync("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", join(dir, SIGNED[0]!), "-CAfile", cert, "-out", join(dir, "ec.plist")], { stdio: "pipe" });
    expect(readFileSync(join(dir, "ec.plist"))).toEqual(await built("prod", "login"));
  });

  it("without --chain a PEM signer's intermediate is missing, and verify says the chain is untrusted (exit 1)", async () => {
    await sign(["--cert", pki("signer.pem"), "--key", pki("signer-key.pem"), "--env", "prod"], {});
    const checked = await verify([SIGNED[0]!, "--ca", pki("root.pem")]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/untrusted: the issuer of .*Contoso Profile Signing/);
  });

  it.each([
    ["a wrong password", ["--identity", "legacy.p12"], { JCPROFILE_SIGNING_PASSWORD: "not-the-password" }, /legacy\.p12: wrong password/],
    ["a wrong password for an encrypted PEM key", ["--cert", "signer.pem", "--key", "signer-key-encrypted.pem"], { JCPROFILE_SIGNING_PASSWORD: "nope" }, /signer-key-encrypted\.pem: wrong password/],
    ["a key that is not the certificate's", ["--cert", "signer.pem", "--key", "other-key.pem"], {}, /other-key\.pem: this key does not belong to the certificate/],
    ["an expired certificate", ["--identity", "expired.p12"], withPassword, /expired\.p12: the certificate .*Expired Signing.* expired on/],
    ["a certificate not yet valid", ["--identity", "future.p12"], withPassword, /future\.p12: the certificate .*Future Signing.* is not valid before/],
    ["a PKCS#12 without a private key", ["--identity", "no-key.p12"], withPassword, /no-key\.p12: this PKCS#12 holds no private key/],
    ["an unreadable file", ["--identity", "missing.p12"], withPassword, /missing\.p12: cannot be read \(ENOENT\)/],
    ["a certificate that is not PEM", ["--cert", "legacy.p12", "--key", "signer-key.pem"], {}, /legacy\.p12: no PEM certificate in it/],
    ["a key that is not PEM", ["--cert", "signer.pem", "--key", "root.pem"], {}, /root\.pem: not a PEM private key/],
    ["a PKCS#12 that is not one", ["--identity", "signer.pem"], withPassword, /signer\.pem: not a PKCS#12 file/],
    ["no password and no terminal", ["--identity", "legacy.p12"], { JCPROFILE_SIGNING_PASSWORD: undefined }, /legacy\.p12 needs a password and there is no terminal/],
  ])("refuses %s: exit 2, one line naming the file, nothing written", async (_what, args, env, message) => {
    const run = await runCli(["sign", "--config", "contoso.jcprofile.json", ...args.map((arg) => (arg.startsWith("--") ? arg : pki(arg)))], { cwd: dir, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/ — /);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stdout).toBe("");
    expect(listFiles(dir).some((file) => file.startsWith("out/"))).toBe(false);
    noPassword(run);
  });

  it.each([
    ["self-signed.p12", /self-signed: Macs show these profiles as "Unverified"/],
    ["no-signature-usage.p12", /lacks the digital signature key usage/],
    ["soon.p12", /expires in (9|10) days/],
  ])("warns for %s and still signs", async (file, warning) => {
    const run = await sign(["--identity", pki(file), "--env", "prod"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`^warning: .*${warning.source}`));
    expect(listFiles(dir).filter((path) => path.startsWith("out/"))).toEqual(SIGNED.slice(0, 2));
  });

  it("never shows the password: not from stdin, not a refused --password=…", async () => {
    const refused = await sign(["--identity", pki("legacy.p12"), `--password=${PASSWORD}`], {});
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--password is refused/);
    noPassword(refused);
    const wrong = await sign(["--identity", pki("legacy.p12"), "--password-stdin"], {}, `${PASSWORD}-wrong\n`);
    expect(wrong.code).toBe(2);
    noPassword(wrong);
    const ok = await sign(["--identity", pki("legacy.p12"), "--password-stdin", "--env", "prod"], {}, `${PASSWORD}\n`);
    expect(ok.code).toBe(0);
    noPassword(ok);
    noPassword(await verify([SIGNED[0]!, "--json"]));
  });
});

describe("jcprofile verify", () => {
  beforeEach(async () => {
    expect((await sign(["--identity", pki("legacy.p12"), "--env", "prod"])).code).toBe(0);
  });

  it("prints signer, issuer, serial, validity and chain", async () => {
    const run = await verify([SIGNED[0]!, "--ca", pki("root.pem")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/: valid\n/);
    for (const label of ["signer", "issuer", "serial", "valid", "signature", "chain", "content"]) expect(run.stdout).toMatch(new RegExp(`\\n  ${label} +\\S`));
    expect(run.stdout).toContain("Jamf Connect profile com.contoso.jamfconnect.prod.login");
  });

  it("exits 1 when one content byte was changed", async () => {
    const path = join(dir, SIGNED[0]!);
    const bytes = readFileSync(path);
    const at = bytes.indexOf("Contoso Ltd");
    bytes[at] = "K".charCodeAt(0);
    writeFileSync(path, bytes);
    const run = await verify([SIGNED[0]!, "--ca", pki("root.pem"), "--json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ signatureValid: false, valid: false, problems: [{ code: "signature-invalid", message: expect.stringMatching(/changed after signing/), fix: "" }] });
  });

  it("exits 1 when the chain reaches no trusted root (Node's bundled roots)", async () => {
    const run = await verify([SIGNED[0]!]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/NOT trusted/);
  });

  it("finds drift after a config change and names the key path", async () => {
    const config = join(dir, "contoso.jcprofile.json");
    writeFileSync(config, readFileSync(config, "utf8").replace('"Contoso Ltd"', '"Contoso Inc"'));
    const run = await verify([SIGNED[0]!, "--ca", pki("root.pem"), "--config", "contoso.jcprofile.json", "--env", "prod", "--json"]);
    expect(run.code).toBe(1);
    const [verdict] = JSON.parse(run.stdout);
    expect(verdict.signatureValid).toBe(true);
    expect(verdict.drift).toMatchObject({ matches: false, environment: "prod", profile: "login" });
    expect(verdict.drift.keyPaths).toContain("PayloadOrganization");
  });

  it.skipIf(!OPENSSL)("verifies a profile openssl signed in streaming BER (indefinite lengths)", async () => {
    await runCli(["build", "--config", "contoso.jcprofile.json"], { cwd: dir });
    const signed = join(dir, "openssl-signed.mobileconfig");
    execFileSync("openssl", [
      "cms", "-sign", "-nodetach", "-binary", "-stream", "-outform", "DER", "-md", "sha256",
      "-in", join(dir, "out/prod/jamf-connect-login.mobileconfig"), "-signer", pki("signer.pem"), "-inkey", pki("signer-key.pem"),
      "-certfile", pki("intermediate.pem"), "-out", signed,
    ], { stdio: "pipe" });
    expect(readFileSync(signed).subarray(0, 2)).toEqual(Buffer.from([0x30, 0x80]));
    const run = await verify(["openssl-signed.mobileconfig", "--ca", pki("root.pem"), "--config", "contoso.jcprofile.json", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ valid: true, signatureValid: true, trusted: true, drift: { matches: true } });
  });

  it("exits 1 for an unsigned profile and 2 for a missing file", async () => {
    await runCli(["build", "--config", "contoso.jcprofile.json"], { cwd: dir });
    const unsigned = await verify(["out/prod/jamf-connect-login.mobileconfig", "--json"]);
    expect(unsigned.code).toBe(1);
    expect(JSON.parse(unsigned.stdout)[0]).toMatchObject({ signed: false, jamfConnect: true, problems: [{ code: "unsigned", message: "not signed", fix: "" }] });
    const missing = await verify(["nothing-here.mobileconfig"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: nothing-here\.mobileconfig: cannot be read \(ENOENT\)/);
  });
});
