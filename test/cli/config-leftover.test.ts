/**
 * An edit of the config whose kept copy of the previous file cannot be removed afterwards (issue 22,
 * messages): the leftover `.jcprofile.json.jcprofile-old-*` is named, with the command that removes
 * it. The removal fails through import's file-operations seam, for kept copies only.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { nodeFileOps, removeFile, type FileOps } from "../../src/files/file-ops.js";
import { runImport } from "../../src/import/run-import.js";
import { createOutput } from "../../src/output.js";
import { useTempDir } from "../folders.js";
import { foreignXml } from "../profiles/fixture-set.js";

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-config-leftover-" });

const denied: FileOps = {
  ...nodeFileOps,
  removeFile: (path) => {
    if (String(path).includes(".jcprofile-old-")) throw Object.assign(new Error("permission denied"), { code: "EACCES" });
    removeFile(path);
  },
};

describe("a kept copy that cannot be removed after a config edit", () => {
  it("is named with the command that removes it; the import itself succeeded", async () => {
    writeFileSync(join(dir, "jcprofile.json"), `${JSON.stringify({ organization: "Contoso", identifier: "com.contoso.jc", environments: { test: { tenant: TENANT, login: { clientId: CLIENT } } } }, null, 2)}\n`);
    writeFileSync(join(dir, "in.plist"), foreignXml({ OIDCProvider: "Azure", OIDCTenant: TENANT, OIDCClientID: CLIENT, DenyLocal: true }));
    let stderr = "";
    const ui = createOutput({ stdout: new Writable({ write: (_chunk, _encoding, done) => done() }), stderr: new Writable({ write: (chunk, _encoding, done) => ((stderr += String(chunk)), done()) }), env: { NO_COLOR: "1" } });
    const result = await runImport({ cwd: dir, files: ["in.plist"], env: "prod", domain: "login", yes: false, isTTY: false, ui, ops: denied });
    expect(result.problems, stderr).toEqual([]);
    const leftover = readdirSync(dir).find((name) => name.startsWith(".jcprofile.json.jcprofile-old-"));
    expect(leftover).toBeDefined();
    expect(stderr).toContain(`warning: written, but the copy of a replaced file kept during the write could not be removed: ${leftover} (EACCES) — remove it: rm '${leftover}'`);
  });
});
