import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { testKeyPath as key } from "../sign/keys.js";

/**
 * CMS-signed profiles for the tests, made with openssl when the machine has it (the product
 * itself never shells out). A test CA signs a leaf certificate, as Jamf Pro's built-in CA does.
 */
export function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export interface Signer {
  sign(profile: string, output: string, form: "der" | "ber-stream" | "pem" | "detached"): void;
}

export function createSigner(dir: string): Signer {
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  run("req", "-x509", "-key", key("root"), "-out", "ca.pem", "-days", "2", "-subj", "/CN=jcprofile test CA");
  run("req", "-new", "-key", key("signer"), "-out", "signer.csr", "-subj", "/CN=jcprofile test signer");
  run("x509", "-req", "-in", "signer.csr", "-CA", "ca.pem", "-CAkey", key("root"), "-CAcreateserial", "-out", "signer.pem", "-days", "2");
  return {
    sign(profile, output, form) {
      writeFileSync(join(dir, "in.mobileconfig"), profile);
      const base = ["cms", "-sign", "-binary", "-in", "in.mobileconfig", "-signer", "signer.pem", "-inkey", key("signer"), "-certfile", "ca.pem", "-out", output];
      if (form === "der") run(...base, "-nodetach", "-outform", "DER");
      else if (form === "ber-stream") run(...base, "-nodetach", "-stream", "-outform", "DER");
      else if (form === "pem") run(...base, "-nodetach", "-outform", "PEM");
      else run(...base, "-outform", "DER");
    },
  };
}
