import { describe, expect, it } from "vitest";
import type { HttpRequest, HttpResult } from "../net/http.js";
import { askedWait, createJamfClient, type WaitBudget } from "./client.js";
import { JamfError } from "./errors.js";

type Handler = (request: HttpRequest, now: number) => HttpResult;
const answer = (status: number, text = "", headers: Record<string, string> = {}): HttpResult => ({ kind: "response", status, text, headers });
const token = (value: string, expiresIn = 60) => answer(200, JSON.stringify({ access_token: value, expires_in: expiresIn }));

/** A client over a scripted server with a fake clock; the sleep advances the clock instead of waiting. */
function harness(handler: Handler, waitBudget?: WaitBudget) {
  let now = 1_000_000;
  const sent: string[] = [];
  const slept: number[] = [];
  const said: string[] = [];
  const client = createJamfClient({
    ...(waitBudget !== undefined && { waitBudget }),
    onWait: (text) => said.push(text),
    url: "https://jamf.example",
    credentials: { kind: "client", clientId: "id", clientSecret: "s3cret", idVariable: "JAMF_CLIENT_ID", secretVariable: "JAMF_CLIENT_SECRET" },
    send: async (request) => {
      sent.push(`${request.method} ${new URL(request.url).pathname} ${request.headers?.["authorization"] ?? ""}`);
      return handler(request, now);
    },
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
    now: () => now,
  });
  return { client, sent, slept, said, advance: (ms: number) => (now += ms) };
}

describe("createJamfClient", () => {
  it("gets a token once, renews it when it runs out, and invalidates it at the end", async () => {
    let issued = 0;
    const h = harness((request) => (request.url.endsWith("/api/v1/oauth/token") ? token(`t${++issued}`) : answer(request.url.includes("invalidate") ? 204 : 200, "<x/>")));
    await h.client.classic("GET", "/a");
    await h.client.classic("GET", "/b");
    h.advance(59_000);
    await h.client.classic("GET", "/c");
    await h.client.invalidate();
    expect(h.sent).toEqual([
      "POST /api/v1/oauth/token ",
      "GET /JSSResource/a Bearer t1",
      "GET /JSSResource/b Bearer t1",
      "POST /api/v1/oauth/token ",
      "GET /JSSResource/c Bearer t2",
      "POST /api/v1/auth/invalidate-token Bearer t2",
    ]);
  });

  it("waits as Retry-After says on 503, then succeeds", async () => {
    let calls = 0;
    const h = harness((request) => (request.url.endsWith("/token") ? token("t") : ++calls < 3 ? answer(503, "", { "retry-after": "7" }) : answer(200, "ok")));
    expect(await h.client.classic("GET", "/list")).toEqual({ status: 200, text: "ok" });
    expect(h.slept).toEqual([7000, 7000]);
  });

  it("gives up after four tries: busy, an inconclusive verdict", async () => {
    const h = harness((request) => (request.url.endsWith("/token") ? token("t") : answer(502)));
    const error = await h.client.classic("PUT", "/x", "<b/>").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JamfError);
    expect(error).toMatchObject({ code: "busy", verdict: "inconclusive", problem: { fix: "try again later" } });
    expect(h.slept).toEqual([1000, 2000, 4000]);
  });

  it("a refused token is a credentials error that names the variables, not the secret", async () => {
    const h = harness(() => answer(401, '{"error":"invalid_client"}'));
    const error = (await h.client.classic("GET", "/x").catch((caught: unknown) => caught)) as JamfError;
    expect(error.code).toBe("credentials");
    expect(error.verdict).toBe("refused");
    expect(error.message).toContain("Jamf Pro refused the API client credentials");
    expect(error.message).toContain("JAMF_CLIENT_SECRET");
    expect(error.message).not.toContain("s3cret");
  });

  it("a 401 on a write gets one fresh token and one retry", async () => {
    let issued = 0;
    const h = harness((request) =>
      request.url.endsWith("/token") ? token(`t${++issued}`) : answer(request.headers?.["authorization"] === "Bearer t1" ? 401 : 201, "<x/>"),
    );
    expect(await h.client.classic("PUT", "/osxconfigurationprofiles/id/5", "<b/>")).toMatchObject({ status: 201 });
    expect(h.sent.filter((line) => line.startsWith("PUT"))).toEqual(["PUT /JSSResource/osxconfigurationprofiles/id/5 Bearer t1", "PUT /JSSResource/osxconfigurationprofiles/id/5 Bearer t2"]);
  });

  it("falls back to /api/oauth/token where /api/v1/oauth/token is 404", async () => {
    const h = harness((request) => (request.url.endsWith("/api/v1/oauth/token") ? answer(404) : request.url.endsWith("/token") ? token("t") : answer(200, "<x/>")));
    await h.client.classic("GET", "/a");
    expect(h.sent).toEqual(["POST /api/v1/oauth/token ", "POST /api/oauth/token ", "GET /JSSResource/a Bearer t"]);
  });

  it("a 401 on a write names the privileges", async () => {
    const h = harness((request) => (request.url.endsWith("/token") ? token("t") : answer(401, "<html><body><p>Unauthorized</p></body></html>")));
    await expect(h.client.classic("POST", "/osxconfigurationprofiles/id/0", "<b/>")).rejects.toMatchObject({
      code: "privileges",
      message: expect.stringContaining("Create, Read and Update macOS Configuration Profiles"),
    });
  });

  it("a network failure is inconclusive, with a fix apart", async () => {
    const h = harness(() => ({ kind: "failed", observation: { type: "network", cause: "tls", detail: "SELF_SIGNED_CERT_IN_CHAIN" } }));
    await expect(h.client.classic("GET", "/x")).rejects.toMatchObject({
      code: "network",
      verdict: "inconclusive",
      message: expect.stringContaining("NODE_EXTRA_CA_CERTS"),
      problem: { message: "the TLS connection to jamf.example failed (SELF_SIGNED_CERT_IN_CHAIN)", fix: expect.stringContaining("NODE_EXTRA_CA_CERTS") },
    });
  });
});

describe("askedWait", () => {
  it.each([
    [1, "3", 3000, true],
    [1, "0", 0, true],
    [2, undefined, 2000, false],
    [3, "soon", 4000, false],
    [1, "0x10", 1000, false],
    [1, "3600", 3_600_000, true],
    [1, new Date(1_000_000 + 5000).toUTCString(), 5000, true],
    [1, new Date(1_000_000 - 5000).toUTCString(), 0, true],
  ])("attempt %i with Retry-After %s asks for %i ms", (attempt, retryAfter, ms, byServer) => {
    expect(askedWait(attempt, retryAfter, 1_000_000)).toMatchObject({ ms, byServer });
  });
});

describe("waits Jamf Pro asks for", () => {
  const busy = (retryAfter: string) => (request: HttpRequest) => (request.url.endsWith("/token") ? token("t") : answer(503, "", { "retry-after": retryAfter }));

  it.each([["3600", "asks to wait 3600 s"], ["Thu, 01 Jan 2099 00:00:00 GMT", "s (until 2099-01-01 00:00:00 UTC)"]])(
    "Retry-After %s: not waited at all, an inconclusive error that says what was asked",
    async (retryAfter, says) => {
      const h = harness(busy(retryAfter), { leftMs: 600_000, words: "--timeout 600 s" });
      const error = (await h.client.classic("GET", "/list").catch((caught: unknown) => caught)) as JamfError;
      expect(error).toMatchObject({ code: "busy", verdict: "inconclusive" });
      expect(error.message).toContain(says);
      expect(error.message).toContain("longer than upload waits (at most 60 s at a time");
      expect(h.slept).toEqual([]);
    },
  );

  it("each wait is said first and taken from the run's budget; one that does not fit is not begun", async () => {
    const budget = { leftMs: 30_000, words: "--timeout 30 s" };
    const h = harness(busy("20"), budget);
    const error = (await h.client.classic("GET", "/list").catch((caught: unknown) => caught)) as JamfError;
    expect(h.slept).toEqual([20_000]);
    expect(h.said).toEqual(["Jamf Pro at jamf.example asks to wait 20 s (HTTP 503) — waiting, then try 2 of 4"]);
    expect(error.message).toBe(
      "Jamf Pro at jamf.example asks to wait 20 s (HTTP 503), longer than upload waits (at most 60 s at a time, 10 s left of --timeout 30 s for all waits of this run) — try again later, or raise --timeout",
    );
    // The fix (upload --json's `fix`) is what to do, not the rest of what happened.
    expect(error.problem.fix).toBe("try again later, or raise --timeout");
    expect(budget.leftMs).toBe(10_000);
  });
});

describe("answers that are not 2xx", () => {
  it.each([
    [409, "conflict", "refused"],
    [400, "refused", "refused"],
    [500, "unreadable-answer", "inconclusive"],
    [302, "redirect", "inconclusive"],
  ])("HTTP %i is %s (%s)", async (status, code, verdict) => {
    const h = harness((request) => (request.url.endsWith("/token") ? token("t") : answer(status, "<html><body><p>Reason</p></body></html>")));
    await expect(h.client.classic("POST", "/x", "<b/>")).rejects.toMatchObject({ code, verdict, message: expect.stringContaining(`HTTP ${status} Reason`) });
  });
});

describe("a missing privilege", () => {
  it.each([
    ["GET", "/categories", "read the categories (HTTP 401) — give its API role the privilege Read Categories, or leave jamfPro.category out"],
    ["GET", "/osxconfigurationprofiles/id/5", "read macOS configuration profiles (HTTP 401) — give its API role the privileges Create, Read and Update macOS Configuration Profiles"],
    ["PUT", "/osxconfigurationprofiles/id/5", "update macOS configuration profiles (HTTP 401) — give its API role the privileges Create, Read and Update macOS Configuration Profiles"],
  ] as const)("%s %s names the privilege from the one table", async (method, path, says) => {
    const h = harness((request) => (request.url.endsWith("/token") ? token("t") : answer(401, "<html><body><p>Unauthorized</p></body></html>")));
    const error = (await h.client.classic(method, path, method === "GET" ? undefined : "<b/>").catch((caught: unknown) => caught)) as JamfError;
    expect(error).toMatchObject({ code: "privileges", verdict: "refused" });
    expect(error.message).toBe(`Jamf Pro at https://jamf.example did not let the API client ${says}`);
  });
});
