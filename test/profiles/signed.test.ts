import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readProfile, ProfileReadError } from "../../src/profile/read-profile.js";
import { tempDir } from "../folders.js";
import { runCli } from "../run-cli.js";
import { createSigner, hasOpenssl } from "./openssl.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "profiles");
const available = hasOpenssl();
if (!available) console.warn("openssl not found: skipping the CMS-signed profile tests");

describe.skipIf(!available)("CMS-signed profiles (signed by a test CA with openssl)", () => {
  const { dir, cleanup } = tempDir("jcprofile-cms-");
  afterAll(cleanup);
  const signer = createSigner(dir);
  const source = readFileSync(join(FIXTURES, "jamf-pro-both-domains.mobileconfig"), "utf8");

  it.each(["der", "ber-stream", "pem"] as const)("reads the content of a %s signed profile and says the signature is not checked", (form) => {
    signer.sign(source, `signed-${form}.mobileconfig`, form);
    const bytes = readFileSync(join(dir, `signed-${form}.mobileconfig`));
    const model = readProfile(bytes, { fileName: "signed.mobileconfig" });
    expect(model.signed).toBe(true);
    expect(Buffer.from(model.content).toString("utf8")).toBe(source);
    expect(model.payloads.map((payload) => payload.domain)).toEqual(["com.jamf.connect.login", "com.jamf.connect"]);
    expect(model.notes.join("\n")).toContain("signature not checked");
  });

  it("refuses a detached signature and a truncated signed file by name", () => {
    signer.sign(source, "detached.p7s", "detached");
    const detached = readFileSync(join(dir, "detached.p7s"));
    expect(() => readProfile(detached, { fileName: "detached.p7s" })).toThrow(/detached.p7s: is a signed profile whose content is detached/);
    signer.sign(source, "whole.mobileconfig", "der");
    const cut = readFileSync(join(dir, "whole.mobileconfig")).subarray(0, 400);
    expect(() => readProfile(cut, { fileName: "cut.mobileconfig" })).toThrow(ProfileReadError);
    expect(() => readProfile(cut, { fileName: "cut.mobileconfig" })).toThrow(/truncated or damaged signed profile/);
  });

  it("lints a signed Jamf Pro download through the CLI", async () => {
    signer.sign(readFileSync(join(FIXTURES, "jamf-pro-mistakes.mobileconfig"), "utf8"), "signed-mistakes.mobileconfig", "der");
    const run = await runCli(["lint", "signed-mistakes.mobileconfig"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("signed-mistakes.mobileconfig: 8 errors, 2 warnings");
    expect(run.stdout).toContain("note: signed profile: content read, signature not checked");
  });
});
