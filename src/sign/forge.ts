/**
 * node-forge, loaded only when sign or verify runs (its import costs ~80 ms; build must not pay
 * it). Forge reads PKCS#12 (both the AES/SHA-256 form of OpenSSL 3 and the 3DES/SHA-1 form of
 * Keychain Access, which WebCrypto cannot decrypt) and parses BER/DER; node:crypto does every
 * signature, digest and certificate check.
 */
export type Forge = typeof import("node-forge");
export type Asn1 = import("node-forge").asn1.Asn1;

let loading: Promise<Forge> | undefined;

export function loadForge(): Promise<Forge> {
  loading ??= import("node-forge").then((module) => ((module as { default?: Forge }).default ?? module) as Forge);
  return loading;
}

export const toBinary = (bytes: Uint8Array): string => Buffer.from(bytes).toString("binary");
export const fromBinary = (text: string): Buffer => Buffer.from(text, "binary");

/** Parses DER/BER without forge's habit of decoding BIT STRING contents, so re-encoding gives the same bytes. */
export function parseAsn1(forge: Forge, bytes: Uint8Array): Asn1 {
  const parse = forge.asn1.fromDer as unknown as (input: string, options: { strict: boolean; decodeBitStrings: boolean }) => Asn1;
  return parse(toBinary(bytes), { strict: true, decodeBitStrings: false });
}

export const encodeAsn1 = (forge: Forge, node: Asn1): Buffer => fromBinary(forge.asn1.toDer(node).getBytes());

export function children(node: Asn1 | undefined): Asn1[] {
  return node && Array.isArray(node.value) ? node.value : [];
}

export function isContext(node: Asn1 | undefined, tag: number): boolean {
  return node !== undefined && node.tagClass === 0x80 && node.type === tag;
}

export function readOid(forge: Forge, node: Asn1 | undefined): string | undefined {
  return node && node.type === 6 && typeof node.value === "string" ? forge.asn1.derToOid(node.value) : undefined;
}
