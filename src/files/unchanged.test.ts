import { execFileSync } from "node:child_process";
import { chmodSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../../test/folders.js";
import { alreadyInPlace } from "./unchanged.js";

let dir: string;
useTempDir((made) => (dir = made));

const file = (name: string, text: string, mode?: number) => ({ path: join(dir, name), displayPath: name, text, ...(mode !== undefined && { mode }) });

describe("alreadyInPlace", () => {
  it("is true only for a regular file with exactly these bytes", () => {
    writeFileSync(join(dir, "a"), "<plist>é</plist>");
    expect(alreadyInPlace(file("a", "<plist>é</plist>"))).toBe(true);
    expect(alreadyInPlace({ path: join(dir, "a"), displayPath: "a", bytes: Buffer.from("<plist>é</plist>") })).toBe(true);
    expect(alreadyInPlace(file("a", "<plist>e</plist>"))).toBe(false); // same length in characters, not in bytes
    expect(alreadyInPlace(file("a", "<plist>è</plist>"))).toBe(false); // same length in bytes
    expect(alreadyInPlace(file("a", ""))).toBe(false);
    expect(alreadyInPlace(file("missing", "x"))).toBe(false);
  });

  it("is false for a link to identical bytes (the link is replaced, not followed), a folder or a FIFO", () => {
    writeFileSync(join(dir, "real"), "same");
    symlinkSync(join(dir, "real"), join(dir, "link"));
    expect(alreadyInPlace(file("link", "same"))).toBe(false);
    expect(alreadyInPlace(file(".", "same"))).toBe(false);
    execFileSync("mkfifo", [join(dir, "fifo")]);
    expect(alreadyInPlace(file("fifo", ""))).toBe(false); // returns at once: the open does not wait for a writer
  });

  it("is false when the mode asked for differs", () => {
    writeFileSync(join(dir, "a"), "x");
    chmodSync(join(dir, "a"), 0o600);
    expect(alreadyInPlace(file("a", "x", 0o600))).toBe(true);
    expect(alreadyInPlace(file("a", "x", 0o644))).toBe(false);
    expect(readFileSync(join(dir, "a"), "utf8")).toBe("x");
    expect(statSync(join(dir, "a")).mode & 0o777).toBe(0o600);
  });
});
