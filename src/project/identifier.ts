/**
 * A profile identifier base to offer: from the tenant's domain (the organisation owns it, so the
 * reverse-DNS name is theirs), else from the organization's name.
 */
const LEGAL_FORMS = new Set(["ltd", "limited", "inc", "llc", "corp", "corporation", "co", "plc", "gmbh", "ag", "sa", "sas", "bv", "nv", "ab", "as", "oy", "pty", "srl", "spa", "kg"]);

/** `contoso.com` → com.contoso.jamfconnect; `contoso.onmicrosoft.com` → com.contoso.jamfconnect; else from the organization. */
export function suggestIdentifier(tenant: string | undefined, organization: string | undefined): string | undefined {
  const label = (text: string) => text.toLowerCase().replace(/[^a-z0-9-]/g, "").replace(/^-+|-+$/g, "");
  if (tenant?.includes(".")) {
    const parts = tenant.toLowerCase().split(".");
    const own = /\.onmicrosoft\.(com|us)$/.test(tenant.toLowerCase()) ? ["com", label(parts[0]!)] : parts.reverse().map(label);
    if (own.every((part) => part !== "")) return `${own.join(".")}.jamfconnect`;
  }
  // "Contoso Ltd" → contoso: a legal form says nothing about the organization.
  const words = (organization ?? "").split(/\s+/).filter((word) => !LEGAL_FORMS.has(word.toLowerCase().replace(/[.,]/g, "")));
  const slug = label(words.join(""));
  return slug === "" ? undefined : `com.${slug}.jamfconnect`;
}
