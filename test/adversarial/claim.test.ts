import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { waitForFreshRateWindow } from "@/test/support/wait-for-fresh-rate-window";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";

// Issue 12, item 7: POST /api/bins/<any unused id>/claim created and owned any id (also one
// its owner had just deleted) and bypassed the create rate limit (40 of 40 accepted). Now a
// claim needs an existing bin without an owner and shares the create budget per address.

const databaseUrl = inject("databaseUrl");
const db = createTestDb(databaseUrl);
let server: TestServer;
const LIMIT = 5;

beforeAll(async () => {
  server = await startTestServer({
    databaseUrl,
    env: { RATE_LIMIT_CREATE_PER_MINUTE: String(LIMIT) },
  });
});
afterAll(async () => {
  await server?.stop();
  await db.close();
});
// Every test starts with a fresh budget for 127.0.0.1.
beforeEach(() => db.query("DELETE FROM rate_limit_counters WHERE key LIKE 'create:%'"));

const claim = (id: string) => fetch(`${server.baseUrl}/api/bins/${id}/claim`, { method: "POST" });
const capture = (id: string) =>
  fetch(`${server.baseUrl}/echo/${id}`, { method: "POST", body: "x" });
const binRows = async (id: string) =>
  (await db.query("SELECT owner_token_hash FROM bins WHERE id = $1", [id])).rows;

describe("claiming a bin", () => {
  it("refuses an id that no bin has, and creates nothing", async () => {
    const response = await claim("never-used-claim-id");
    expect(response.status).toBe(404);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await binRows("never-used-claim-id")).toEqual([]);
  });

  it("refuses a bin its owner just deleted", async () => {
    const bin = await (await fetch(`${server.baseUrl}/api/bins`, { method: "POST" })).json();
    const deleted = await fetch(`${server.baseUrl}/api/bins/${bin.id}`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${bin.ownerToken}` },
    });
    expect(deleted.status).toBe(204);
    expect((await claim(bin.id)).status).toBe(404);
    expect(await binRows(bin.id)).toEqual([]);
  });

  it("refuses a bin that has an owner, and keeps that owner", async () => {
    const bin = await (await fetch(`${server.baseUrl}/api/bins`, { method: "POST" })).json();
    const before = await binRows(bin.id);
    expect((await claim(bin.id)).status).toBe(409);
    expect(await binRows(bin.id)).toEqual(before);
  });

  it("gives an existing ownerless bin to the first claimant, once", async () => {
    await capture("claimable-once");
    expect((await binRows("claimable-once"))[0]?.owner_token_hash).toBeNull();
    const first = await claim("claimable-once");
    expect(first.status).toBe(201);
    const { ownerToken } = await first.json();
    expect((await binRows("claimable-once"))[0]?.owner_token_hash).not.toBeNull();
    expect((await claim("claimable-once")).status).toBe(409);
    const settings = await fetch(`${server.baseUrl}/api/bins/claimable-once/settings`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${ownerToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({ webhookSecret: "mine" }),
    });
    expect(settings.status).toBe(200);
  });

  it("limits claims per address with the create budget (429 + Retry-After)", async () => {
    await waitForFreshRateWindow();
    const ids = Array.from({ length: LIMIT + 3 }, (_, i) => `claim-limit-${i}`);
    for (const id of ids) expect((await capture(id)).status).toBe(200);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (const id of ids) {
      const response = await claim(id);
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get("retry-after");
    }
    console.log(`claims with a budget of ${LIMIT}/min: ${statuses.join(",")}`);
    expect(statuses).toEqual([...Array(LIMIT).fill(201), 429, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Refused claims changed nothing; creating shares the same spent budget.
    for (const id of ids.slice(LIMIT)) {
      expect((await binRows(id))[0]?.owner_token_hash).toBeNull();
    }
    expect((await fetch(`${server.baseUrl}/api/bins`, { method: "POST" })).status).toBe(429);
  });
});
