import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";

// Issue 12, item 9: a NUL in a list or export filter reached PostgreSQL (which cannot hold one
// in text) and came back as a 500 with a stack in the log. It is bad input: a clear 400.

const databaseUrl = inject("databaseUrl");
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl });
  await fetch(`${server.baseUrl}/echo/nul-filter-bin/a?b=c`, { method: "POST", body: "x" });
});
afterAll(() => server?.stop());

const FILTERS = ["method", "path", "header", "body", "signature"];

describe("a NUL in a filter", () => {
  it.each([
    ["deliveries", {}],
    ["export", { format: "har" }],
    ["export", { format: "jsonl" }],
  ] as const)(
    "is a 400 for every filter parameter of %s %j, and nothing is logged as an error",
    async (endpoint, fixed: Record<string, string>) => {
      const url = (params: Record<string, string>) =>
        `${server.baseUrl}/api/bins/nul-filter-bin/${endpoint}?${new URLSearchParams({ ...fixed, ...params })}`;
      // The list also pages; the export takes a format.
      const params = [...FILTERS, ...(endpoint === "export" ? ["format"] : ["before", "limit"])];
      for (const param of params) {
        for (const value of ["\u0000", "a\u0000b"]) {
          const response = await fetch(url({ [param]: value }));
          expect(response.status, `${param}=${JSON.stringify(value)}`).toBe(400);
          const body = (await response.json()) as { error: string; message: string };
          expect(body.error).toBe("bad_request");
          expect(body.message, param).toContain(param);
        }
      }
      // The same filters without the NUL work (the endpoint itself is fine).
      expect((await fetch(url({ path: "a", header: "x", body: "x" }))).status).toBe(200);
      expect(server.output()).not.toMatch(/ error: /);
    },
  );
});

// A json= value is parsed as JSON before it reaches PostgreSQL: the escape \u0000 (or a lone
// surrogate such as \ud800) only appears then, and jsonb refuses both (22P05 / 22P02: a 500);
// 1e400 parsed to Infinity, which JSON.stringify turned into null (a wrong match, not an error).
describe("a json= value PostgreSQL cannot hold", () => {
  const VALUES = [
    String.raw`status="\u0000"`,
    String.raw`status="a\u0000b"`,
    String.raw`status="\ud800"`,
    String.raw`status="\udfff"`,
    "a=1e400",
    "a=-1e400",
  ];

  it.each([
    ["deliveries", {}],
    ["deliveries/wait", { after: "now", timeout: "1" }],
    ["export", { format: "jsonl" }],
    ["export", { format: "har" }],
  ] as const)("is a 400 naming json on %s %j", async (endpoint, fixed: Record<string, string>) => {
    // {"a":null} is what Infinity used to match.
    await fetch(`${server.baseUrl}/echo/nul-filter-bin/json`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"a":null,"status":"x"}',
    });
    for (const json of VALUES) {
      const response = await fetch(
        `${server.baseUrl}/api/bins/nul-filter-bin/${endpoint}?${new URLSearchParams({ ...fixed, json })}`,
      );
      expect(response.status, json).toBe(400);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe("bad_request");
      expect(body.message, json).toMatch(/^json/);
    }
    // A paired surrogate (an emoji, as its JSON escape) is ordinary text.
    const emoji = new URLSearchParams({ ...fixed, json: String.raw`status="\ud83d\ude00"` });
    const ok = await fetch(`${server.baseUrl}/api/bins/nul-filter-bin/${endpoint}?${emoji}`);
    expect(ok.status).toBe(endpoint === "deliveries/wait" ? 204 : 200);
    expect(server.output()).not.toMatch(/ error: /);
  });
});
