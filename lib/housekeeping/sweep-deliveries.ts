import { Prisma } from "@/generated/prisma/client";
import { getDb } from "@/lib/db";
import { isLockConflict } from "@/lib/database/is-lock-conflict";
import { backfillDeliveryCounts } from "@/lib/housekeeping/backfill-delivery-counts";
import { ensureDeliveryPartitions } from "@/lib/housekeeping/ensure-delivery-partitions";
import { listDeliveryPartitions } from "@/lib/housekeeping/list-delivery-partitions";
import { narrowLegacyDeliveries } from "@/lib/housekeeping/narrow-legacy-deliveries";
import { runPartitionDdl } from "@/lib/housekeeping/run-partition-ddl";
import { withSweepLock } from "@/lib/housekeeping/with-sweep-lock";
import { uuidLowerBound, uuidTimestamp } from "@/lib/ids/uuid-lower-bound";
import { log } from "@/lib/log";

// Rows per DELETE: each batch is its own short transaction (no long-held row locks, no
// snapshot that keeps vacuum from cleaning up behind it).
const BATCH = 5000;
const DAY_MS = 86_400_000;

/** The UTC day (as delivery_counts.day) of a partition bound, which is a day's first id. */
function dayOf(bound: string): number {
  return Math.floor((uuidTimestamp(bound) ?? 0) / DAY_MS);
}

export interface SweepResult {
  ran: boolean;
  /** Rows deleted one by one for age (those in partitions that are still partly live). */
  expired: number;
  overCap: number;
  counters: number;
  /** Whole partitions dropped because every id they can hold is past the retention window. */
  droppedPartitions: string[];
  createdPartitions: string[];
  /** This sweep counted the deliveries from before the counts' triggers. */
  countsBackfilled: boolean;
}

/**
 * Partition DDL gives up after its lock timeout rather than queue captures behind a long read,
 * and is the side that yields when it meets a capture in a deadlock; such a step waits for the
 * next sweep, and the row-level retention of this one still runs.
 */
async function unlessLockBusy<T>(step: string, work: () => Promise<T>, busy: T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isLockConflict(error)) throw error;
    log("info", `retention sweep: ${step} deferred to the next sweep (table busy)`);
    return busy;
  }
}

async function deleteInBatches(
  select: (limit: number) => Prisma.Sql,
  signal?: AbortSignal,
): Promise<number> {
  let total = 0;
  // Stopped between batches: what is left is deleted by the next sweep.
  while (!signal?.aborted) {
    const deleted = await getDb().$executeRaw`
      DELETE FROM deliveries WHERE id IN (${select(BATCH)})`;
    total += deleted;
    if (deleted < BATCH) return total;
  }
  return total;
}

/**
 * Retention: creates the daily partitions ahead and narrows a legacy table (see
 * narrowLegacyDeliveries), drops partitions whose whole id range is older than `retentionDays`,
 * counts the deliveries from before delivery_counts' triggers once (backfillDeliveryCounts),
 * deletes the remaining expired rows in batches, trims bins to their newest `maxPerBin`
 * (oldest first, in batches; a full bin keeps accepting), and drops rate-limit windows that
 * ended. Runs periodically in the server under one lock across instances, never per request.
 * With `activeSince`, only bins that received something since then are checked against the
 * cap (the others cannot grow). A delivery's age for dropping a partition is its id's time,
 * which capture takes from the same clock as received_at. Once `signal` is aborted (shutdown)
 * the deletes stop after their current batch.
 */
export async function sweepDeliveries({
  now,
  retentionDays,
  maxPerBin,
  activeSince,
  signal,
}: {
  now: () => Date;
  retentionDays: number;
  maxPerBin: number;
  activeSince?: Date;
  signal?: AbortSignal;
}): Promise<SweepResult> {
  const result = await withSweepLock({
    work: async (): Promise<SweepResult> => {
      // Once per install, online, and first: no partition DDL of this sweep waits on it.
      // Dropping a partition is right before it and after (a drop takes its days' rows and
      // counts together); the readers count by scan until it is done.
      const countsBackfilled = (await backfillDeliveryCounts()) === "backfilled-now";
      await unlessLockBusy("narrowing the legacy table", () => narrowLegacyDeliveries(), undefined);
      const createdPartitions = await unlessLockBusy(
        "creating partitions ahead",
        () => ensureDeliveryPartitions({ now }),
        [],
      );
      const cutoff = new Date(now().getTime() - retentionDays * DAY_MS);
      const cutoffId = uuidLowerBound(cutoff.getTime());
      const droppedPartitions: string[] = [];
      for (const partition of await listDeliveryPartitions()) {
        if (partition.isDefault || partition.to === null || partition.to > cutoffId) continue;
        const { to, from } = partition;
        const dropped = await unlessLockBusy(
          `dropping ${partition.name}`,
          async () => {
            await runPartitionDdl({
              statements: [
                `DROP TABLE "${partition.name}"`,
                // A DROP fires no trigger: the counts of the partition's days go with it, in the
                // same transaction. After the DROP, no statement that wrote those counts is still
                // running (it held the lock the DROP waited for).
                `DELETE FROM delivery_counts WHERE day < ${dayOf(to)}${
                  from === null ? "" : ` AND day >= ${dayOf(from)}`
                }`,
              ],
            });
            return true;
          },
          false,
        );
        if (dropped) droppedPartitions.push(partition.name);
      }
      const expired = await deleteInBatches(
        (limit) =>
          Prisma.sql`SELECT id FROM deliveries WHERE received_at < ${cutoff} LIMIT ${limit}`,
        signal,
      );
      // Per candidate bin, the newest row past the cap (an index walk of maxPerBin entries),
      // instead of counting every row of every bin: a sweep that checks a few active bins
      // costs the same with 10 million rows as with ten thousand.
      const over = await getDb().$queryRaw<Array<{ bin_id: string; first_dropped: string }>>`
        SELECT * FROM (
          SELECT b.id AS bin_id, (
            SELECT id::text FROM deliveries x WHERE x.bin_id = b.id ORDER BY id DESC OFFSET ${maxPerBin} LIMIT 1
          ) AS first_dropped
          FROM bins b
          WHERE ${activeSince ? Prisma.sql`b.last_delivery_at >= ${activeSince}` : Prisma.sql`TRUE`}
        ) candidates WHERE first_dropped IS NOT NULL`;
      let overCap = 0;
      for (const { bin_id: binId, first_dropped: firstDropped } of over) {
        overCap += await deleteInBatches(
          (limit) => Prisma.sql`
            SELECT id FROM deliveries WHERE bin_id = ${binId} AND id <= ${firstDropped}::uuid
            ORDER BY id LIMIT ${limit}`,
          signal,
        );
      }
      const counters = await getDb().$executeRaw`
        DELETE FROM rate_limit_counters WHERE window_start < ${new Date(now().getTime() - 3_600_000)}`;
      return {
        ran: true,
        expired,
        overCap,
        counters,
        droppedPartitions,
        createdPartitions,
        countsBackfilled,
      };
    },
  });
  return (
    result ?? {
      ran: false,
      expired: 0,
      overCap: 0,
      counters: 0,
      droppedPartitions: [],
      createdPartitions: [],
      countsBackfilled: false,
    }
  );
}
