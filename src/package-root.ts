import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/**
 * The folder holding jcprofile's package.json and templates/. Found by walking up from this
 * module, because it runs from src/ (tests), from the dist/ bundle or from an installed copy.
 */
export function packageRoot(): string {
  if (root) return root;
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, "templates")) || !existsSync(join(folder, "package.json"))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error("jcprofile's templates/ folder was not found beside its package.json");
    folder = parent;
  }
  root = folder;
  return root;
}

/** jcprofile's version, from its package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string };
  return pkg.version;
}
