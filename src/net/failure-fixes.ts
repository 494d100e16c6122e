/**
 * The one table from a failed request's cause to what happened and how to fix it, for every
 * client of the network layer (Entra probe, Jamf Pro upload). What differs between them is only
 * what to check, so that is the parameter; each command puts the two halves in its own sentence.
 */
import type { NetworkCause, NetworkFailure } from "./types.js";

/** What the advice names: the far end and the setting that points at it. */
export interface NetworkTarget {
  /** The host, or its role ("the authority host") where the host is not at hand. */
  readonly host: string;
  /** The setting (or flag) holding its address, checked first for DNS, refusals and odd answers. */
  readonly urlSetting: string;
  /** What should be answering there, e.g. "Entra" or "the Jamf Pro server". */
  readonly service: string;
}

export interface NetworkAdvice {
  /** What happened, naming the far end and the low-level detail (an error code, a size). */
  readonly problem: string;
  readonly fix: string;
}

const BY_CAUSE: Readonly<Record<NetworkCause, (target: NetworkTarget, detail: string) => NetworkAdvice>> = {
  dns: ({ host, urlSetting }, detail) => ({ problem: `${host} does not resolve (DNS, ${detail})`, fix: `check ${urlSetting} and DNS; behind a proxy set HTTPS_PROXY` }),
  refused: ({ host, urlSetting }, detail) => ({
    problem: `${host} refused the connection (${detail})`,
    fix: `check ${urlSetting} and its port, and the firewall; behind a proxy set HTTPS_PROXY`,
  }),
  tls: ({ host }, detail) => ({
    problem: `the TLS connection to ${host} failed (${detail})`,
    fix: "behind TLS inspection set NODE_EXTRA_CA_CERTS to the inspection root CA (PEM)",
  }),
  reset: ({ host }, detail) => ({
    problem: `${host} reset or closed the connection without an answer (${detail})`,
    fix: "try again; check a proxy or firewall in between (HTTPS_PROXY, NO_PROXY)",
  }),
  proxy: ({ host }, detail) => ({ problem: `the proxy from HTTPS_PROXY did not reach ${host} (${detail})`, fix: "check HTTPS_PROXY and NO_PROXY" }),
  "proxy-down": (_target, detail) => ({
    problem: `the proxy from HTTPS_PROXY cannot be reached (${detail})`,
    fix: "check the host and port in HTTPS_PROXY, or unset it to connect directly (NO_PROXY for single hosts)",
  }),
  "proxy-login": ({ host }, detail) => ({
    problem: `the proxy from HTTPS_PROXY asks for a login (${detail}) before it reaches ${host}`,
    fix: `put the proxy's user name and password in HTTPS_PROXY (http://user:password@host:port; Basic authentication only), or have the proxy let ${host} through without a login`,
  }),
  oversized: ({ host, urlSetting, service }, detail) => ({
    problem: `${host} sent an answer larger than ${detail} and it was cut off`,
    fix: `check that ${urlSetting} points at ${service} itself, not a page, a captive portal or a proxy in front of it`,
  }),
  other: ({ host, urlSetting }, detail) => ({
    problem: `cannot reach ${host} (${detail})`,
    fix: `check ${urlSetting} and the network (HTTPS_PROXY, NODE_EXTRA_CA_CERTS)`,
  }),
};

export function adviceFor(failure: NetworkFailure, target: NetworkTarget): NetworkAdvice {
  if (failure.type === "timeout") {
    return { problem: `${target.host} gave no answer within ${failure.seconds} s`, fix: `check ${target.urlSetting} and the network, or raise --timeout` };
  }
  return BY_CAUSE[failure.cause](target, failure.detail);
}
