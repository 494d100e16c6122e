import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// In-process probe tests (test/run-cli.ts) talk TLS to the local Entra emulator. Node reads
// NODE_EXTRA_CA_CERTS only at start-up, so it is set here, before the forked workers start.
process.env["NODE_EXTRA_CA_CERTS"] = fileURLToPath(new URL("./test/entra/certs/cert.pem", import.meta.url));

/** Specs that spawn the built CLI (dist/cli.js, so they need the bundle): left out of `npm run test:fast`. */
const SPAWNED = ["test/e2e/**/*.test.ts"];

export default defineConfig({
  test: {
    // Forks, not threads: each worker is a process that starts with the CA above.
    pool: "forks",
    // Some e2e specs spawn the CLI and a local HTTPS emulator; two cores, so keep the pool small.
    maxWorkers: 2,
    testTimeout: 30_000,
    experimental: { fsModuleCache: true },
    hookTimeout: 30_000,
    // Specs share one module graph per worker (isolate: false): importing the graph again for every
    // file cost more CPU than all the unit tests themselves (about 18 s of CPU for src/ alone, 6 s
    // shared). So no spec may rely on per-file module mocks: test/init/harness.ts hands its test
    // prompts to the prompter instead.
    projects: [
      { extends: true, test: { name: "in-process", include: ["src/**/*.test.ts", "test/**/*.test.ts"], exclude: SPAWNED, isolate: false } },
      { extends: true, test: { name: "e2e", include: SPAWNED, isolate: false } },
    ],
  },
});
