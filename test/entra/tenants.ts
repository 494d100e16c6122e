/**
 * The `{tenant}` path segment, resolved the way Entra does: a GUID, a verified domain, or one of the
 * aliases. Not a GUID and not a DNS name → 900023; well-formed but unknown → 90002; a tenant that
 * lives in another cloud looks exactly like an unknown one from here → 90002 as well.
 */
import { EntraFailure, isGuid } from "./responses.js";
import { findTenantByDomain } from "./world.js";
import type { EntraCloud, EntraTenant, EntraWorld } from "./world.js";

export type TenantAlias = "common" | "organizations" | "consumers";

export type TenantRef = { kind: "tenant"; tenant: EntraTenant } | { kind: "alias"; alias: TenantAlias };

/** The Microsoft-account tenant that `consumers` stands for. */
export const CONSUMERS_TENANT_ID = "9188040d-6c67-4c5b-b112-36a304b66dad";

const ALIASES: readonly string[] = ["common", "organizations", "consumers"];
// At least two labels and an alphabetic TLD: `contoso` alone is not a DNS name to Entra (UNVERIFIED edge).
const DNS_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export function resolveTenantSegment(world: EntraWorld, rawSegment: string, cloud: EntraCloud): TenantRef {
  let segment: string;
  try {
    segment = decodeURIComponent(rawSegment);
  } catch {
    throw new EntraFailure(900023, { tenant: rawSegment });
  }
  const lower = segment.toLowerCase();
  if (ALIASES.includes(lower)) return { kind: "alias", alias: lower as TenantAlias };

  let tenant: EntraTenant | undefined;
  if (isGuid(segment)) tenant = world.tenants.find((t) => t.id.toLowerCase() === lower);
  else if (DNS_NAME.test(segment)) tenant = findTenantByDomain(world, segment);
  else throw new EntraFailure(900023, { tenant: segment });

  if (!tenant || (tenant.cloud ?? "public") !== cloud) throw new EntraFailure(90002, { tenant: segment });
  return { kind: "tenant", tenant };
}
