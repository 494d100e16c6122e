import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createOutput } from "./output.js";

function terminal(options: { isTTY: boolean; columns?: number }) {
  const sink = { text: "" };
  const stream = Object.assign(
    new Writable({ write: (chunk, _encoding, done) => ((sink.text += String(chunk)), done()) }),
    options,
  );
  return { sink, stream };
}

describe("createOutput", () => {
  it("puts people's lines on stderr and data on stdout, without colour off a terminal", () => {
    const out = terminal({ isTTY: false });
    const err = terminal({ isTTY: false });
    const output = createOutput({ stdout: out.stream, stderr: err.stream, env: {} });
    output.info("hello");
    output.warn("careful");
    output.error("broken");
    output.detail("because");
    output.data("out/prod/a.mobileconfig");
    expect(err.sink.text).toBe("hello\nwarning: careful\nerror: broken\n  because\n");
    expect(out.sink.text).toBe("out/prod/a.mobileconfig\n");
  });

  it("colours at a terminal unless NO_COLOR is set", () => {
    const err = terminal({ isTTY: true, columns: 80 });
    expect(createOutput({ stdout: err.stream, stderr: err.stream, env: {} }).paint("red", "x")).not.toBe("x");
    expect(createOutput({ stdout: err.stream, stderr: err.stream, env: { NO_COLOR: "" } }).paint("red", "x")).toBe("x");
  });

  it.each([
    ["not a terminal", { isTTY: false }, {}],
    ["CI", { isTTY: true, columns: 80 }, { CI: "true" }],
    ["a terminal 0 columns wide", { isTTY: true, columns: 0 }, {}],
    ["a terminal 1 column wide", { isTTY: true, columns: 1 }, {}],
  ])("on %s the spinner prints only its result line", async (_name, shape, env) => {
    const err = terminal(shape);
    const spinner = await createOutput({ stdout: err.stream, stderr: err.stream, env: { NO_COLOR: "1", ...env } }).startSpinner("checking…");
    spinner.update("still checking…");
    spinner.stop("pass", "tenant: fine");
    spinner.clear();
    expect(err.sink.text).toBe("✔ tenant: fine\n");
  });
});
