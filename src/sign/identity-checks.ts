import type { X509Certificate } from "node:crypto";
import { UserError } from "../errors.js";
import { oneLine, validityProblem } from "../signing/chain.js";

/** A certificate outside its validity period cannot make a signature a Mac accepts. */
export function refuseUnusable(certificate: X509Certificate, shown: string, now: Date): void {
  const problem = validityProblem(certificate, now);
  if (problem === undefined) return;
  if (problem.kind === "unreadable") {
    throw new UserError(`${shown}: the certificate's validity dates cannot be read (${certificate.validFrom} to ${certificate.validTo}) — export the signing identity again`);
  }
  const subject = oneLine(certificate.subject);
  if (problem.kind === "expired") {
    throw new UserError(`${shown}: the certificate (${subject}) expired on ${problem.date.toISOString().slice(0, 10)} — renew it or export a current signing identity`);
  }
  throw new UserError(`${shown}: the certificate (${subject}) is not valid before ${problem.date.toISOString()} — check the computer's clock or wait until then`);
}
