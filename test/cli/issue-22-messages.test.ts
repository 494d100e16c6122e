/**
 * The small messages of issue 22 (the upload ones aside): each says what happened, names the file or
 * flag and the fix, and none is silent. Item numbers are the "Messages" list, in its order;
 * the build --check summary and the kept copy a config edit cannot remove have their own files
 * (build-check.test.ts, config-leftover.test.ts).
 */
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyExample, useTempDir } from "../folders.js";
import { encodeBinaryPlist } from "../profiles/bplist-encode.js";
import { foreignXml } from "../profiles/fixture-set.js";
import { runCli } from "../run-cli.js";
import { pkcs12, pkiTime, usePkiDir, writePki, type Made } from "../sign/pki.js";

const forge = createRequire(import.meta.url)("node-forge") as typeof import("node-forge");
const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const CONFIG = "contoso.jcprofile.json";

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-messages-" });
const cli = (args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}) => runCli(args, { cwd: dir, ...options });
const write = (name: string, bytes: string | Uint8Array) => writeFileSync(join(dir, name), bytes);
/** No byte a terminal would act on: ESC, BEL, NUL. */
const CONTROL = /[\u0000\u0007\u001b]/;

describe("import", () => {
  it("a key name with ESC and BEL bytes is never printed raw (the kept-unknown-key line included)", async () => {
    write("in.plist", encodeBinaryPlist({ OIDCProvider: "Azure", OIDCTenant: TENANT, OIDCClientID: CLIENT, "Evil\u001b[2J\u0007Key": "x" }));
    const run = await cli(["import", "in.plist", "--domain", "login", "--env", "prod", "--organization", "Contoso"]);
    expect(run.stderr).toContain("kept 1 key unknown to jcprofile's catalogue");
    expect(run.stderr + run.stdout).not.toMatch(CONTROL);
    expect(run.stderr).toContain('login.settings["Evil\\u001b[2J\\u0007Key"]');
  });

  it("a read-only config (0444) is not replaced: exit 2, the mode and the fix named, nothing written", async () => {
    const text = `${JSON.stringify({ organization: "Contoso", identifier: "com.contoso.jc", environments: { test: { tenant: TENANT, login: { clientId: CLIENT } } } }, null, 2)}\n`;
    write("jcprofile.json", text);
    chmodSync(join(dir, "jcprofile.json"), 0o444);
    write("in.plist", foreignXml({ OIDCProvider: "Azure", OIDCTenant: TENANT, OIDCClientID: CLIENT }));
    const run = await cli(["import", "in.plist", "--domain", "login", "--env", "prod"]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain("jcprofile.json: is read-only (mode 0444) — nothing was written; make it writable (chmod u+w jcprofile.json)");
    expect(readFileSync(join(dir, "jcprofile.json"), "utf8")).toBe(text);
  });
});

describe("sign", () => {
  let pkiDir: string;
  usePkiDir((made) => (pkiDir = made), { prefix: "jcprofile-messages-pki-" });
  let pki: { root: Made; intermediate: Made; signer: Made };
  beforeAll(() => void (pki = writePki(pkiDir)));
  const sign = (args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}) =>
    runCli(["sign", "--config", CONFIG, "--env", "prod", ...args], { cwd: dir, now: pkiTime(), ...options });

  it("a PKCS#12 with two identities says which one signs", async () => {
    copyExample(dir);
    write("two.p12", twoIdentities(pki.signer, pki.intermediate));
    const run = await sign(["--identity", "two.p12"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("two.p12: holds 2 identities (CN=Contoso Profile Signing, O=jcprofile tests; CN=jcprofile Test Intermediate, O=jcprofile tests) — signing with the first");
  });

  it("--chain with a certificate that issues nothing on the signer's way up is warned about", async () => {
    copyExample(dir);
    write("signer.pem", pki.signer.certPem);
    write("signer-key.pem", pki.signer.keyPem);
    write("related.pem", pki.intermediate.certPem + pki.root.certPem);
    write("wrong.pem", makeUnrelated());
    const run = await sign(["--cert", "signer.pem", "--key", "signer-key.pem", "--chain", "wrong.pem"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("wrong.pem: CN=Unrelated CA issues neither the signing certificate");
    const related = await sign(["--cert", "signer.pem", "--key", "signer-key.pem", "--chain", "related.pem"]);
    expect(related.stderr).not.toContain("issues neither");
  });

  it("a PKCS#12 without a password signs without a terminal, asking for none", async () => {
    copyExample(dir);
    write("open.p12", pkcs12(pki.signer, [pki.signer, pki.intermediate], "", "3des", 16));
    const run = await sign(["--identity", "open.p12"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain("needs a password");
  });

  it("an empty --password-stdin says no password was read, not that it was wrong", async () => {
    copyExample(dir);
    write("locked.p12", pkcs12(pki.signer, [pki.signer], "a-real-password", "3des", 16));
    const run = await sign(["--identity", "locked.p12", "--password-stdin"], { input: "" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("locked.p12 needs a password, but --password-stdin read none (standard input was empty)");
    expect(run.stderr).not.toContain("wrong password");
  });

  function makeUnrelated(): string {
    const cert = forge.pki.createCertificate();
    cert.publicKey = forge.pki.setRsaPublicKey(pki.root.key.n, pki.root.key.e);
    cert.serialNumber = "7777";
    cert.validity.notBefore = new Date(pkiTime().getTime() - 86_400_000);
    cert.validity.notAfter = new Date(pkiTime().getTime() + 86_400_000);
    cert.setSubject([{ name: "commonName", value: "Unrelated CA" }]);
    cert.setIssuer([{ name: "commonName", value: "Unrelated CA" }]);
    cert.sign(pki.root.key, forge.md.sha256.create());
    return forge.pki.certificateToPem(cert);
  }
});

describe("build, lint, probe and init flags", () => {
  it("--out '' is refused, not taken as out/", async () => {
    copyExample(dir);
    const run = await cli(["build", "--config", CONFIG, "--out", ""]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--out: is empty — give the output folder");
  });

  it("a NUL in PayloadOrganization is an error in lint", async () => {
    const payload = { PayloadType: "com.jamf.connect.login", PayloadIdentifier: "com.contoso.jc.login", PayloadUUID: "1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E10", PayloadVersion: 1, OIDCProvider: "Azure", OIDCTenant: TENANT, OIDCClientID: CLIENT, OIDCROPGID: CLIENT };
    write("nul.mobileconfig", encodeBinaryPlist({ PayloadContent: [payload], PayloadDisplayName: "Jamf Connect", PayloadIdentifier: "com.contoso.jc", PayloadOrganization: "Contoso\u0000Ltd", PayloadScope: "System", PayloadType: "Configuration", PayloadUUID: "1F0C5A6E-2B4D-4E8A-9C3F-7A1B2C3D4E00", PayloadVersion: 1 }));
    const run = await cli(["lint", "nul.mobileconfig"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("PayloadOrganization: contains a control character (U+0000)");
  });

  it("--timeout 0x10 is refused", async () => {
    // A local authority host: even a timeout read wrongly would never reach the internet.
    const run = await cli(["probe", "--tenant", TENANT, "--client-id", CLIENT, "--authority-host", "https://127.0.0.1:9", "--timeout", "0x10"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--timeout "0x10" is not a number of seconds');
  });

  it("init with two bad flags reports both", async () => {
    const run = await cli(["init", "--env", "prod", "--tenant", "not a tenant", "--client-id", "nope", "--organization", "Contoso", "--no-probe", "--yes"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("2 flags are wrong");
    expect(run.stderr).toContain("--tenant:");
    expect(run.stderr).toContain("--client-id:");
  });
});

/** A PKCS#12 holding two identities (key and certificate each), as an export of two Keychain items gives. */
function twoIdentities(a: Made, b: Made): Buffer {
  const safes = [a, b].map((made) => {
    const pfx = forge.pkcs12.toPkcs12Asn1(made.key, [made.cert], "", { algorithm: "3des", count: 16, useMac: false });
    const octets = ((pfx.value as import("node-forge").asn1.Asn1[])[1]!.value as import("node-forge").asn1.Asn1[])[1]!.value as import("node-forge").asn1.Asn1[];
    return forge.asn1.fromDer(octets[0]!.value as string);
  });
  const merged = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SEQUENCE, true, safes.flatMap((safe) => safe.value as import("node-forge").asn1.Asn1[]));
  const pfx = forge.pkcs12.toPkcs12Asn1(a.key, [a.cert], "", { algorithm: "3des", count: 16, useMac: false });
  const octets = ((pfx.value as import("node-forge").asn1.Asn1[])[1]!.value as import("node-forge").asn1.Asn1[])[1]!.value as import("node-forge").asn1.Asn1[];
  octets[0]!.value = forge.asn1.toDer(merged).getBytes();
  return Buffer.from(forge.asn1.toDer(pfx).getBytes(), "binary");
}
