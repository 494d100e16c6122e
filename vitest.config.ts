import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// In-process probe tests (test/run-cli.ts) talk TLS to the local Entra emulator. Node reads
// NODE_EXTRA_CA_CERTS only at start-up, so it is set here, before the forked workers start.
process.env["NODE_EXTRA_CA_CERTS"] = fileURLToPath(new URL("./test/entra/certs/cert.pem", import.meta.url));

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Forks, not threads: each worker is a process that starts with the CA above.
    pool: "forks",
    // Some e2e specs spawn the CLI and a local HTTPS emulator; two cores, so keep the pool small.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
