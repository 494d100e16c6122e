import { X509Certificate } from "node:crypto";
import tls from "node:tls";
import { sameCertificate } from "./certificate-facts.js";

export interface ChainCheck {
  /** Signer first, then each issuer found, ending at the trust anchor when trusted. */
  path: X509Certificate[];
  trusted: boolean;
  /** Why the chain is not trusted, and how to fix it when there is a fix. */
  problem?: string;
  fix?: string;
}

/**
 * Walks from the signer up through the embedded certificates until a certificate is, or is
 * issued by, a trust anchor (--ca, else Node's bundled roots). Each step checks the issuer's
 * name and its signature on the certificate below, with node:crypto.
 */
export function checkChain(signer: X509Certificate, embedded: readonly X509Certificate[], anchors: readonly X509Certificate[]): ChainCheck {
  const path = [signer];
  for (let current = signer; path.length <= 10; ) {
    if (anchors.some((anchor) => sameCertificate(anchor, current))) return { path, trusted: true };
    const anchor = anchors.find((candidate) => issued(candidate, current));
    if (anchor) return { path: [...path, anchor], trusted: true };
    const next = embedded.find((candidate) => !path.some((seen) => sameCertificate(seen, candidate)) && issued(candidate, current));
    if (!next) {
      // An issuer by name whose signature does not verify: the certificate was changed, not left out.
      const named = [...embedded, ...anchors].find((candidate) => !sameCertificate(candidate, current) && namesIssuer(candidate, current));
      if (named !== undefined) {
        const problem = `the signature of ${oneLine(named.subject)} on ${oneLine(current.subject)} does not verify (both are in the file or trusted): the certificate was changed after it was issued`;
        return { path, trusted: false, problem, fix: "sign again with the real certificate" };
      }
      if (current.subject === current.issuer) {
        return { path, trusted: false, problem: `the chain ends at a self-signed certificate that is not trusted (${oneLine(current.subject)})`, fix: "pass its CA with --ca" };
      }
      const problem = `the issuer of ${oneLine(current.subject)} (${oneLine(current.issuer)}) is neither in the file nor trusted`;
      return { path, trusted: false, problem, fix: "sign with --chain, or pass the CA with --ca" };
    }
    path.push(next);
    current = next;
  }
  return { path, trusted: false, problem: "the certificate chain is longer than 10" };
}

function namesIssuer(issuer: X509Certificate, child: X509Certificate): boolean {
  try {
    return child.checkIssued(issuer);
  } catch {
    return false;
  }
}

/** `issuer` names and signed `child` (checked with node:crypto). */
export function issued(issuer: X509Certificate, child: X509Certificate): boolean {
  try {
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** Node's bundled root certificates (about 140), parsed once per process, when first needed. */
let bundled: X509Certificate[] | undefined;
export const bundledRoots = (): X509Certificate[] => (bundled ??= tls.rootCertificates.map((pem) => new X509Certificate(pem)));

/**
 * The certificate whose issuer is missing when the chain from the signer cannot reach a CA from
 * the certificates given: the signer itself, most often (a .p12 exported without its
 * intermediate). A chain that stops at a CA certificate is complete enough: its issuer is the root
 * the Mac must trust anyway. A signer issued straight by one of Node's bundled roots needs nothing.
 */
export function missingIssuer(signer: X509Certificate, given: readonly X509Certificate[]): X509Certificate | undefined {
  const path = [signer];
  for (let current = signer; ; ) {
    if (current.ca || current.subject === current.issuer) return undefined;
    const next = given.find((candidate) => !path.includes(candidate) && issued(candidate, current));
    if (next === undefined) return bundledRoots().some((root) => issued(root, current)) ? undefined : current;
    path.push(next);
    current = next;
  }
}

/** A certificate time as a Date (node 20's X509Certificate gives text). */
export const dateOf = (text: string): Date => new Date(text);

/** A certificate time for a report: ISO when it can be read, else the text as the certificate has it. */
export function isoOf(text: string): string {
  const date = dateOf(text);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

/** Why a certificate is not valid at `now`, or undefined; sign and verify word it each their own way. */
export function validityProblem(cert: X509Certificate, now: Date): { kind: "unreadable" } | { kind: "expired" | "not yet valid"; date: Date } | undefined {
  const validTo = dateOf(cert.validTo);
  const validFrom = dateOf(cert.validFrom);
  // An unreadable date compares as neither before nor after: never let it pass as valid.
  if (Number.isNaN(validTo.getTime()) || Number.isNaN(validFrom.getTime())) return { kind: "unreadable" };
  if (validTo < now) return { kind: "expired", date: validTo };
  if (validFrom > now) return { kind: "not yet valid", date: validFrom };
  return undefined;
}

/** Whether every certificate in the path is valid at `now`; the first that is not, with why (and a stable code). */
export function checkValidity(path: readonly X509Certificate[], now: Date): { code: "expired" | "not-yet-valid" | "validity-unreadable"; message: string } | undefined {
  for (const cert of path) {
    const problem = validityProblem(cert, now);
    if (problem === undefined) continue;
    const subject = oneLine(cert.subject);
    if (problem.kind === "unreadable") return { code: "validity-unreadable", message: `${subject} has validity dates that cannot be read (${cert.validFrom} to ${cert.validTo})` };
    if (problem.kind === "expired") return { code: "expired", message: `${subject} expired on ${problem.date.toISOString()}` };
    return { code: "not-yet-valid", message: `${subject} is not valid before ${problem.date.toISOString()}` };
  }
  return undefined;
}

/** X509Certificate prints names one attribute per line; a report wants them on one. */
export const oneLine = (name: string): string => name.split("\n").filter(Boolean).join(", ");
