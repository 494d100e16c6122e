import { problemsError } from "../problem.js";
import type { ConfigFile } from "../config/schema.js";
import { configLocation, readConfigFile, type ConfigSource } from "./read-config-file.js";
import type { RenderedProfile } from "../render/profile.js";
import { renderConfig, type RenderResult } from "./render-config.js";

export interface LoadOptions<Kept = RenderedProfile> {
  cwd: string;
  /** --config as typed (default jcprofile.json). */
  config?: string;
  /** --env: only these environments (default all). */
  envs?: readonly string[];
  /** The command's clock, for a license's expiry (not checked without it). */
  now?: Date;
  /** What is kept of each rendered profile (renderConfig's keep; default all of it). */
  keep?: (profile: RenderedProfile) => Kept;
  /** renderConfig's keepEnvironments (default true). */
  keepEnvironments?: boolean;
}

export interface Loaded<Kept = RenderedProfile> extends RenderResult<Kept> {
  config: ConfigFile;
  source: ConfigSource;
}

/**
 * What a command calls: read the config and run the pipeline. Any error is thrown as one
 * UserError listing every problem (warnings attached); without errors the config, its selected
 * environments and their profiles come back, with the warnings for the command to show.
 */
export function loadAndRender(options: LoadOptions): Loaded;
export function loadAndRender<Kept>(options: LoadOptions<Kept> & { keep: (profile: RenderedProfile) => Kept }): Loaded<Kept>;
export function loadAndRender<Kept>(options: LoadOptions<Kept>): Loaded<Kept | RenderedProfile> {
  const source = configLocation(options.cwd, options.config);
  const text = readConfigFile(source);
  const input = { ...source, text, ...(options.envs !== undefined && { envs: options.envs }), ...(options.now !== undefined && { now: options.now }), ...(options.keepEnvironments === false && { keepEnvironments: false }) };
  const result: RenderResult<Kept | RenderedProfile> = options.keep === undefined ? renderConfig(input) : renderConfig({ ...input, keep: options.keep });
  if (result.problems.length > 0 || result.config === undefined) throw problemsError(result.problems, result.warnings);
  return { ...result, config: result.config, source };
}
