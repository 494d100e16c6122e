import { fileURLToPath } from "node:url";

/** The path of a committed test-only key in keys/ (keys/README.md): root, intermediate, signer, … */
export function testKeyPath(name: string): string {
  return fileURLToPath(new URL(`keys/${name}.pem`, import.meta.url));
}
