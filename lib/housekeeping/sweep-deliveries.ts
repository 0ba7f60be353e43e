import { Prisma } from "@/generated/prisma/client";
import { getDb } from "@/lib/db";

// One sweeper at a time across all instances; the others skip this round.
const SWEEP_LOCK = 72707370;

export interface SweepResult {
  ran: boolean;
  expired: number;
  overCap: number;
  counters: number;
}

/**
 * Retention: removes deliveries older than `retentionDays`, trims bins to their newest
 * `maxPerBin` (oldest first; a full bin keeps accepting), and drops rate-limit windows that
 * ended. Runs periodically in the server, never per request. With `activeSince`, only bins
 * that received something since then are checked against the cap (the others cannot grow).
 */
export async function sweepDeliveries({
  now,
  retentionDays,
  maxPerBin,
  activeSince,
}: {
  now: () => Date;
  retentionDays: number;
  maxPerBin: number;
  activeSince?: Date;
}): Promise<SweepResult> {
  return getDb().$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<Array<{ locked: boolean }>>`
        SELECT pg_try_advisory_xact_lock(${SWEEP_LOCK}) AS locked`;
      if (!lock?.locked) return { ran: false, expired: 0, overCap: 0, counters: 0 };
      const cutoff = new Date(now().getTime() - retentionDays * 86_400_000);
      const expired = await tx.$executeRaw`DELETE FROM deliveries WHERE received_at < ${cutoff}`;
      const overCap = await tx.$executeRaw`
        WITH over AS (
          SELECT bin_id FROM deliveries
          WHERE ${activeSince ? Prisma.sql`bin_id IN (SELECT id FROM bins WHERE last_delivery_at >= ${activeSince})` : Prisma.sql`TRUE`}
          GROUP BY bin_id HAVING count(*) > ${maxPerBin}
        ), keep_from AS (
          SELECT o.bin_id, (
            SELECT id FROM deliveries x WHERE x.bin_id = o.bin_id ORDER BY id DESC OFFSET ${maxPerBin - 1} LIMIT 1
          ) AS oldest_kept FROM over o
        )
        DELETE FROM deliveries d USING keep_from k WHERE d.bin_id = k.bin_id AND d.id < k.oldest_kept`;
      const counters = await tx.$executeRaw`
        DELETE FROM rate_limit_counters WHERE window_start < ${new Date(now().getTime() - 3_600_000)}`;
      return { ran: true, expired, overCap, counters };
    },
    { timeout: 60_000 },
  );
}
