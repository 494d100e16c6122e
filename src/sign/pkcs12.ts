import { createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";
import { UserError } from "../errors.js";
import { fromBinary, toBinary, type Forge } from "./forge.js";

export interface Pkcs12Contents {
  keys: KeyObject[];
  certificates: X509Certificate[];
}

/**
 * Opens a PKCS#12 with forge: PBES2 (AES-256-CBC, PBKDF2-HMAC-SHA256, SHA-256 MAC: OpenSSL 3's
 * default) and the legacy PKCS#12 PBE (3DES, RC2, SHA-1 MAC: Keychain Access and older OpenSSL).
 * Keys and certificates leave as node:crypto objects; forge's own RSA types are not used further.
 */
export function readPkcs12(forge: Forge, bytes: Buffer, password: string, file: string): Pkcs12Contents {
  let asn1;
  try {
    asn1 = forge.asn1.fromDer(toBinary(bytes), true);
  } catch {
    throw new UserError(`${file}: not a PKCS#12 file — --identity takes a .p12 exported with its private key; for PEM files use --cert and --key`);
  }
  let pfx;
  try {
    pfx = forge.pkcs12.pkcs12FromAsn1(asn1, true, password);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password/i.test(message)) {
      throw new UserError(`${file}: wrong password for this PKCS#12 — check the password (JCPROFILE_SIGNING_PASSWORD, --password-stdin or the prompt)`);
    }
    // forge's own words name the unsupported algorithm or structure; they never contain the password.
    throw new UserError(`${file}: this PKCS#12 cannot be read (${message}) — export it again from Keychain Access or with openssl pkcs12 -export`);
  }
  const keys: KeyObject[] = [];
  const certificates: X509Certificate[] = [];
  for (const safe of pfx.safeContents) {
    for (const bag of safe.safeBags) {
      if (bag.type === forge.pki.oids.pkcs8ShroudedKeyBag || bag.type === forge.pki.oids.keyBag) {
        // forge decodes RSA keys; other key types (EC) stay as their PrivateKeyInfo.
        const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : (bag as { asn1?: import("node-forge").asn1.Asn1 }).asn1;
        if (!info) continue;
        keys.push(createPrivateKey({ key: fromBinary(forge.asn1.toDer(info).getBytes()), format: "der", type: "pkcs8" }));
      } else if (bag.type === forge.pki.oids.certBag) {
        const node = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : (bag as { asn1?: import("node-forge").asn1.Asn1 }).asn1;
        if (node) certificates.push(new X509Certificate(fromBinary(forge.asn1.toDer(node).getBytes())));
      }
    }
  }
  return { keys, certificates };
}
