/**
 * For readers of profiles (lint, import): the plist inside a file whether it is signed or not,
 * and whether its signature was checked and held. The chain is not judged here; `verify` does that.
 */
import { readCertificateFacts } from "./certificate-facts.js";
import { checkSignature } from "./check-signature.js";
import { looksLikeCms, readSignedData } from "./cms-read.js";
import { loadForge } from "./forge.js";

export type UnwrappedProfile =
  | { signed: false; content: Buffer }
  | { signed: true; content: Buffer; signatureValid: boolean; problem?: string };

/** Throws NotSignedDataError when the file starts like DER but is no readable SignedData. */
export async function unwrapProfile(bytes: Buffer): Promise<UnwrappedProfile> {
  if (!looksLikeCms(bytes)) return { signed: false, content: bytes };
  const forge = await loadForge();
  const message = readSignedData(forge, bytes);
  const check = checkSignature(message, (cert) => readCertificateFacts(forge, cert));
  return { signed: true, content: message.content, signatureValid: check.valid, ...(check.problem !== undefined && { problem: check.problem }) };
}
