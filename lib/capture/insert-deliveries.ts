import { Prisma } from "@/generated/prisma/client";
import type { DeliveryRecord } from "@/lib/capture/delivery-record";
import { evictPrismaDebugHistory } from "@/lib/database/evict-prisma-debug-history";
import { getDb } from "@/lib/db";

// Batches with more body bytes than this evict them from Prisma's debug histories afterwards.
const EVICT_AFTER_BYTES = 64 * 1024;

/**
 * One statement per batch: creates bins seen for the first time (a bin exists as soon as
 * someone sends to it; ON CONFLICT DO NOTHING tolerates concurrent first deliveries without a
 * lookup per delivery) and inserts every delivery. Atomic: all rows or none.
 */
export async function insertDeliveries(records: DeliveryRecord[]): Promise<void> {
  if (records.length === 0) return;
  const firstSeen = new Map<string, Date>();
  for (const record of records) {
    const seen = firstSeen.get(record.binId);
    if (!seen || record.receivedAt > seen) firstSeen.set(record.binId, record.receivedAt);
  }
  const bins = Prisma.join(
    [...firstSeen].map(([binId, at]) => Prisma.sql`(${binId}, ${at}, ${at})`),
  );
  const rows = Prisma.join(
    records.map(
      (r) =>
        Prisma.sql`(${r.id}::uuid, ${r.binId}, ${r.method}, ${r.path}, ${r.query}, ${JSON.stringify(r.headers)}::jsonb, ${r.body}, ${r.bodySize}, ${r.bodySha256}, ${r.contentType}, ${r.remoteAddress}, ${r.receivedAt}, ${r.analysisId}, ${r.analysisStatus}, ${r.analysisAgent}, ${r.responseStatus}, ${JSON.stringify(r.response)}::jsonb, ${r.signature === null ? null : JSON.stringify(r.signature)}::jsonb, ${r.signatureVersion})`,
    ),
  );
  try {
    await getDb().$executeRaw`
    WITH new_bins AS (
      INSERT INTO bins (id, created_at, last_delivery_at) VALUES ${bins}
      ON CONFLICT (id) DO NOTHING
    )
    INSERT INTO deliveries (id, bin_id, method, path, query, headers, body, body_size, body_sha256, content_type, remote_address, received_at, analysis_id, analysis_status, analysis_agent, response_status, response, signature, signature_version)
    VALUES ${rows}`;
  } finally {
    if (records.reduce((sum, r) => sum + r.bodySize, 0) >= EVICT_AFTER_BYTES) {
      evictPrismaDebugHistory();
    }
  }
}
