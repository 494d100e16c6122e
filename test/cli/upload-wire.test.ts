/**
 * `jcprofile upload` against a double that behaves as the public sources say Jamf Pro does on the
 * wire (issue 18, item 1): `<payloads>` decoded once more than XML says (PI-827), string values
 * trimmed, names and identifiers re-derived, keys injected, payloads of other types than custom
 * settings stored verbatim, the current token path first, tokens that stop working between writes.
 */
import { describe, expect, it } from "vitest";
import type { PlistValue } from "plist";
import { escape } from "../jamfpro/classic-xml.js";
import type { JamfProDouble } from "../jamfpro/server.js";
import { readStoredPlist } from "../jamfpro/stored-plist.js";
import { CLIENTS } from "../jamfpro/world.js";
import { editConfig, upload, uploadJson, useUploadWorld } from "../jamfpro/upload-cli.js";

const LOGIN_PROD = "Jamf Connect Login (prod)";

let jamf: JamfProDouble;
let dir: string;
let config: string;
useUploadWorld("jcprofile-upload-wire-", (world) => ({ jamf, dir, config } = world));

type Dict = Record<string, PlistValue>;

/** The login settings and the top level of a stored profile, as a Mac would get them. */
function stored(name: string): { top: Dict; settings: Dict } {
  const profile = jamf.world.profiles.find((item) => item.name === name)!;
  const top = readStoredPlist(profile.payloads) as Dict;
  const payload = (top["PayloadContent"] as Dict[])[0]!;
  const forced = ((payload["PayloadContent"] as Dict)["com.jamf.connect.login"] as Dict)["Forced"] as Dict[];
  return { top, settings: forced[0]!["mcx_preference_settings"] as Dict };
}

const loginSettings = (c: { environments: Record<string, Record<string, unknown>> }, env = "prod") =>
  (c.environments[env]!["login"] as { settings: Record<string, unknown> }).settings;

/** A body in the wire form upload used before issue 18: the plist as escaped text. */
function textFormBody(plist: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><os_x_configuration_profile><general><name>Text form</name><payloads>${escape(plist)}</payloads></general></os_x_configuration_profile>`;
}

describe("Jamf Pro's wire behaviour", () => {
  it("values with &, < and \" arrive byte-exact; a second run sends no write", async () => {
    const message = 'R&D <Mac> fleet: "sign in" & more';
    editConfig(config, (c) => {
      (c as unknown as Record<string, unknown>)["organization"] = "Contoso R&D";
      loginSettings(c)["LoginWindowMessage"] = message;
      loginSettings(c)["HelpURL"] = "https://help.contoso.com/?a=1&b=2";
    });
    const first = await upload(dir, config, ["--env", "prod"]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const login = stored(LOGIN_PROD);
    expect(login.settings["LoginWindowMessage"]).toBe(message);
    expect(login.settings["HelpURL"]).toBe("https://help.contoso.com/?a=1&b=2");
    expect(login.top["PayloadOrganization"]).toBe("Contoso R&D");
    const writes = jamf.writes().length;
    const second = await uploadJson(dir, config, ["--env", "prod"]);
    expect(second.results.map((result) => result.action)).toEqual(["unchanged", "unchanged"]);
    expect(jamf.writes()).toHaveLength(writes);
  });

  it("the double refuses the old text form with 409 as Jamf Pro does, and takes the CDATA form", async () => {
    const plist = '<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict><key>PayloadOrganization</key><string>R&amp;D</string></dict></plist>';
    const token = (await (await fetch(`${jamf.url}/api/v1/oauth/token`, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: CLIENTS.full.clientId, client_secret: CLIENTS.full.secret }),
    }).then((answer) => answer.json())) as { access_token: string }).access_token;
    const post = (body: string) =>
      fetch(`${jamf.url}/JSSResource/osxconfigurationprofiles/id/0`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/xml" }, body });
    const text = await post(textFormBody(plist));
    expect(text.status).toBe(409);
    expect(await text.text()).toContain("Unable to update the database");
    const cdata = await post(textFormBody("").replace("<payloads></payloads>", `<payloads><![CDATA[${plist.replaceAll("&", "&amp;")}]]></payloads>`));
    expect(cdata.status).toBe(201);
    expect(readStoredPlist(jamf.world.profiles[0]!.payloads)["PayloadOrganization"]).toBe("R&D");
  });

  it("a value with spaces at its ends: a warning naming the key, stored trimmed, and no write the second time", async () => {
    editConfig(config, (c) => (loginSettings(c)["LoginWindowMessage"] = "  Welcome to Contoso "));
    const first = await upload(dir, config, ["--env", "prod"]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("warning: prod: com.jamf.connect.login.LoginWindowMessage starts or ends with spaces — Jamf Pro trims them");
    expect(stored(LOGIN_PROD).settings["LoginWindowMessage"]).toBe("Welcome to Contoso");
    const writes = jamf.writes().length;
    const second = await uploadJson(dir, config, ["--env", "prod"]);
    expect(second.results.map((result) => result.action)).toEqual(["unchanged", "unchanged"]);
    expect(jamf.writes()).toHaveLength(writes);
  });

  it('payloadStyle "domain" with & or < in a value: exit 2 naming the key and the fix, before any request', async () => {
    editConfig(config, (c) => ((c.environments["test"]!["login"] as Record<string, unknown>)["settings"] = { HelpURL: "https://help.contoso.com/?a=1&b=2" }));
    const run = await upload(dir, config);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('profile.payloadStyle "domain"');
    expect(run.stderr).toContain('set "payloadStyle": "mcx"');
    expect(run.stderr).toContain('test: com.jamf.connect.login.HelpURL ("&" arrives as "&amp;")');
    expect(jamf.requests).toEqual([]);
  });

  it('an update goes to every Mac in scope (redeploy "All"), never sends the description, and names a changed one', async () => {
    editConfig(config, (c) => (c.defaults["profile"] = { description: "Jamf Connect for Contoso" }));
    expect((await upload(dir, config, ["--env", "prod"])).code).toBe(0);
    expect(stored(LOGIN_PROD).top["PayloadDescription"]).toBe("Jamf Connect for Contoso");
    editConfig(config, (c) => {
      c.defaults["profile"] = { description: "Jamf Connect, Contoso" };
      loginSettings(c)["LoginWindowMessage"] = "Welcome";
    });
    const run = await upload(dir, config, ["--env", "prod"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`prod  login  updated  "${LOGIN_PROD}"`);
    expect(run.stderr).toContain('its description in Jamf Pro differs from profile.description ("Jamf Connect for Contoso" there)');
    const puts = jamf.writes().filter((request) => request.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(puts[0]!.body).toContain("<redeploy_on_update>All</redeploy_on_update>");
    expect(puts[0]!.body).not.toContain("<description>");
  });

  it("takes the token from /api/v1/oauth/token, and from /api/oauth/token where a server has only that", async () => {
    expect((await upload(dir, config, ["--env", "prod", "--dry-run"])).code).toBe(0);
    expect(jamf.requests[0]).toMatchObject({ method: "POST", path: "/api/v1/oauth/token" });
    jamf.world.oauthPaths = ["/api/oauth/token"];
    jamf.requests.length = 0;
    expect((await upload(dir, config, ["--env", "prod", "--dry-run"])).code).toBe(0);
    expect(jamf.requests.slice(0, 2).map((request) => request.path)).toEqual(["/api/v1/oauth/token", "/api/oauth/token"]);
  });

  it("a token that stops working between two writes: one fresh token, one retry, both written", async () => {
    jamf.world.tokenWrites = 1;
    const run = await uploadJson(dir, config, ["--env", "prod"]);
    expect(run.stderr).toBe("");
    expect(run.results.map((result) => result.action)).toEqual(["created", "created"]);
    expect(jamf.requests.filter((request) => request.path === "/api/v1/oauth/token")).toHaveLength(2);
  });
});
