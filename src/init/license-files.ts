import { readdirSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import { readInputFile } from "../files/read-file.js";
import { UserError } from "../errors.js";
import type { FileToWrite } from "../files/file-to-write.js";
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

/** A license path the config stores: inside the config's folder, so it holds in a colleague's clone. */
export interface LicenseInConfig {
  /** Relative to the config, `/`-separated. */
  path: string;
  /** When the chosen file sat outside the config's folder: the copy written beside the config. */
  copy?: FileToWrite & { from: string };
}

/**
 * The typed answer as the config will store it. A file outside the config's folder (~/Downloads,
 * another checkout) would be a path that exists on this Mac only: it is copied beside the config
 * under its own name (or `<env>.jamfconnectlicense` when another license has that name there).
 */
export function licenseBesideConfig(answer: string, cwd: string, configDir: string, env: string): LicenseInConfig | undefined {
  const stored = licenseForConfig(answer, cwd, configDir);
  if (stored === undefined || !(stored.startsWith("../") || stored === ".." || /^([A-Za-z]:|\/)/.test(stored))) return stored === undefined ? undefined : { path: stored };
  const from = resolve(cwd, normalisePath(answer));
  const read = readInputFile(from);
  if (!("bytes" in read)) throw new UserError(`${answer}: ${read.reason} — choose a readable .jamfconnectlicense file`);
  for (const name of [basename(from), `${env}.jamfconnectlicense`]) {
    const target = join(configDir, name);
    const there = readInputFile(target);
    if ("bytes" in there && there.bytes.equals(read.bytes)) return { path: name };
    if (!("bytes" in there) && there.code === "ENOENT") return { path: name, copy: { from, path: target, displayPath: name, bytes: read.bytes } };
  }
  throw new UserError(`${answer}: sits outside the config's folder, and ${basename(from)} and ${env}.jamfconnectlicense beside the config hold other licenses — copy it beside the config under a name of your choice and give that name`);
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
