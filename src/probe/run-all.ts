/**
 * `probe --all`: the tenant and app checks of every environment, never a password. Environments
 * run side by side, a few at a time (each one's own checks stay in Entra's order, as runChecks
 * sends them); the report lists them in the config's order whatever finished first.
 */
import type { ProbeReport } from "../entra/check-results.js";
import { runChecks, type ProbeProgress } from "../entra/run-checks.js";
import type { ProbeTarget } from "../entra/probe-target.js";
import type { EntraClient } from "../entra/transport.js";

/** Enough to finish a nightly job quickly without looking like a burst to Entra or a proxy. */
const ENVIRONMENTS_AT_ONCE = 3;

export interface AllOptions {
  /** The targets of each environment, in the config's order. */
  environments: readonly { name: string; targets: readonly ProbeTarget[] }[];
  client: EntraClient;
  limit?: number;
  onProgress?: (progress: ProbeProgress & { environment: string }) => void;
}

export async function runAllEnvironments(options: AllOptions): Promise<ProbeReport> {
  const { environments, client } = options;
  const reports = await mapWithLimit(environments, options.limit ?? ENVIRONMENTS_AT_ONCE, ({ name, targets }) =>
    runChecks({ targets, client, onProgress: (progress) => options.onProgress?.({ ...progress, environment: name }) }),
  );
  const resolved = new Map<string, string>();
  for (const { tenant, tenantId } of reports.flatMap((report) => report.resolvedTenants)) resolved.set(tenant, tenantId);
  return {
    results: reports.flatMap((report) => report.results),
    resolvedTenants: [...resolved].map(([tenant, tenantId]) => ({ tenant, tenantId })),
  };
}

/** `work` over `items`, at most `limit` at a time; results in the items' order. */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}
