import { PassThrough, Readable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";

const prompt = vi.hoisted(() => vi.fn());
vi.mock("@inquirer/prompts", () => ({ password: prompt }));

const { readProbePassword } = await import("./probe-password.js");

const USER = "adele@contoso.com";
const tty = () => Object.assign(Readable.from([]), { isTTY: true });
const piped = (text: string) => Readable.from([Buffer.from(text)]);
const source = (extra: Partial<Parameters<typeof readProbePassword>[0]>) => ({
  username: USER, passwordStdin: false, env: {}, stdin: piped(""), promptOutput: new PassThrough(), ...extra,
});

afterEach(() => {
  prompt.mockReset();
  vi.restoreAllMocks();
});

describe("readProbePassword", () => {
  it("reads stdin to the end and strips exactly one trailing newline", async () => {
    expect(await readProbePassword(source({ passwordStdin: true, stdin: piped("pw-1\r\n") }))).toBe("pw-1");
    expect(await readProbePassword(source({ passwordStdin: true, stdin: piped("pw-2\n\n") }))).toBe("pw-2\n");
  });

  it("prefers --password-stdin over JCPROFILE_PASSWORD, and the variable over a prompt", async () => {
    expect(await readProbePassword(source({ passwordStdin: true, stdin: piped("from-stdin"), env: { JCPROFILE_PASSWORD: "from-env" } }))).toBe("from-stdin");
    expect(await readProbePassword(source({ stdin: tty(), env: { JCPROFILE_PASSWORD: "from-env" } }))).toBe("from-env");
    expect(prompt).not.toHaveBeenCalled();
  });

  it("asks with a masked prompt on stderr when stdin is a terminal", async () => {
    prompt.mockResolvedValue("typed");
    const promptOutput = new PassThrough();
    expect(await readProbePassword(source({ stdin: tty(), promptOutput }))).toBe("typed");
    expect(prompt).toHaveBeenCalledWith(
      { message: `Password for ${USER}`, mask: "*", toggleMask: false },
      expect.objectContaining({ output: promptOutput }),
    );
  });

  it("turns Ctrl-C at the prompt into exit code 130", async () => {
    prompt.mockRejectedValue(Object.assign(new Error("User force closed the prompt"), { name: "ExitPromptError" }));
    await expect(readProbePassword(source({ stdin: tty() }))).rejects.toMatchObject({
      name: "UserError",
      exitCode: 130,
      message: "probe cancelled — no password was sent",
    });
  });

  it("refuses to guess when there is no source and no terminal", async () => {
    await expect(readProbePassword(source({}))).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining("--password-stdin") });
  });

  it("warns about surrounding whitespace without echoing the password", async () => {
    const warn = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(await readProbePassword(source({ env: { JCPROFILE_PASSWORD: " spaced-Secret " } }))).toBe(" spaced-Secret ");
    const written = warn.mock.calls.map((call) => String(call[0])).join("");
    expect(written).toContain("whitespace");
    expect(written).not.toContain("spaced-Secret");
  });
});
