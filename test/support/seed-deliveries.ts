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

const MIN = 60_000;

/**
 * The overview tests' bin: three CallCov analyses retried on, early and late against the
 * schedule, a duplicate after a 2xx, and plain deliveries; 9 in the last hour, 12 in a day.
 * `staleVerdict` leaves one verdict from an older secret (a view showing the list re-judges
 * it, so browser tests leave it out).
 */
export function healthScenario({
  now,
  staleVerdict,
}: {
  now: number;
  staleVerdict: boolean;
}): SeededDelivery[] {
  const t = (msAgo: number) => new Date(now - msAgo);
  return [
    // Analysis A: 503, retry after 1 min (on schedule), after 5 min more (on schedule, 200),
    // then sent again after its 2xx (a duplicate, not a retry).
    { at: t(30 * MIN), responseStatus: 503, analysisId: "an_A", verdict: "valid" },
    { at: t(29 * MIN), responseStatus: 503, analysisId: "an_A", verdict: "valid" },
    { at: t(24 * MIN), responseStatus: 200, analysisId: "an_A", verdict: "valid" },
    { at: t(20 * MIN), responseStatus: 200, analysisId: "an_A", verdict: "valid" },
    // Analysis B: two attempts two hours ago (70 s apart: on schedule), a third 50 min ago
    // (retry 2, ~69 min after the previous one: late). Its first two are outside 1h.
    { at: t(120 * MIN), responseStatus: 500, analysisId: "an_B", verdict: "invalid" },
    { at: t(120 * MIN - 70_000), responseStatus: 500, analysisId: "an_B", verdict: "invalid" },
    { at: t(50 * MIN), responseStatus: 500, analysisId: "an_B", verdict: "invalid" },
    // Analysis C: retried after 30 s (early for the 1-minute retry).
    { at: t(10 * MIN), responseStatus: 500, analysisId: "an_C", verdict: "no_secret" },
    { at: t(10 * MIN - 30_000), responseStatus: 500, analysisId: "an_C", verdict: "no_secret" },
    // Plain deliveries: a 200 (judged under an older secret, or unsigned), an unsigned 404,
    // and a 201 three hours ago.
    staleVerdict
      ? { at: t(5 * MIN), responseStatus: 200, path: "/other", verdict: "valid", stale: true }
      : { at: t(5 * MIN), responseStatus: 200, path: "/other", verdict: "missing" },
    { at: t(5 * MIN), responseStatus: 404, path: "/other", verdict: "missing" },
    { at: t(180 * MIN), responseStatus: 201, path: "/other", verdict: "missing" },
  ];
}
