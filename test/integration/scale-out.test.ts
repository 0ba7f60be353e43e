import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openSseStream } from "@/test/support/read-sse-events";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";

// Two app processes on one database must behave as one service.
const databaseUrl = inject("databaseUrl");
const db = createTestDb(databaseUrl);
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  await db.reset();
  const env = { RATE_LIMIT_BIN_PER_MINUTE: "5" };
  [a, b] = await Promise.all([
    startTestServer({ databaseUrl, env }),
    startTestServer({ databaseUrl, env }),
  ]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db.close();
});

describe("several instances on one database", () => {
  it("a delivery captured by instance A appears live on a stream served by instance B", async () => {
    const stream = await openSseStream(`${b.baseUrl}/api/bins/shared-bin/events`);
    expect(stream.status).toBe(200);
    await stream.waitFor((e) => e.event === "ready");
    const answer = await fetch(`${a.baseUrl}/echo/shared-bin/hook`, {
      method: "POST",
      body: "from A",
    });
    const { deliveryId } = await answer.json();
    const event = await stream.waitFor((e) => e.event === "delivery" && e.id === deliveryId);
    expect(JSON.parse(event.data)).toMatchObject({
      id: deliveryId,
      binId: "shared-bin",
      path: "/hook",
    });
    stream.close();
  });

  it("a live stream resumes with Last-Event-ID on the other instance without gaps", async () => {
    const first = await (
      await fetch(`${a.baseUrl}/echo/resume-bin`, { method: "POST", body: "1" })
    ).json();
    const missed = [];
    for (let i = 0; i < 3; i++) {
      missed.push(
        (
          await (
            await fetch(`${a.baseUrl}/echo/resume-bin`, { method: "POST", body: `m${i}` })
          ).json()
        ).deliveryId,
      );
    }
    const stream = await openSseStream(`${b.baseUrl}/api/bins/resume-bin/events`, {
      "Last-Event-ID": first.deliveryId,
    });
    for (const id of missed) await stream.waitFor((e) => e.event === "delivery" && e.id === id);
    const ids = stream.events.filter((e) => e.event === "delivery").map((e) => e.id);
    expect(ids).not.toContain(first.deliveryId);
    stream.close();
  });

  it("enforces a rate limit once across instances: K=5 admits 5 in total", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const server = i % 2 === 0 ? a : b;
      statuses.push(
        (await fetch(`${server.baseUrl}/echo/limit-bin`, { method: "POST", body: String(i) }))
          .status,
      );
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const { rows } = await db.query("SELECT id FROM deliveries WHERE bin_id = 'limit-bin'");
    expect(rows).toHaveLength(5);
  });

  it("settings changed or deleted through instance A apply at once to captures on instance B", async () => {
    const bin = await (await fetch(`${a.baseUrl}/api/bins`, { method: "POST" })).json();
    const auth = { Authorization: `Bearer ${bin.ownerToken}` };
    // B has read the bin (its cache keeps a bin for a minute while changes are announced).
    expect((await fetch(`${b.baseUrl}/echo/${bin.id}`, { method: "POST" })).status).toBe(200);
    const statusOnB = async (want: number) => {
      let status = 0;
      for (let i = 0; i < 40 && status !== want; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, 100));
        status = (await fetch(`${b.baseUrl}/echo/${bin.id}`, { method: "POST" })).status;
      }
      return status;
    };
    await fetch(`${a.baseUrl}/api/bins/${bin.id}/settings`, {
      method: "PUT",
      headers: { ...auth, "Content-Type": "application/json" },
      body: JSON.stringify({ response: { status: 202 } }),
    });
    expect(await statusOnB(202)).toBe(202);
    const deleted = await fetch(`${a.baseUrl}/api/bins/${bin.id}`, {
      method: "DELETE",
      headers: auth,
    });
    expect(deleted.status).toBe(204);
    // A delivery after the delete makes a fresh bin with the default answer.
    expect(await statusOnB(200)).toBe(200);
  });

  it("a settings change through instance A tells views on instance B to re-read the bin", async () => {
    const bin = await (await fetch(`${a.baseUrl}/api/bins`, { method: "POST" })).json();
    const stream = await openSseStream(`${b.baseUrl}/api/bins/${bin.id}/events`);
    await stream.waitFor((e) => e.event === "ready");
    await fetch(`${a.baseUrl}/api/bins/${bin.id}/settings`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${bin.ownerToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({ webhookSecret: "changed" }),
    });
    const event = await stream.waitFor((e) => e.event === "bin-changed");
    expect(JSON.parse(event.data)).toEqual({ binId: bin.id });
    await fetch(`${a.baseUrl}/api/bins/${bin.id}/deliveries`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${bin.ownerToken}` },
    });
    await stream.waitFor((e) => e.event === "bin-changed" && e !== event);
    stream.close();
  });

  it("both instances report ready", async () => {
    for (const server of [a, b]) {
      const ready = await fetch(`${server.baseUrl}/api/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ ready: true, database: "ok", pendingMigrations: [] });
    }
  });
});
