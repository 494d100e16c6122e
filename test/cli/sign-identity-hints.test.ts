/**
 * sign's hints from the newcomer trial (issue 21, item 4): a .p12 without its intermediate is
 * signed with a warning that names the missing issuer and the fix; a file that is not PKCS#12 is
 * said to be so before any password is asked; a .p12 given to --cert is pointed at --identity.
 */
import { X509Certificate } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../run-cli.js";
import { PASSWORD, pkcs12, usePkiDir, writePki } from "../sign/pki.js";

let dir: string;
usePkiDir((made) => (dir = made), { example: true });
beforeAll(() => {
  const { signer } = writePki(dir);
  // As Keychain Access exports an identity whose intermediate is not in the keychain: signer and key only.
  writeFileSync(join(dir, "no-intermediate.p12"), pkcs12(signer, [signer], PASSWORD, "3des", 16));
  writeFileSync(join(dir, "identity.pem"), readFileSync(join(dir, "signer-key.pem"), "utf8") + readFileSync(join(dir, "signer.pem"), "utf8"));
  writeFileSync(join(dir, "signer.cer"), new X509Certificate(readFileSync(join(dir, "signer.pem"))).raw);
});

const sign = (args: string[], env: Record<string, string | undefined> = {}) =>
  runCli(["sign", "--config", "contoso.jcprofile.json", "--env", "prod", ...args], { cwd: dir, env });

describe("sign warns when the chain to a root cannot be built from the identity and --chain", () => {
  it("a .p12 without the intermediate: signs, and the warning names the missing issuer and --chain", async () => {
    const run = await sign(["--identity", "no-intermediate.p12", "--out", "p12-out"], { JCPROFILE_SIGNING_PASSWORD: PASSWORD });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(
      'warning: no-intermediate.p12: the issuer of the signing certificate (CN=jcprofile Test Intermediate, O=jcprofile tests) is neither in no-intermediate.p12 nor in --chain: openssl and jcprofile verify cannot build its chain to a root, and a Mac that lacks it shows the profile as "Unverified" — pass the issuing CA\'s certificate (and any CA above it but the root) with --chain CHAIN.pem, or export the .p12 with its intermediate\n',
    );
  });

  it("a PEM certificate without --chain: the same warning; with --chain: none", async () => {
    const without = await sign(["--cert", "signer.pem", "--key", "signer-key.pem", "--out", "pem-out"]);
    expect(without.code, without.stderr).toBe(0);
    expect(without.stderr).toMatch(/^warning: signer\.pem: the issuer of the signing certificate \(CN=jcprofile Test Intermediate, O=jcprofile tests\) is neither in signer\.pem nor in --chain: .* — pass the issuing CA's certificate .* with --chain CHAIN\.pem\n$/);
    const withChain = await sign(["--cert", "signer.pem", "--key", "signer-key.pem", "--chain", "intermediate.pem", "--out", "chain-out"]);
    expect(withChain.code, withChain.stderr).toBe(0);
    expect(withChain.stderr).toBe("");
  });
});

describe("sign --identity given a file that is not PKCS#12", () => {
  it.each(["signer.pem", "signer-key.pem", "identity.pem", "signer.cer"])("%s: says so before asking for a password (exit 2)", async (file) => {
    const run = await sign(["--identity", file]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toBe(`error: ${file}: not a PKCS#12 file — --identity takes a .p12 exported with its private key; for PEM files use --cert and --key\n`);
  });
});

describe("sign --cert given a PKCS#12", () => {
  it("points at --identity (exit 2), not at a DER conversion", async () => {
    const run = await sign(["--cert", "no-intermediate.p12", "--key", "signer-key.pem"]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toBe("error: no-intermediate.p12: no PEM certificate in it — it is a PKCS#12 (.p12) file: pass it with --identity no-intermediate.p12 instead of --cert and --key\n");
  });
});
