import { execFileSync } from "node:child_process";
import { chmodSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../../test/folders.js";
import { probeTarget } from "./target-state.js";

let dir: string;
useTempDir((made) => (dir = made));

const file = (name: string, text: string, mode?: number) => ({ path: join(dir, name), displayPath: name, text, ...(mode !== undefined && { mode }) });

describe("probeTarget", () => {
  it("is same only for a regular file with exactly these bytes", () => {
    writeFileSync(join(dir, "a"), "<plist>é</plist>");
    expect(probeTarget(file("a", "<plist>é</plist>"))).toBe("same");
    expect(probeTarget({ path: join(dir, "a"), displayPath: "a", bytes: Buffer.from("<plist>é</plist>") })).toBe("same");
    expect(probeTarget(file("a", "<plist>e</plist>"))).toBe("other"); // same length in characters, not in bytes
    expect(probeTarget(file("a", "<plist>è</plist>"))).toBe("other"); // same length in bytes
    expect(probeTarget(file("a", ""))).toBe("other");
    expect(probeTarget(file("missing", "x"))).toBe("absent");
  });

  it("tells a link to identical bytes (replaced, not followed), a folder, a link to one and a FIFO apart", () => {
    writeFileSync(join(dir, "real"), "same");
    symlinkSync(join(dir, "real"), join(dir, "link"));
    expect(probeTarget(file("link", "same"))).toBe("other");
    expect(probeTarget(file(".", "same"))).toBe("folder");
    symlinkSync(dir, join(dir, "folder-link"));
    expect(probeTarget(file("folder-link", "same"))).toBe("folder");
    execFileSync("mkfifo", [join(dir, "fifo")]);
    expect(probeTarget(file("fifo", ""))).toBe("other"); // returns at once: the open does not wait for a writer
  });

  it("is other when the mode asked for differs", () => {
    writeFileSync(join(dir, "a"), "x");
    chmodSync(join(dir, "a"), 0o600);
    expect(probeTarget(file("a", "x", 0o600))).toBe("same");
    expect(probeTarget(file("a", "x", 0o644))).toBe("other");
    expect(readFileSync(join(dir, "a"), "utf8")).toBe("x");
    expect(statSync(join(dir, "a")).mode & 0o777).toBe(0o600);
  });
});
