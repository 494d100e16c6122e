import { describe, expect, it } from "vitest";
import { comparePreferences } from "./compare.js";

describe("comparePreferences", () => {
  it("names a changed secret-named key without showing either value", () => {
    const { changed } = comparePreferences({ OIDCClientSecret: "from-the-source", ROPGTenant: "a" }, { OIDCClientSecret: "built", ROPGTenant: "b" });
    expect(changed).toEqual([
      { path: "OIDCClientSecret", source: "<secret, not shown>", rendered: "<secret, not shown>" },
      { path: "ROPGTenant", source: '"a"', rendered: '"b"' },
    ]);
  });
});
