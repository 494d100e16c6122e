/**
 * runUpload with a profile that carries both Jamf Connect domains (two payloads), against the Jamf
 * Pro double: what a combined profile from build meets in src/jamfpro. The profile is put together
 * here from the two that build renders today.
 */
import { describe, expect, it } from "vitest";
import { sendHttp, type FetchLike } from "../net/http.js";
import { loadAndRender } from "../pipeline/load-and-render.js";
import { serializePlist, type PlistDict } from "../profile/plist-xml.js";
import { useUploadWorld, CLIENT_ENV, storedIdentifiers } from "../../test/jamfpro/upload-cli.js";
import type { JamfProDouble } from "../../test/jamfpro/server.js";
import { ADMIN_SCOPE } from "../../test/jamfpro/world.js";
import { runUpload, type UploadItem } from "./run-upload.js";
import { readProfilePlist } from "./stored-profile.js";

const NAME = "Jamf Connect (prod)";

let jamf: JamfProDouble;
let dir: string;
let config: string;
useUploadWorld("jcprofile-run-upload-", (world) => ({ jamf, dir, config } = world));

/** prod's two rendered profiles as one: the login profile's top level, both payloads. */
function combinedItem(change?: (settings: PlistDict) => void): UploadItem {
  const { profiles, environments } = loadAndRender({ cwd: dir, config, envs: ["prod"] });
  const [login, menubar] = profiles.map((profile) => readProfilePlist(profile.text));
  const menubarPayload = (menubar!["PayloadContent"] as PlistDict[])[0]!;
  change?.(menubarPayload);
  const combined = { ...login!, PayloadDisplayName: NAME, PayloadContent: [...(login!["PayloadContent"] as PlistDict[]), menubarPayload] };
  return { environment: "prod", target: "login", name: NAME, text: serializePlist(combined), jamfPro: environments[0]!.jamfPro! };
}

const run = (items: UploadItem[]) =>
  runUpload({ items, env: CLIENT_ENV as NodeJS.ProcessEnv, dryRun: false, overrides: { takeOver: [], allowRemoval: [] }, send: (request) => sendHttp(request, { fetch: globalThis.fetch as FetchLike, viaProxy: false, timeoutSeconds: 10 }), sleep: async () => {}, now: () => Date.now() });

describe("runUpload with a profile of two payloads", () => {
  it("creates it, leaves it alone the second time, and updates it in place: one id, the same identifiers and scope", async () => {
    const [created] = await run([combinedItem()]);
    expect(created).toMatchObject({ action: "created", exitCode: 0 });
    const stored = jamf.world.profiles[0]!;
    stored.scope = ADMIN_SCOPE;
    const identifiers = storedIdentifiers(jamf, NAME);
    const writes = jamf.writes().length;
    expect((await run([combinedItem()]))[0]).toMatchObject({ action: "unchanged", changes: [] });
    expect(jamf.writes()).toHaveLength(writes);

    const changed = combinedItem((payload) => {
      const settings = (payload["PayloadContent"] as PlistDict)["com.jamf.connect"] as { Forced: [{ mcx_preference_settings: Record<string, unknown> }] };
      settings.Forced[0].mcx_preference_settings["SignIn"] = { AutoAuthenticate: false, RequireSignIn: true };
    });
    const [updated] = await run([changed]);
    expect(updated).toMatchObject({ action: "updated", id: stored.id });
    expect(updated!.changes.map((change) => change.path)).toEqual(["com.jamf.connect.SignIn.AutoAuthenticate"]);
    expect(jamf.world.profiles).toHaveLength(1);
    expect(storedIdentifiers(jamf, NAME)).toEqual(identifiers);
    expect(stored.scope).toBe(ADMIN_SCOPE);
  });

  it("one payload uploaded under its name: refused, the menu bar settings stay", async () => {
    await run([combinedItem()]);
    const single = loadAndRender({ cwd: dir, config, envs: ["prod"] }).profiles[0]!;
    const [refused] = await run([{ ...combinedItem(), text: single.text }]);
    expect(refused).toMatchObject({ action: "refused", exitCode: 1 });
    expect(refused!.error).toContain("would remove the menu bar settings (com.jamf.connect)");
    expect(jamf.world.profiles[0]!.payloads).toContain("com.jamf.connect</key>");
  });
});
