import { describe, expect, it } from "vitest";
import { canAnimate, canColour } from "./terminal.js";

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe("terminal abilities", () => {
  it.each([
    [tty, {}, true],
    [tty, { NO_COLOR: "" }, false],
    [pipe, {}, false],
  ])("colour on %j with %j → %s", (stream, env, expected) => {
    expect(canColour(stream, env)).toBe(expected);
  });

  it.each([
    [tty, { TERM: "xterm-256color" }, true],
    [tty, { CI: "true" }, false],
    [tty, { TERM: "dumb" }, false],
    [pipe, {}, false],
    [{ isTTY: true, columns: 0 }, {}, false],
    [{ isTTY: true, columns: 1 }, {}, false],
    [{ isTTY: true, columns: 80 }, {}, true],
  ])("animation on %j with %j → %s", (stream, env, expected) => {
    expect(canAnimate(stream, env)).toBe(expected);
  });
});
