import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PASSWORD, usePkiDir } from "../sign/pki.js";
import { runInPty } from "./init-pty.js";

let dir: string;
usePkiDir((made) => (dir = made), { example: true });

describe("jcprofile sign at a terminal", () => {
  it("asks for the PKCS#12 password masked and never shows it", async () => {
    const pty = runInPty(["sign", "--config", "contoso.jcprofile.json", "--env", "prod", "--identity", "legacy.p12"], {
      cwd: dir,
      env: { JCPROFILE_SIGNING_PASSWORD: undefined },
    });
    try {
      await pty.waitFor("Password for legacy.p12");
      await pty.type(PASSWORD, "enter");
      expect(await pty.exited, pty.screen()).toBe(0);
      expect(pty.screen()).toContain("*".repeat(PASSWORD.length));
      expect(pty.screen()).not.toContain(PASSWORD);
      expect(readdirSync(join(dir, "out/prod/signed")).sort()).toEqual(["jamf-connect-login.mobileconfig", "jamf-connect-menubar.mobileconfig"]);
    } finally {
      pty.kill();
    }
  });

  it("Ctrl-C at the prompt exits 130 with one line and writes nothing", async () => {
    const pty = runInPty(["sign", "--config", "contoso.jcprofile.json", "--env", "test", "--identity", "legacy.p12"], {
      cwd: dir,
      env: { JCPROFILE_SIGNING_PASSWORD: undefined },
    });
    try {
      await pty.waitFor("Password for legacy.p12");
      await pty.press("ctrlC");
      expect(await pty.exited).toBe(130);
      expect(pty.screen()).toContain("sign cancelled — nothing was written");
      expect(existsSync(join(dir, "out/test"))).toBe(false);
    } finally {
      pty.kill();
    }
  });
});
