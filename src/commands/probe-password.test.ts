import { Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { interrupted, type Prompter } from "../prompt/prompter.js";
import { readProbePassword, type PasswordSource } from "./probe-password.js";

const USER = "adele@contoso.com";
const tty = () => Object.assign(Readable.from([]), { isTTY: true });
const piped = (text: string) => Readable.from([Buffer.from(text)]);

/** A prompter whose password prompt answers with `answer` (or fails with it) and records the question. */
function fakePrompter(answer: () => Promise<string>) {
  const asked: string[] = [];
  const prompter = {
    password: async ({ message }: { message: string }) => {
      asked.push(message);
      return answer();
    },
  } as unknown as Prompter;
  return { asked, make: vi.fn(async () => prompter) };
}

const source = (extra: Partial<PasswordSource> = {}): PasswordSource => ({
  username: USER,
  passwordStdin: false,
  env: {},
  stdin: piped(""),
  prompter: fakePrompter(async () => "unused").make,
  output: { warn: () => undefined },
  ...extra,
});

describe("readProbePassword", () => {
  it("reads stdin to the end and strips exactly one trailing newline", async () => {
    expect(await readProbePassword(source({ passwordStdin: true, stdin: piped("pw-1\r\n") }))).toBe("pw-1");
    expect(await readProbePassword(source({ passwordStdin: true, stdin: piped("pw-2\n\n") }))).toBe("pw-2\n");
  });

  it("prefers --password-stdin over JCPROFILE_PASSWORD, and the variable over a prompt", async () => {
    const prompt = fakePrompter(async () => "typed");
    expect(await readProbePassword(source({ passwordStdin: true, stdin: piped("from-stdin"), env: { JCPROFILE_PASSWORD: "from-env" } }))).toBe("from-stdin");
    expect(await readProbePassword(source({ stdin: tty(), env: { JCPROFILE_PASSWORD: "from-env" }, prompter: prompt.make }))).toBe("from-env");
    expect(prompt.make).not.toHaveBeenCalled();
  });

  it("asks through the prompter when stdin is a terminal", async () => {
    const prompt = fakePrompter(async () => "typed");
    expect(await readProbePassword(source({ stdin: tty(), prompter: prompt.make }))).toBe("typed");
    expect(prompt.asked).toEqual([`Password for ${USER}`]);
  });

  it("passes the prompter's cancel (exit 130) through", async () => {
    const prompt = fakePrompter(async () => {
      throw interrupted("probe cancelled — no password was sent");
    });
    await expect(readProbePassword(source({ stdin: tty(), prompter: prompt.make }))).rejects.toMatchObject({
      name: "UserError",
      exitCode: 130,
      message: "probe cancelled — no password was sent",
    });
  });

  it("refuses to guess when there is no source and no terminal", async () => {
    await expect(readProbePassword(source())).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining("--password-stdin") });
  });

  it("warns about surrounding whitespace without echoing the password", async () => {
    const warnings: string[] = [];
    const output = { warn: (message: string) => void warnings.push(message) };
    expect(await readProbePassword(source({ env: { JCPROFILE_PASSWORD: " spaced-Secret " }, output }))).toBe(" spaced-Secret ");
    expect(warnings.join("\n")).toContain("whitespace");
    expect(warnings.join("\n")).not.toContain("spaced-Secret");
  });
});
