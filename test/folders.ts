/** Temp folders and the shipped example, for specs in-process (test/cli) and spawned (test/e2e). */
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach } from "vitest";

export const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));
export const EXAMPLES = join(REPO_ROOT, "examples");

/** A fresh folder per test, removed by the returned cleanup. */
export function tempDir(prefix = "jcprofile-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The hooks of a test file that wants a fresh folder per test: made before each test (with the
 * shipped example copied in when `example` is set), handed to `use`, removed after the test.
 *
 *   let dir: string;
 *   useTempDir((made) => (dir = made), { prefix: "jcprofile-x-", example: true });
 */
export function useTempDir(use: (dir: string) => void, options: { prefix?: string; example?: boolean } = {}): void {
  let cleanup = () => {};
  beforeEach(() => {
    const made = tempDir(options.prefix);
    cleanup = made.cleanup;
    if (options.example === true) copyExample(made.dir);
    use(made.dir);
  });
  afterEach(() => cleanup());
}

/** The shipped example config and license, copied into a folder. */
export function copyExample(dir: string): string {
  cpSync(join(EXAMPLES, "contoso.jcprofile.json"), join(dir, "contoso.jcprofile.json"));
  cpSync(join(EXAMPLES, "contoso.jamfconnectlicense"), join(dir, "contoso.jamfconnectlicense"));
  return join(dir, "contoso.jcprofile.json");
}

/** The shipped example's config file, as copyExample names it. */
export const EXAMPLE_CONFIG = "contoso.jcprofile.json";

/** The profiles a build of the example writes, in the order it writes them: environments as the config lists them. */
export const EXAMPLE_PROFILES = [
  "out/test/jamf-connect-login.mobileconfig",
  "out/test/jamf-connect-menubar.mobileconfig",
  "out/prod/jamf-connect-login.mobileconfig",
  "out/prod/jamf-connect-menubar.mobileconfig",
];

/** A build's temporary, backup and lock files. */
const BUILD_HELPER = /\.jcprofile-(tmp|old)-\d+-[0-9a-f]+$|\.jcprofile\.lock$/;

/** The build helper files left below a folder: all or nothing means none once a build has ended. */
export function buildHelperFiles(dir: string): string[] {
  return listFiles(dir).filter((path) => BUILD_HELPER.test(path));
}

/** Every file below a folder, relative, sorted: to assert that nothing was written. */
export function listFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(dir, path));
    }
  };
  walk(dir);
  return found.sort();
}
