import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PASSWORD, pkiTime, usePkiDir } from "../../test/sign/pki.js";
import { objectIdentifier, time } from "../asn1/der.js";
import { runSign } from "../sign/run-sign.js";
import { runVerify } from "./run-verify.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let dir: string;
usePkiDir((made) => (dir = made), { example: true });

describe("runSign and runVerify in-process", () => {
  it("signs without reading the password when nothing needs one, and verify reports expiry later in time", async () => {
    let asked = 0;
    const readPassword = async () => {
      asked += 1;
      return PASSWORD;
    };
    const result = await runSign({
      cwd: dir,
      config: "contoso.jcprofile.json",
      envs: ["prod"],
      identity: { kind: "pem", cert: "signer.pem", key: "signer-key.pem", chain: "intermediate.pem" },
      readPassword,
    });
    expect(asked).toBe(0);
    expect(result.files).toEqual(["out/prod/signed/jamf-connect-login.mobileconfig", "out/prod/signed/jamf-connect-menubar.mobileconfig"]);
    const files = result.files;
    const today = await runVerify({ cwd: dir, files, ca: "root.pem" });
    expect(today.map((verdict) => verdict.valid)).toEqual([true, true]);
    const later = await runVerify({ cwd: dir, files, ca: "root.pem", now: new Date(pkiTime().getTime() + 400 * DAY) });
    expect(later[0]).toMatchObject({ valid: false, signatureValid: true, trusted: true, timeValid: false });
    expect(later[0]!.problems).toEqual([{ severity: "error", path: [], code: "expired", message: expect.stringMatching(/Contoso Profile Signing.* expired on/) }]);
  });

  it("asks for the PKCS#12 password once and signs both environments with one signing time", async () => {
    let asked = 0;
    // One fixed signing time, from the clock the test certificates were made by (whole seconds, as CMS keeps it).
    const now = new Date(Math.floor(pkiTime().getTime() / 1000) * 1000 + HOUR);
    const result = await runSign({
      cwd: dir,
      config: "contoso.jcprofile.json",
      out: "again",
      identity: { kind: "pkcs12", identity: "legacy.p12" },
      readPassword: async () => ((asked += 1), PASSWORD),
      now,
    });
    expect(asked).toBe(1);
    expect(result.files).toHaveLength(4);
    const [verdict] = await runVerify({ cwd: dir, files: [result.files[0]!], ca: "root.pem", config: "contoso.jcprofile.json" });
    expect(verdict).toMatchObject({ signingTime: now.toISOString(), drift: { matches: true } });
    expect(readFileSync(join(dir, result.files[0]!))[0]).toBe(0x30);
  });
});

describe("DER pieces", () => {
  it.each([
    ["1.2.840.113549.1.7.2", "06092a864886f70d010702"],
    ["2.16.840.1.101.3.4.2.1", "0609608648016503040201"],
  ])("encodes the OID %s", (oid, hex) => expect(objectIdentifier(oid).toString("hex")).toBe(hex));

  it("writes UTCTime before 2050 and GeneralizedTime from 2050", () => {
    expect(time(new Date("2026-12-01T20:30:05Z")).toString("latin1")).toBe("\x17\x0d261201203005Z");
    expect(time(new Date("2050-01-01T00:00:00Z")).toString("latin1")).toBe("\x18\x0f20500101000000Z");
  });
});
