import { describe, expect, it } from "vitest";
import { isUserError } from "../errors.js";
import { EXAMPLE_CONFIG, useTempDir } from "../../test/folders.js";
import { runSignin, type SigninOptions } from "./run-signin.js";

let dir: string;
useTempDir((made) => (dir = made), { prefix: "jcprofile-run-signin-", example: true });

const PROD_CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";

function options(extra: Partial<SigninOptions> = {}): SigninOptions & { connected: () => number } {
  let connects = 0;
  return {
    cwd: dir,
    config: EXAMPLE_CONFIG,
    env: "prod",
    warn: () => undefined,
    askForAddress: async () => "Sorry, but we're having trouble signing you in. AADSTS50105: Your administrator has configured the application…",
    connect: async () => {
      connects++;
      throw new Error("no code to redeem: the network is never needed");
    },
    connected: () => connects,
    ...extra,
  };
}

describe("runSignin", () => {
  it("asks with the profile's sign-in app and authorize URL, and explains a refusal on the error page without redeeming", async () => {
    const asked: string[] = [];
    const run = options({
      username: "adele.vance@contoso.com",
      askForAddress: async (settings, authorizeUrl) => {
        asked.push(settings.clientId, new URL(authorizeUrl).searchParams.get("login_hint") ?? "");
        return "Sorry, but we're having trouble signing you in. AADSTS50105: Your administrator has configured the application…";
      },
    });
    const result = await runSignin(run);
    expect(asked).toEqual([PROD_CLIENT, "adele.vance@contoso.com"]);
    expect(result).toMatchObject({ kind: "refused", where: "error page", refusal: { aadsts: 50105 } });
    expect(run.connected()).toBe(0);
  });

  it("needs --env when the config has several environments, before anything is asked", async () => {
    const run = options({ askForAddress: async () => expect.unreachable("asked") });
    delete run.env;
    const error = await runSignin(run).catch((caught: unknown) => caught);
    expect(isUserError(error) && error.message).toMatch(/has 2 environments \(test, prod\): choose the one to sign in to with --env NAME$/);
  });
});
