import { readdirSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { normalisePath } from "./validators.js";

/**
 * License paths live in two frames: the admin types them relative to where they stand, the config
 * stores them relative to itself (so the folder can move). These convert between the two.
 */

const slashes = (path: string) => path.split(sep).join("/");

/** The path the config stores for a typed answer; undefined for "no license". */
export function licenseForConfig(answer: string, cwd: string, configDir: string): string | undefined {
  if (answer.trim() === "") return undefined;
  const path = relative(configDir, resolve(cwd, normalisePath(answer)));
  return slashes(path);
}

/**
 * The license the prompt offers: the environment's own (shown relative to `cwd`), else the one
 * .jamfconnectlicense file beside the config or in the working folder, when there is exactly one.
 */
export function licenseDefault(input: { cwd: string; configDir: string; configured: string | undefined }): string | undefined {
  const { cwd, configDir, configured } = input;
  if (configured !== undefined) return slashes(relative(cwd, resolve(configDir, configured))) || configured;
  const found = new Set<string>();
  for (const folder of new Set([configDir, cwd])) {
    let entries: string[];
    try {
      entries = readdirSync(folder);
    } catch {
      continue;
    }
    for (const entry of entries) if (entry.endsWith(".jamfconnectlicense")) found.add(resolve(folder, entry));
  }
  const [only, ...others] = found;
  return only !== undefined && others.length === 0 ? slashes(relative(cwd, only)) : undefined;
}
