/**
 * The one place sign and verify get profiles from the config: exactly what `build` renders, in
 * memory. When the config pipeline module lands, only this call changes.
 */
import { renderAll, type BuildOptions } from "../build/run-build.js";
import type { RenderedProfile } from "../render/profile.js";

export function renderProfiles(options: Pick<BuildOptions, "cwd" | "config" | "envs">): {
  profiles: RenderedProfile[];
  warnings: string[];
  configPath: string;
} {
  return renderAll(options);
}
