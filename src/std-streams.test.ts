import fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stdStream, writeFailure } from "./std-streams.js";

/** A stand-in for process.stdout that records what reaches it. */
function fakeStream(): { stream: NodeJS.WriteStream; chunks: string[]; made: () => NodeJS.WriteStream; count: () => number } {
  const chunks: string[] = [];
  let made = 0;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  return { stream, chunks, made: () => (made++, stream), count: () => made };
}

let cleanup = () => {};
afterEach(() => {
  vi.restoreAllMocks();
  cleanup();
});

/** A file's descriptor (a file stands for the pipe: neither is a character device). */
function openFile(): { fd: number; read: () => string } {
  const dir = fs.mkdtempSync(join(tmpdir(), "jcprofile-std-"));
  const path = join(dir, "out");
  const fd = fs.openSync(path, "w");
  cleanup = () => {
    fs.closeSync(fd);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { fd, read: () => fs.readFileSync(path, "utf8") };
}

describe("stdStream", () => {
  it("writes to a file or pipe directly, in order, without making Node's stream", async () => {
    const { fd, read } = openFile();
    const fake = fakeStream();
    const out = stdStream(fd, fake.made);
    out.write("one\n");
    await new Promise<void>((resolve) => out.write("two ☃\n", () => resolve()));
    expect(read()).toBe("one\ntwo ☃\n");
    expect(out.isTTY).toBe(false);
    expect(fake.count()).toBe(0);
  });

  it("hands over to Node's stream for anything but write, and writes through it from then on", () => {
    const { fd, read } = openFile();
    const fake = fakeStream();
    const out = stdStream(fd, fake.made);
    out.write("before\n");
    out.on("finish", () => undefined);
    out.write("after\n");
    expect(fake.count()).toBe(1);
    expect(read()).toBe("before\n");
    expect(fake.chunks).toEqual(["after\n"]);
  });

  it("on EAGAIN (a non-blocking pipe), sends what was not written through Node's stream", () => {
    const { fd, read } = openFile();
    const fake = fakeStream();
    const real = fs.writeSync;
    let calls = 0;
    vi.spyOn(fs, "writeSync").mockImplementation(((target: number, buffer: Uint8Array, offset: number) => {
      calls++;
      if (calls === 1) return real(target, buffer, offset, 3);
      throw Object.assign(new Error("EAGAIN: resource temporarily unavailable, write"), { code: "EAGAIN" });
    }) as typeof fs.writeSync);
    const out = stdStream(fd, fake.made);
    out.write("abcdef\n");
    out.write("next\n");
    expect(read()).toBe("abc");
    expect(fake.chunks).toEqual(["def\n", "next\n"]);
  });

  it("on another failure (ENOSPC), drops the rest without throwing and keeps the failure for bin.ts", () => {
    const { fd, read } = openFile();
    const fake = fakeStream();
    vi.spyOn(fs, "writeSync").mockImplementation(() => {
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    });
    const out = stdStream(fd, fake.made);
    expect(() => out.write("lost\n")).not.toThrow();
    expect(writeFailure(fd)?.code).toBe("ENOSPC");
    expect(read()).toBe("");
  });

  it("drops what follows when the reader has gone (EPIPE), without an error", async () => {
    const { fd, read } = openFile();
    const fake = fakeStream();
    vi.spyOn(fs, "writeSync").mockImplementation(() => {
      throw Object.assign(new Error("EPIPE: broken pipe, write"), { code: "EPIPE" });
    });
    const out = stdStream(fd, fake.made);
    out.write("lost\n");
    await new Promise<void>((resolve) => out.write("also lost\n", () => resolve()));
    expect((out as unknown as { destroyed: boolean }).destroyed).toBe(true);
    expect(read()).toBe("");
    expect(fake.count()).toBe(0);
  });

  it("is Node's stream itself for a terminal or another character device", () => {
    const fd = fs.openSync("/dev/null", "w");
    cleanup = () => fs.closeSync(fd);
    const fake = fakeStream();
    expect(stdStream(fd, fake.made)).toBe(fake.stream);
  });
});
