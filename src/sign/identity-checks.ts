import type { X509Certificate } from "node:crypto";
import { UserError } from "../errors.js";
import { dateOf, oneLine } from "./chain.js";

/** A certificate outside its validity period cannot make a signature a Mac accepts. */
export function refuseUnusable(certificate: X509Certificate, shown: string, now: Date): void {
  const subject = oneLine(certificate.subject);
  const validTo = dateOf(certificate.validTo);
  const validFrom = dateOf(certificate.validFrom);
  if (Number.isNaN(validTo.getTime()) || Number.isNaN(validFrom.getTime())) {
    throw new UserError(`${shown}: the certificate's validity dates cannot be read (${certificate.validFrom} to ${certificate.validTo}) — export the signing identity again`);
  }
  if (validTo < now) {
    throw new UserError(`${shown}: the certificate (${subject}) expired on ${validTo.toISOString().slice(0, 10)} — renew it or export a current signing identity`);
  }
  if (validFrom > now) {
    throw new UserError(`${shown}: the certificate (${subject}) is not valid before ${validFrom.toISOString()} — check the computer's clock or wait until then`);
  }
}
