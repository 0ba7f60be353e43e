import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import { createUuidV7 } from "@/lib/ids/create-uuid-v7";

export interface SeededDelivery {
  at: Date;
  responseStatus: number | null;
  analysisId?: string | null;
  /** The cached verdict's status; judged under the bin's current secret unless `stale`. */
  verdict?: "valid" | "invalid" | "missing" | "no_secret";
  /** Judged under an older secret: counts as not judged yet. */
  stale?: boolean;
  path?: string;
  body?: string;
}

/**
 * Deliveries straight into the table with chosen arrival times (capture stamps "now", and a
 * retry schedule spans minutes to hours). Ids are UUIDv7 of the same instant, as capture makes.
 */
export async function seedDeliveries({
  pool,
  binId,
  deliveries,
}: {
  pool: pg.Pool;
  binId: string;
  deliveries: SeededDelivery[];
}): Promise<string[]> {
  const { rows } = await pool.query<{ secret_version: string }>(
    "SELECT secret_version FROM bins WHERE id = $1",
    [binId],
  );
  const version = rows[0]?.secret_version ?? "none";
  const ids: string[] = [];
  for (const delivery of deliveries) {
    const id = createUuidV7({ now: () => delivery.at.getTime(), randomBytes });
    const body = Buffer.from(delivery.body ?? JSON.stringify({ id: delivery.analysisId ?? null }));
    await pool.query(
      `INSERT INTO deliveries (id, bin_id, method, path, query, headers, body, body_size, body_sha256,
         content_type, received_at, analysis_id, response_status, signature, signature_version)
       VALUES ($1, $2, 'POST', $3, '', $4::jsonb, $5, $6, $7, 'application/json', $8, $9, $10, $11::jsonb, $12)`,
      [
        id,
        binId,
        delivery.path ?? "/webhooks/analysis",
        JSON.stringify([["Content-Type", "application/json"]]),
        body,
        body.length,
        createHash("sha256").update(body).digest("hex"),
        delivery.at,
        delivery.analysisId ?? null,
        delivery.responseStatus,
        JSON.stringify({ scheme: null, status: delivery.verdict ?? "missing", reason: "seeded" }),
        delivery.stale ? "an-older-secret" : version,
      ],
    );
    ids.push(id);
  }
  return ids;
}
