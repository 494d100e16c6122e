import { existsSync, readdirSync, readFileSync, type Dirent } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UserError } from "../errors.js";
import { displayPath } from "../pipeline/config-file.js";
import { loadAndRender } from "../pipeline/load-and-render.js";
import { formatProblem } from "../problem.js";
import { writeFilesAtomically } from "../files/atomic-write.js";

export interface BuildOptions {
  cwd: string;
  config?: string;
  envs?: readonly string[];
  out?: string;
  check?: boolean;
}

export interface BuildResult {
  /** Files written (or, with check, compared), as shown to the user. */
  files: string[];
  warnings: string[];
  /** With check: one line per file that differs, is missing or is stale. */
  differences: string[];
}

export function runBuild(options: BuildOptions): BuildResult {
  const { profiles, warnings: found, source } = loadAndRender(options);
  const warnings = found.map(formatProblem);
  const outDir = options.out ? resolve(options.cwd, options.out) : join(dirname(source.path), "out");
  const files = profiles.map((profile) => {
    const path = join(outDir, profile.relativePath);
    return { path, displayPath: displayPath(options.cwd, path), text: profile.text };
  });
  if (options.check) {
    const differences: string[] = [];
    for (const file of files) {
      const current = readIfExists(file);
      if (current === undefined) differences.push(`missing: ${file.displayPath}`);
      else if (current !== file.text) differences.push(`differs: ${file.displayPath}`);
    }
    if (!options.envs || options.envs.length === 0) {
      const expected = new Set(files.map((file) => file.path));
      for (const stale of builtProfilesIn(outDir, options.cwd)) {
        if (!expected.has(stale)) differences.push(`stale: ${displayPath(options.cwd, stale)} (no environment builds it)`);
      }
    }
    return { files: files.map((file) => file.displayPath), warnings, differences };
  }
  writeFilesAtomically(files);
  return { files: files.map((file) => file.displayPath), warnings, differences: [] };
}

function readIfExists(file: { path: string; displayPath: string }): string | undefined {
  try {
    return readFileSync(file.path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    if (code === "EISDIR") return "";
    throw unreadable(file.displayPath, error);
  }
}

/** `<out>/<env>/*.mobileconfig` as jcprofile lays them out. */
function builtProfilesIn(outDir: string, cwd: string): string[] {
  if (!existsSync(outDir)) return [];
  const found: string[] = [];
  for (const entry of listFolder(outDir, cwd)) {
    if (!entry.isDirectory()) continue;
    const folder = join(outDir, entry.name);
    for (const file of listFolder(folder, cwd)) {
      if (file.name.startsWith("jamf-connect-") && file.name.endsWith(".mobileconfig")) found.push(join(folder, file.name));
    }
  }
  return found.sort();
}

function listFolder(folder: string, cwd: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw unreadable(displayPath(cwd, folder), error);
  }
}

/** --check reading the output folder: a file where a folder should be, or no permission, is the admin's to fix. */
function unreadable(shown: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  const fix = code === "ENOTDIR" ? "check --out and that no file stands where a folder should be" : "check that the output folder is readable";
  return new UserError(`${shown}: cannot be read (${code}) — ${fix}`);
}

