import { getDb } from "@/lib/db";

export type BackfillState = "done" | "backfilled-now";

/**
 * Counts into delivery_counts the deliveries that existed before its triggers (migration
 * 20261201070000 leaves that to here so that it never stops captures). ONE statement adds, per
 * (bin, day, verdict versions), the rows minus the kept sum. That is exact while captures and
 * deletes go on: a statement reads one snapshot of both tables, and in any snapshot the kept
 * sums are the inserts minus the deletes (and verdict moves) since the triggers, each counted
 * in its writer's transaction, so the difference is exactly the rows that were there before
 * the triggers, under their key of then. A partition dropped before this took its days' rows
 * and counts in one transaction, which keeps that true. The additive upsert composes with the
 * triggers' concurrent ones (row locks, their key order). Locks: ACCESS SHARE on the
 * deliveries — captures and deletes go on — and, at its end, the counter rows it writes. The
 * flag row, claimed first, lets one caller do it; it commits with the counts. Callers hold the
 * sweep lock (no partition DDL meanwhile).
 */
export async function backfillDeliveryCounts(): Promise<BackfillState> {
  const db = getDb();
  const [flag] = await db.$queryRaw<Array<{ done: boolean }>>`
    SELECT done FROM delivery_counts_backfill`;
  if (flag?.done !== false) return "done";
  const claimed = await db.$transaction(
    async (tx) => {
      const marked = await tx.$executeRaw`
        UPDATE delivery_counts_backfill SET done = true WHERE NOT done`;
      if (marked === 0) return false;
      // GROUP BY, not a join: a NULL version is a value of the key like any other. Bins deleted
      // by the snapshot are skipped; one deleted after it makes the foreign key refuse the
      // statement (and the flag with it): the next sweep tries again.
      await tx.$executeRaw`
        INSERT INTO delivery_counts AS c (bin_id, day, slot, signature_version, conformance_schema, n)
        SELECT bin_id, day, pg_backend_pid() % 16, signature_version, conformance_schema, sum(n)::int
        FROM (
          SELECT bin_id, webhook_echo_uuid_day(id) AS day, signature_version, conformance_schema, count(*) AS n
          FROM deliveries GROUP BY 1, 2, 3, 4
          UNION ALL
          SELECT bin_id, day, signature_version, conformance_schema, -n FROM delivery_counts
        ) both_sides
        WHERE EXISTS (SELECT 1 FROM bins b WHERE b.id = both_sides.bin_id)
        GROUP BY 1, 2, 4, 5 HAVING sum(n) <> 0 ORDER BY 1, 2, 4, 5
        ON CONFLICT (bin_id, day, slot, signature_version, conformance_schema) DO UPDATE SET n = c.n + excluded.n`;
      return true;
    },
    { timeout: 30 * 60_000, maxWait: 10_000 },
  );
  return claimed ? "backfilled-now" : "done";
}
