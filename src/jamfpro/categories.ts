/**
 * Categories are checked against the server before anything is written (issue 18): Jamf Pro
 * itself would refuse the write with a bare "409 Conflict: Problem with category".
 */
import { parseCategoryNames } from "./classic-body.js";
import type { JamfClient } from "./client.js";
import { JamfError } from "./errors.js";

/** The configured categories this server lacks, each with its error; read in a dry run too. */
export async function missingCategories(client: JamfClient, categories: readonly (string | undefined)[]): Promise<Map<string, JamfError>> {
  const wanted = new Set(categories.filter((name): name is string => name !== undefined));
  const missing = new Map<string, JamfError>();
  if (wanted.size === 0) return missing;
  const existing = parseCategoryNames((await client.classic("GET", "/categories")).text);
  const listed = existing.length === 0 ? "it has none" : `it has ${existing.map((name) => JSON.stringify(name)).join(", ")}`;
  for (const name of wanted) {
    if (existing.includes(name)) continue;
    missing.set(
      name,
      new JamfError(
        "missing-category",
        `jamfPro.category "${name}" does not exist in Jamf Pro at ${client.url} (${listed})`,
        "create the category in Jamf Pro, or set jamfPro.category to one it has; nothing was written",
      ),
    );
  }
  return missing;
}

