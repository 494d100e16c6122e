import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureSet } from "./fixture-set.js";

const FOLDER = join(import.meta.dirname, "..", "fixtures", "profiles");

describe("test/fixtures/profiles", () => {
  it("holds exactly what fixture-set.ts generates (UPDATE_FIXTURES=1 rewrites it)", () => {
    const set = fixtureSet();
    if (process.env.UPDATE_FIXTURES === "1") {
      mkdirSync(FOLDER, { recursive: true });
      for (const [name, bytes] of Object.entries(set)) writeFileSync(join(FOLDER, name), bytes);
    }
    expect(readdirSync(FOLDER).filter((name) => name !== "README.md").sort()).toEqual(Object.keys(set).sort());
    for (const [name, bytes] of Object.entries(set)) expect(new Uint8Array(readFileSync(join(FOLDER, name))), name).toEqual(bytes);
  });
});
