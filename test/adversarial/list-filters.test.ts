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
