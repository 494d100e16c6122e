/**
 * node-forge, loaded only when sign opens a PKCS#12 (its import costs ~80 ms; build must not pay
 * it). It is kept for one job: decrypting an admin's own PKCS#12, both OpenSSL 3's AES/SHA-256 form
 * and the legacy 3DES/RC2 form Keychain Access writes, which WebCrypto cannot decrypt. Files from
 * elsewhere (signed profiles, certificates) go through src/asn1/ber.ts; node:crypto does every
 * signature, digest and certificate check.
 */
export type Forge = typeof import("node-forge");

let loading: Promise<Forge> | undefined;

export function loadForge(): Promise<Forge> {
  loading ??= import("node-forge").then((module) => ((module as { default?: Forge }).default ?? module) as Forge);
  return loading;
}

export const toBinary = (bytes: Uint8Array): string => Buffer.from(bytes).toString("binary");
export const fromBinary = (text: string): Buffer => Buffer.from(text, "binary");
