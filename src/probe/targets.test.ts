import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { resolveEnvironment, type ResolvedEnvironment } from "../config/resolve.js";
import type { ConfigFile, EnvironmentInput } from "../config/schema.js";
import { PROFILE_KIND_NAMES, PROFILE_KINDS } from "../profile/domains.js";
import { renderPreferences } from "../render/preferences.js";
import type { RenderedPayload } from "../render/profile.js";
import { environmentTargets as targetsOf, type TargetChoice } from "./targets.js";

const TENANT = "9b1f3c2e-5d4a-4c8b-9e7f-1a2b3c4d5e6f";
const CLIENT = "7d2e9a41-3c5b-4f86-a1d0-8e6b2f4c9a37";
const ROPG = "4f8e2a1b-7c3d-4e5f-a6b7-c8d9e0f1a2b3";
const MENU_ROPG = "2a6b8c0d-3e4f-4a5b-9c6d-7e8f9a0b1c2d";
const API = "e5a8c3f1-9b2d-4e7a-8c6f-3d1b5a9e7c20";
const CUSTOM = [`api://${API}/jamfconnect`, "openid", "email", "profile"];

function environment(extra: EnvironmentInput = {}): ResolvedEnvironment {
  const config: ConfigFile = {
    organization: "Contoso",
    identifier: "com.contoso.jamfconnect",
    environments: { prod: { tenant: TENANT, login: { clientId: CLIENT }, ...extra } },
  };
  const { environment: resolved, problems } = resolveEnvironment(config, "prod", { configDir: tmpdir(), licenses: new Map() });
  expect(problems.filter((problem) => problem.severity === "error")).toEqual([]);
  return resolved!;
}

/**
 * The payloads the environment renders, checks aside: a client secret in settings stops build,
 * but its note is still proven here.
 */
function environmentTargets(env: ResolvedEnvironment, choice: TargetChoice) {
  const payloads: RenderedPayload[] = PROFILE_KIND_NAMES.map((kind) => ({ part: kind, domain: PROFILE_KINDS[kind].domain, preferences: renderPreferences(env, kind).preferences }));
  return targetsOf(env, payloads, choice);
}

const pick = (env: ResolvedEnvironment) => environmentTargets(env, "all").map(({ name, tenant, clientId, scopes, scopeSource, successCodes }) => ({
  name, tenant, clientId, scopes, scopeSource, successCodes,
}));

describe("environmentTargets", () => {
  it("reads Jamf's default scopes when no scope key is written", () => {
    expect(pick(environment())).toEqual([
      { name: "login", tenant: TENANT, clientId: CLIENT, scopes: ["openid", "profile", "email"], scopeSource: "default (openid profile email)", successCodes: [] },
      { name: "menubar", tenant: TENANT, clientId: CLIENT, scopes: ["openid", "profile", "email"], scopeSource: "default (openid profile email)", successCodes: [] },
    ]);
  });

  it("splits the custom scope of conditionalAccess custom-scope on +", () => {
    const [login, menubar] = pick(environment({ conditionalAccess: { mode: "custom-scope", apiAppId: API } }));
    expect(login).toMatchObject({ scopes: CUSTOM, scopeSource: "ROPGScopes" });
    expect(menubar).toMatchObject({ scopes: CUSTOM, scopeSource: expect.stringMatching(/^IdPSettings\.ROPGScopes .*UNVERIFIED/) });
  });

  it("probes a scope typo exactly as the profile carries it", () => {
    const env = environment({ conditionalAccess: { mode: "custom-scope", apiAppId: API, loginRopgScopes: `api://${API}/jamfconect+openid` } });
    const [login, menubar] = pick(env);
    expect(login?.scopes).toEqual([`api://${API}/jamfconect`, "openid"]);
    expect(menubar?.scopes).toEqual(CUSTOM);
  });

  it("falls back to OIDCScopes for the login window when ROPGScopes is absent", () => {
    const [login, menubar] = pick(environment({ conditionalAccess: { oidcScopes: "openid+profile+email+offline_access" } }));
    expect(login).toMatchObject({ scopes: ["openid", "profile", "email", "offline_access"], scopeSource: expect.stringMatching(/^OIDCScopes/) });
    expect(menubar?.scopes).toEqual(["openid", "profile", "email"]);
  });

  it("takes the ROPG client IDs and the success codes of each domain", () => {
    const env = environment({
      login: { clientId: CLIENT, ropgClientId: ROPG, settings: { ROPGSuccessCodes: ["50076", "53003"] } },
      menubar: { ropgClientId: MENU_ROPG, settings: { IdPSettings: { SuccessCodes: ["50158"] } } },
    });
    const [login, menubar] = environmentTargets(env, "all");
    expect(login).toMatchObject({ clientId: ROPG, role: "OIDCROPGID", checksPassword: true, successCodes: ["50076", "53003"] });
    expect(menubar).toMatchObject({ clientId: MENU_ROPG, role: "ROPGID", checksPassword: true, successCodes: ["50158"] });
  });

  it("adds an app check for the login window's sign-in client (OIDCClientID) when it is another app", () => {
    const separate = environmentTargets(environment({ login: { clientId: CLIENT, ropgClientId: ROPG } }), "all");
    expect(separate.map((target) => `${target.name} ${target.role} ${target.clientId}`)).toEqual([
      `login OIDCROPGID ${ROPG}`, `menubar ROPGID ${ROPG}`, `login OIDCClientID ${CLIENT}`,
    ]);
    expect(separate[2]).toMatchObject({ checksPassword: false, scopes: ["openid", "profile", "email"], successCodes: [] });
    expect(environmentTargets(environment({ login: { clientId: CLIENT, ropgClientId: ROPG } }), "menubar").map((target) => target.role)).toEqual(["ROPGID"]);
    // One app for both: one row, as before.
    expect(environmentTargets(environment({ login: { clientId: CLIENT } }), "all").map((target) => target.role)).toEqual(["OIDCROPGID", "ROPGID"]);
  });

  it("notes a client secret that Jamf would send and the probe does not", () => {
    const [login, menubar] = environmentTargets(environment({ login: { clientId: CLIENT, settings: { ROPGClientSecret: "s3cret" } } }), "all");
    expect(login?.notes).toEqual([expect.stringContaining("client secret")]);
    expect(menubar?.notes).toEqual([]);
    expect(JSON.stringify(login)).not.toContain("s3cret");
  });

  it("keeps the authority host of the environment and honours the target choice", () => {
    const env = environment({ authorityHost: "https://127.0.0.1:8443/" });
    expect(environmentTargets(env, "menubar").map((target) => [target.name, target.authorityHost])).toEqual([["menubar", "https://127.0.0.1:8443"]]);
    expect(environmentTargets(env, "login").map((target) => target.name)).toEqual(["login"]);
  });
});

describe("expected cloud instance", () => {
  it("comes from the environment's cloud, and is left out for china (UNVERIFIED value)", () => {
    expect(environmentTargets(environment(), "login")[0]?.expectedCloudInstance).toBe("microsoftonline.com");
    expect(environmentTargets(environment({ cloud: "usgov", authorityHost: "https://login.microsoftonline.us" }), "all").map((t) => t.expectedCloudInstance))
      .toEqual(["microsoftonline.us", "microsoftonline.us"]);
    expect(environmentTargets(environment({ cloud: "china", authorityHost: "https://login.chinacloudapi.cn" }), "login")[0]).not.toHaveProperty("expectedCloudInstance");
  });
});
