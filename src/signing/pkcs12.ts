import { createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";
import { Asn1Error, readAsn1, readOid, readSmallInteger, TAG } from "../asn1/ber.js";
import { OID } from "../asn1/der.js";
import { UserError } from "../errors.js";
import { fromBinary, toBinary, type Forge } from "./forge.js";

export interface Pkcs12Contents {
  keys: KeyObject[];
  certificates: X509Certificate[];
}

/** A PKCS#12's structure, read before anything is decrypted; opened by openPkcs12. */
export type Pkcs12Structure = import("node-forge").asn1.Asn1;

/**
 * The PFX structure of a file given as --identity, or "not a PKCS#12 file". Judged by its shape
 * before forge decrypts anything, so a certificate or a PEM file is named as such before a
 * password is asked.
 */
export function parsePkcs12(forge: Forge, bytes: Buffer, file: string): Pkcs12Structure {
  const notPkcs12 = () => new UserError(`${file}: not a PKCS#12 file — --identity takes a .p12 exported with its private key; for PEM files use --cert and --key`);
  if (!looksLikePkcs12(bytes)) throw notPkcs12();
  try {
    return forge.asn1.fromDer(toBinary(bytes), true);
  } catch {
    throw notPkcs12();
  }
}

/**
 * Opens a PKCS#12 with forge: PBES2 (AES-256-CBC, PBKDF2-HMAC-SHA256, SHA-256 MAC: OpenSSL 3's
 * default) and the legacy PKCS#12 PBE (3DES, RC2, SHA-1 MAC: Keychain Access and older OpenSSL).
 * Keys and certificates leave as node:crypto objects; forge's own RSA types are not used further.
 */
export function openPkcs12(forge: Forge, structure: Pkcs12Structure, password: string, file: string): Pkcs12Contents {
  let pfx;
  try {
    pfx = forge.pkcs12.pkcs12FromAsn1(structure, true, password);
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

/** A PFX's shape (RFC 7292): a SEQUENCE of version 3 and a ContentInfo of data or signedData. */
export function looksLikePkcs12(bytes: Uint8Array): boolean {
  try {
    const [version, authSafe] = readAsn1(bytes).children;
    const type = authSafe?.tag === TAG.sequence ? readOid(authSafe.children[0]) : undefined;
    return readSmallInteger(version) === 3 && (type === OID.data || type === OID.signedData);
  } catch (error) {
    if (error instanceof Asn1Error) return false;
    throw error;
  }
}
