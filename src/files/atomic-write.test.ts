import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../errors.js";
import { writeFilesAtomically } from "./atomic-write.js";
import type { FileToWrite } from "./file-to-write.js";
import { nodeFileOps, type FileOps } from "./file-ops.js";

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "jcprofile-atomic-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const names = ["a.mobileconfig", "b.mobileconfig", "c.mobileconfig"];
const files = (text: string): FileToWrite[] => names.map((name) => ({ path: join(dir, name), displayPath: name, text: `${text} ${name}` }));
const contents = () => Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), "utf8")]));
const fault = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

/** The real calls, except that renaming onto `target` fails with `code`. */
function failingRename(target: string, code: string): FileOps {
  return {
    ...nodeFileOps,
    renameSync: (from, to) => {
      if (String(to).endsWith(target)) throw fault(code);
      nodeFileOps.renameSync(from, to);
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe("writeFilesAtomically", () => {
  it("writes every file and leaves no helper file", async () => {
    await writeFilesAtomically(files("old"));
    await writeFilesAtomically(files("new"));
    expect(contents()).toEqual({ "a.mobileconfig": "new a.mobileconfig", "b.mobileconfig": "new b.mobileconfig", "c.mobileconfig": "new c.mobileconfig" });
  });

  it.each(["EPERM", "EACCES", "EXDEV", "EBUSY"])("a rename failing with %s puts back every file already replaced", async (code) => {
    await writeFilesAtomically(files("old"));
    const before = contents();
    const error = await failure(writeFilesAtomically(files("new"), { ops: failingRename("c.mobileconfig", code) }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(new RegExp(`^c\\.mobileconfig: cannot be replaced \\(${code}\\) — nothing was changed; .*\\(the 2 files already replaced were put back\\)$`));
    expect(error.message).not.toContain("\n");
    expect(contents()).toEqual(before);
  });

  it("a file that did not exist before is removed again", async () => {
    writeFileSync(join(dir, "a.mobileconfig"), "old a");
    await failure(writeFilesAtomically(files("new"), { ops: failingRename("c.mobileconfig", "EPERM") }));
    expect(contents()).toEqual({ "a.mobileconfig": "old a" });
  });

  it("a full disk while writing a temp file: its half-written temp file goes too", async () => {
    await writeFilesAtomically(files("old"));
    const before = contents();
    const ops: FileOps = {
      ...nodeFileOps,
      writeFileSync: (path, data, options) => {
        if (String(path).includes(".b.mobileconfig.jcprofile-tmp-")) {
          nodeFileOps.writeFileSync(path, "half", options);
          throw fault("ENOSPC");
        }
        nodeFileOps.writeFileSync(path, data, options);
      },
    };
    const error = await failure(writeFilesAtomically(files("new"), { ops }));
    expect(error.message).toBe("b.mobileconfig: cannot be written (ENOSPC) — the disk is full (or over quota) — free some space and run again");
    expect(contents()).toEqual(before);
  });

  it("keeps a copy when the volume has no hard links, and still puts files back", async () => {
    await writeFilesAtomically(files("old"));
    const before = contents();
    const ops: FileOps = { ...failingRename("c.mobileconfig", "EXDEV"), linkSync: () => { throw fault("ENOTSUP"); } };
    await failure(writeFilesAtomically(files("new"), { ops }));
    expect(contents()).toEqual(before);
  });

  it("a signal during the rename phase: everything is put back, then the signal is raised again", async () => {
    await writeFilesAtomically(files("old"));
    const before = contents();
    const raised: string[] = [];
    const ops: FileOps = {
      ...nodeFileOps,
      renameSync: (from, to) => {
        nodeFileOps.renameSync(from, to);
        // As if the admin pressed Ctrl-C right after the second file was replaced.
        if (String(to).endsWith("b.mobileconfig")) process.emit("SIGINT", "SIGINT");
      },
    };
    const error = await failure(writeFilesAtomically(files("new"), { ops, signals: { raise: (signal) => raised.push(signal) } }));
    expect(error.exitCode).toBe(130);
    expect(error.message).toBe("interrupted (SIGINT): nothing was changed (the 2 files already replaced were put back)");
    expect(raised).toEqual(["SIGINT"]);
    expect(contents()).toEqual(before);
    expect(process.listenerCount("SIGINT")).toBe(0);
  });

  it("gives the new file the mode it is asked for", async () => {
    await writeFilesAtomically([{ path: join(dir, "config.json"), displayPath: "config.json", text: "{}", mode: 0o640 }]);
    expect(statSync(join(dir, "config.json")).mode & 0o777).toBe(0o640);
  });

  it("writes bytes as they are", async () => {
    const bytes = Uint8Array.from([0x30, 0x82, 0x00, 0xff]);
    await writeFilesAtomically([{ path: join(dir, "signed.mobileconfig"), displayPath: "signed.mobileconfig", bytes }]);
    expect([...readFileSync(join(dir, "signed.mobileconfig"))]).toEqual([...bytes]);
  });
});
