import type { DeliveryRecord } from "@/lib/capture/delivery-record";
import { insertDeliveries } from "@/lib/capture/insert-deliveries";
import { setDatabaseUrl } from "@/lib/database-url";
import { getDb } from "@/lib/db";
import { getPgPool } from "@/lib/get-pg-pool";
import { buildTestDeliveryRecord } from "@/test/support/build-test-delivery-record";
import { Prisma } from "@/generated/prisma/client";

// `npm run bench:insert`: the ways to write a batch (issue 8, then issue 14: measure, keep the
// fastest): capture's own insert on pg against the ways through Prisma. CPU per row and wall time per batch, sequential
// batches of 25 rows with 2 KB bodies.
const url =
  process.env.BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  "postgresql://postgres@127.0.0.1:5432/postgres";
setDatabaseUrl(url);
const BATCHES = Number(process.env.BATCHES ?? 400);
const ROWS = 25;
const body = Buffer.alloc(2048, 0x61);

function records(binId: string): DeliveryRecord[] {
  return Array.from({ length: ROWS }, () =>
    buildTestDeliveryRecord({ binId, body, response: { status: 200 } }),
  );
}

async function measure(name: string, insert: (batch: DeliveryRecord[]) => Promise<void>) {
  for (let i = 0; i < 20; i++) await insert(records("micro"));
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < BATCHES; i++) await insert(records("micro"));
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const rows = BATCHES * ROWS;
  console.log(
    `${name.padEnd(28)} ${((used.user + used.system) / rows).toFixed(1).padStart(6)} µs CPU/row   ${(wall / BATCHES).toFixed(2)} ms/batch`,
  );
}

const db = getDb();
await db.$executeRaw`INSERT INTO bins (id) VALUES ('micro') ON CONFLICT DO NOTHING`;
await measure("pg, named statement (kept)", async (batch) => void (await insertDeliveries(batch)));
// What capture used before issue 14: one $executeRaw, parameters a row.
await measure("prisma raw, params a row", async (batch) => {
  const rows = Prisma.join(
    batch.map(
      (r) =>
        Prisma.sql`(${r.id}::uuid, ${r.binId}, ${r.method}, ${r.path}, ${r.query}, ${JSON.stringify(r.headers)}::jsonb, ${r.body}, ${r.bodySize}, ${r.bodySha256}, ${r.contentType}, ${r.remoteAddress}, ${r.receivedAt}, ${r.analysisId}, ${r.responseStatus}, ${JSON.stringify(r.response)}::jsonb)`,
    ),
  );
  await db.$executeRaw`INSERT INTO deliveries (id, bin_id, method, path, query, headers, body, body_size, body_sha256, content_type, remote_address, received_at, analysis_id, response_status, response) VALUES ${rows}`;
});
await measure("prisma createMany", async (batch) => {
  await db.bin.createMany({ data: [{ id: "micro" }], skipDuplicates: true });
  await db.delivery.createMany({
    data: batch.map((r) => ({
      id: r.id,
      binId: r.binId,
      method: r.method,
      path: r.path,
      query: r.query,
      headers: r.headers,
      body: new Uint8Array(r.body),
      bodySize: r.bodySize,
      bodySha256: r.bodySha256,
      contentType: r.contentType,
      remoteAddress: r.remoteAddress,
      receivedAt: r.receivedAt,
      analysisId: r.analysisId,
      responseStatus: r.responseStatus,
      response: r.response as object,
    })),
  });
});
await measure("prisma raw, one jsonb param", async (batch) => {
  const json = JSON.stringify(
    batch.map((r) => ({
      id: r.id,
      bin_id: r.binId,
      method: r.method,
      path: r.path,
      query: r.query,
      headers: r.headers,
      body: Buffer.from(r.body).toString("base64"),
      body_size: r.bodySize,
      body_sha256: r.bodySha256,
      content_type: r.contentType,
      remote_address: r.remoteAddress,
      received_at: r.receivedAt,
      analysis_id: r.analysisId,
      response_status: r.responseStatus,
      response: r.response,
    })),
  );
  await db.$executeRaw`
    INSERT INTO deliveries (id, bin_id, method, path, query, headers, body, body_size, body_sha256, content_type, remote_address, received_at, analysis_id, response_status, response)
    SELECT r.id, r.bin_id, r.method, r.path, r.query, r.headers, decode(r.body, 'base64'), r.body_size, r.body_sha256, r.content_type, r.remote_address, r.received_at, r.analysis_id, r.response_status, r.response
    FROM jsonb_to_recordset(${json}::jsonb) AS r(id uuid, bin_id text, method text, path text, query text, headers jsonb, body text, body_size int, body_sha256 text, content_type text, remote_address text, received_at timestamptz, analysis_id text, response_status int, response jsonb)`;
});
await db.$executeRaw`DELETE FROM bins WHERE id = 'micro'`;
await db.$disconnect();
await getPgPool().end();
await db.$disconnect();
