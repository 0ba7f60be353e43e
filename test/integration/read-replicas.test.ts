import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMigrations } from "@/lib/database/run-migrations";
import type { BinStats } from "@/lib/deliveries/get-bin-stats.types";
import { openSseStream } from "@/test/support/read-sse-events";
import {
  startStreamingReplica,
  type StreamingReplica,
} from "@/test/support/start-streaming-replica";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";
import { waitUntil } from "@/test/support/wait-until";

// DATABASE_READ_URL against a real hot standby streaming from its primary (pg_basebackup -R),
// with replay paused to make the lag last as long as the test needs.
const migrationsDir = path.resolve(import.meta.dirname, "..", "..", "prisma", "migrations");
let replica: StreamingReplica;
let server: TestServer;
let primaryDb: ReturnType<typeof createTestDb>;
let replicaDb: ReturnType<typeof createTestDb>;

beforeAll(async () => {
  replica = await startStreamingReplica({
    prepare: async (databaseUrl) => void (await runMigrations({ databaseUrl, migrationsDir })),
  });
  primaryDb = createTestDb(replica.primaryUrl);
  replicaDb = createTestDb(replica.replicaUrl);
  server = await startTestServer({
    databaseUrl: replica.primaryUrl,
    // Two entries, the same standby twice: the list form parses, and either pick is a replica.
    env: { DATABASE_READ_URL: `${replica.replicaUrl}, ${replica.replicaUrl}` },
  });
});
afterAll(async () => {
  await server?.stop();
  await Promise.all([primaryDb?.close(), replicaDb?.close()]);
  await replica?.stop();
});

const api = (pathname: string, init?: RequestInit) => fetch(`${server.baseUrl}${pathname}`, init);

async function capture(binId: string, body: string): Promise<string> {
  const answer = await api(`/echo/${binId}/hook`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body,
  });
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { deliveryId: string }).deliveryId;
}

async function listIds(binId: string, query = ""): Promise<string[]> {
  const answer = await api(`/api/bins/${binId}/deliveries${query}`);
  expect(answer.status).toBe(200);
  const page = (await answer.json()) as { deliveries: Array<{ id: string }> };
  return page.deliveries.map((delivery) => delivery.id);
}

async function onReplica(id: string): Promise<boolean> {
  const { rows } = await replicaDb.query("SELECT 1 FROM deliveries WHERE id = $1", [id]);
  return rows.length === 1;
}

describe("read replicas (DATABASE_READ_URL)", () => {
  it("serves stale-tolerant reads from the replica, and everything that must be current from the primary", async () => {
    const created = await api("/api/bins", { method: "POST" });
    const bin = (await created.json()) as { id: string; ownerToken: string };
    const owner = { Authorization: `Bearer ${bin.ownerToken}` };
    const older = await capture(bin.id, '{"n":1}');
    const deleted = await capture(bin.id, '{"n":2}');
    await waitUntil(() => onReplica(deleted), "the replica to replay the first deliveries");

    await replica.pauseReplay();
    // Lag: the primary moves on, the replica stays where it was.
    const fresh = await capture(bin.id, '{"n":3}');
    expect(
      (await api(`/api/bins/${bin.id}/deliveries/${deleted}`, { method: "DELETE", headers: owner }))
        .status,
    ).toBe(204);
    // Every stored verdict goes stale: the next reads judge again and write the verdicts back,
    // which only the primary accepts (the standby answers "read-only transaction": a 500 here).
    const secret = await api(`/api/bins/${bin.id}/settings`, {
      method: "PUT",
      headers: { ...owner, "Content-Type": "application/json" },
      body: JSON.stringify({ webhookSecret: "replica-test-secret" }),
    });
    expect(secret.status).toBe(200);
    expect(await onReplica(fresh)).toBe(false);

    // The list is the replica's: without the newest delivery, still with the deleted one.
    expect(await listIds(bin.id)).toEqual([deleted, older]);
    expect(await listIds(bin.id, "?method=POST")).toEqual([deleted, older]);
    // The listed rows' verdicts were judged under the new secret and written to the primary.
    const { rows: judged } = await primaryDb.query<{ current: boolean; schema: string | null }>(
      `SELECT d.signature_version = b.secret_version AS current, d.conformance_schema AS schema
       FROM deliveries d JOIN bins b ON b.id = d.bin_id WHERE d.id = $1`,
      [older],
    );
    expect(judged).toEqual([{ current: true, schema: expect.any(String) }]);

    // The detail of a delivery the replica does not have yet falls back to the primary.
    const detail = await api(`/api/bins/${bin.id}/deliveries/${fresh}`, { headers: owner });
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({
      id: fresh,
      bodyText: '{"n":3}',
      signature: { status: "missing" },
    });
    // One the replica still has is read there (deleted on the primary a moment ago).
    const stale = await api(`/api/bins/${bin.id}/deliveries/${deleted}`);
    expect(stale.status).toBe(200);
    expect(await stale.json()).toMatchObject({ id: deleted, bodyText: '{"n":2}' });
    // A delivery that exists nowhere is still 404.
    const missing = await api(
      `/api/bins/${bin.id}/deliveries/00000000-0000-7000-8000-000000000000`,
    );
    expect(missing.status).toBe(404);

    // Export and stats are the replica's too.
    const exported = await api(`/api/bins/${bin.id}/export?format=jsonl`);
    expect(exported.status).toBe(200);
    const lines = (await exported.text()).trim().split("\n");
    expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual([deleted, older]);
    const stats = await api(`/api/bins/${bin.id}/stats?window=1h`);
    expect(stats.status).toBe(200);
    expect(((await stats.json()) as BinStats).total).toBe(2);

    // Verdict filters judge first, so they read the primary: the fresh delivery is there.
    expect(await listIds(bin.id, "?signature=missing")).toEqual([fresh, older]);
    const filteredExport = await api(`/api/bins/${bin.id}/export?format=jsonl&signature=missing`);
    expect((await filteredExport.text()).trim().split("\n")).toHaveLength(2);

    // Owner checks and bin reads are the primary's: a bin the replica has never seen is
    // readable and its owner is recognised at once.
    const newer = (await (await api("/api/bins", { method: "POST" })).json()) as {
      id: string;
      ownerToken: string;
    };
    expect((await api(`/api/bins/${newer.id}`)).status).toBe(200);
    const ownerSettings = await api(`/api/bins/${newer.id}/settings`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${newer.ownerToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({ response: { status: 202 } }),
    });
    expect(ownerSettings.status).toBe(200);
    const strangerSettings = await api(`/api/bins/${newer.id}/settings`, {
      method: "PUT",
      headers: { Authorization: "Bearer not-the-token", "Content-Type": "application/json" },
      body: JSON.stringify({ response: { status: 500 } }),
    });
    expect(strangerSettings.status).toBe(403);

    // The live stream is the primary's: it replays the fresh delivery and shows new ones.
    const stream = await openSseStream(`${server.baseUrl}/api/bins/${bin.id}/events`, {
      "Last-Event-ID": older,
    });
    expect(stream.status).toBe(200);
    await stream.waitFor((event) => event.event === "delivery" && event.id === fresh);
    const live = await capture(bin.id, '{"n":4}');
    await stream.waitFor((event) => event.event === "delivery" && event.id === live);
    stream.close();
    // The server-rendered view reads its first page from the replica as well.
    const view = await api(`/view/${bin.id}`);
    expect(view.status).toBe(200);
    const html = await view.text();
    expect(html).toContain(older);
    expect(html).not.toContain(live);

    // Replay resumes: the replica catches up and the list with it.
    await replica.resumeReplay();
    await waitUntil(
      async () => (await listIds(bin.id)).join() === [live, fresh, older].join(),
      "the list to catch up after replay resumed",
    );
  });

  it("a replica that is down fails the reads sent to it with 503; the primary's work goes on", async () => {
    const bin = (await (await api("/api/bins", { method: "POST" })).json()) as { id: string };
    const id = await capture(bin.id, '{"n":1}');
    await replica.stopStandby();
    const list = await api(`/api/bins/${bin.id}/deliveries`);
    expect(list.status).toBe(503);
    expect(list.headers.get("retry-after")).not.toBeNull();
    expect((await api(`/api/bins/${bin.id}/deliveries/${id}`)).status).toBe(503);
    expect((await api(`/api/bins/${bin.id}`)).status).toBe(200);
    await capture(bin.id, '{"n":2}');
  });
});
