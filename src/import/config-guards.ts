/**
 * What an import must refuse before it writes anything, because the config it leaves behind would
 * be damaged: an environment name that differs from an existing one only in letter case (nothing
 * could build it, and its license file would land on the other's on a Mac's disk), and a license
 * file that another environment uses (replacing it would silently relicense that environment).
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { UserError } from "../errors.js";
import type { ExistingConfig } from "../project/config-edit.js";

/** The environment `env` would clash with in letter case, refused with the name to use instead. */
export function refuseCaseTwin(existing: ExistingConfig | undefined, env: string): void {
  const twin = Object.keys(existing?.config.environments ?? {}).find((name) => name !== env && name.toLowerCase() === env.toLowerCase());
  if (twin === undefined) return;
  throw new UserError(
    `--env: "${env}" differs from the environment "${twin}" only in letter case — on a Mac's case-insensitive disk both would build into one folder, so nothing was written. Pass --env ${twin} to import into it, or choose another name`,
  );
}

/**
 * A license file about to get other bytes must be the imported environment's alone: the other
 * environments that name it (or inherit it from defaults) are listed in the refusal.
 */
export function refuseSharedLicense(existing: ExistingConfig | undefined, configDir: string, env: string, license: { path: string; name: string }): void {
  if (existing === undefined) return;
  const inherited = existing.config.defaults?.license;
  const users = Object.entries(existing.config.environments)
    .filter(([name, environment]) => name !== env && sameFile(configDir, environment.license ?? inherited, license.path))
    .map(([name]) => `"${name}"`);
  if (users.length === 0) return;
  const who = users.length === 1 ? `environment ${users[0]} uses` : `environments ${users.join(", ")} use`;
  throw new UserError(
    `${license.name}: ${who} it too, and the source holds another license, so it is not replaced — nothing was written. ` +
      `Give ${users.length === 1 ? "that environment" : "them"} a copy of its own (copy the file, point its "license" at the copy), or import into another --env`,
  );
}

/** The same file, by name or — on a case-insensitive disk or through a link — by identity. */
function sameFile(configDir: string, name: string | undefined, path: string): boolean {
  if (name === undefined) return false;
  const other = resolve(configDir, name);
  if (other === path) return true;
  try {
    const [a, b] = [statSync(other), statSync(path)];
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}
