import { dirname, join, relative, resolve, sep } from "node:path";
import { UserError } from "../errors.js";
import { decodeUtf8 } from "../config/decode-text.js";
import { failureText, readInputFile } from "../files/read-file.js";

const DEFAULT_CONFIG = "jcprofile.json";

/** Where the config is, and how messages name it: as the admin typed it. */
export interface ConfigSource {
  path: string;
  displayPath: string;
}

/** A path as the admin would type it: relative to where they stand, when it is below it. */
export function displayPath(cwd: string, path: string): string {
  return shownAs(relative(cwd, path), path);
}

/** A path as shown, given its form relative to the working folder: that form, unless it is empty or climbs out (then the absolute path). */
export function shownAs(rel: string, path: string): string {
  return rel === "" || rel.startsWith("..") || rel.startsWith(sep) ? path : rel;
}

/**
 * A path the admin typed, named as typed unless it reaches below `cwd` in a roundabout way, so
 * messages match the command line. Unlike displayPath, a path outside `cwd` stays as typed
 * (`../x` is not made absolute).
 */
export function showTypedPath(cwd: string, file: string): string {
  const rel = relative(cwd, resolve(cwd, file));
  return rel.startsWith("..") ? file : rel || file;
}

/**
 * Where --config points (jcprofile.json in `cwd` without it). An empty --config (a variable that
 * was not set, `--config "$CONFIG"`) is refused: resolved, it would name `cwd` itself.
 */
export function configLocation(cwd: string, config: string | undefined): ConfigSource {
  if (config !== undefined && config.trim() === "") throw new UserError(`--config: is empty — give the config file, or leave --config out for "${DEFAULT_CONFIG}" in this folder`);
  const path = resolve(cwd, config ?? DEFAULT_CONFIG);
  return { path, displayPath: config ?? DEFAULT_CONFIG };
}

/**
 * The config's text. Only a regular UTF-8 file of sane size is read: a FIFO, a device, a folder,
 * a huge file or another encoding is a UserError naming the file (and the line and column of the
 * first byte that is not UTF-8).
 */
export function readConfigFile(source: ConfigSource): string {
  const read = readInputFile(source.path);
  if ("reason" in read) {
    if (read.code === "ENOENT") {
      throw new UserError(`${source.displayPath}: not found — run "jcprofile init" to create it, or pass --config PATH`);
    }
    if (read.code === "EISDIR") throw new UserError(`${source.displayPath}: is a folder — pass the config file itself with --config`);
    if (read.code === "ENOTDIR") throw new UserError(`${source.displayPath}: ${read.reason} — check the path given to --config`);
    if (read.code === "EACCES" || read.code === "EPERM") throw new UserError(`${source.displayPath}: ${read.reason} — check that you may read the file and its folders (ls -l)`);
    throw new UserError(`${source.displayPath}: ${failureText(read)}`);
  }
  const decoded = decodeUtf8(read.bytes);
  if ("message" in decoded) throw new UserError(`${source.displayPath}:${decoded.line}:${decoded.column}: ${decoded.message}`);
  return decoded.text;
}

/**
 * The output folder of build and sign: --out, else `out/` beside the config. An empty --out (a
 * variable that was not set, `--out "$OUT"`) is refused rather than taken as the default.
 */
export function outputFolder(cwd: string, out: string | undefined, config: ConfigSource): string {
  if (out === undefined) return join(dirname(config.path), "out");
  if (out.trim() === "") throw new UserError('--out: is empty — give the output folder, or leave --out out for "out" beside the config file');
  return resolve(cwd, out);
}
