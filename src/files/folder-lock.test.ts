import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../errors.js";
import { lockFolder, LOCK_NAME } from "./folder-lock.js";
import { deadPid } from "../../test/dead-pid.js";

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "jcprofile-lock-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("lockFolder", () => {
  it("holds the folder with its pid and removes the lock, and the folders it made, on release", async () => {
    const out = join(dir, "out", "deeper");
    const lock = await lockFolder(out, { displayPath: "out/deeper" });
    expect(readFileSync(join(out, LOCK_NAME), "utf8")).toBe(`${process.pid} ${hostname()}\n`);
    lock.release();
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("refuses while another live writer holds it, naming the lock and the way out", async () => {
    const first = await lockFolder(dir, { displayPath: "out" });
    const error = await lockFolder(dir, { displayPath: "out", waitMs: 100, pollMs: 10 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      `out: another jcprofile (pid ${process.pid}) is writing to this folder — run again when it has finished; if no jcprofile is running, remove out/${LOCK_NAME}`,
    );
    first.release();
    expect(existsSync(join(dir, LOCK_NAME))).toBe(false);
  });

  it("waits for a live writer that finishes", async () => {
    const first = await lockFolder(dir, { displayPath: "out" });
    setTimeout(() => first.release(), 100);
    const second = await lockFolder(dir, { displayPath: "out", waitMs: 5_000, pollMs: 10 });
    expect(second.tookOverFrom).toBeUndefined();
    second.release();
  });

  it("takes over the lock of a writer that no longer runs", async () => {
    const pid = deadPid();
    writeFileSync(join(dir, LOCK_NAME), `${pid} ${hostname()}\n`);
    const lock = await lockFolder(dir, { displayPath: "out", waitMs: 0 });
    expect(lock.tookOverFrom).toBe(pid);
    expect(readFileSync(join(dir, LOCK_NAME), "utf8")).toBe(`${process.pid} ${hostname()}\n`);
    lock.release();
  });

  it("never judges the lock of another host stale (a shared volume)", async () => {
    writeFileSync(join(dir, LOCK_NAME), `${deadPid()} another-mac.local\n`);
    const error = await lockFolder(dir, { displayPath: "out", waitMs: 0 }).catch((caught: unknown) => caught);
    expect((error as UserError).message).toMatch(/^out: another jcprofile \(pid \d+ on another-mac\.local\) is writing to this folder/);
  });
});
