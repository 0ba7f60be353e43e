import { getDb } from "@/lib/db";

// DDL on a partitioned table queues behind running reads, and every later capture queues
// behind it: give up quickly instead and try again on the next sweep. Below PostgreSQL's
// deadlock_timeout (1 s by default) on purpose: a capture's prepared insert locks `deliveries`
// before `bins` once its plan is cached (the CTE's `bins` first when it is parsed), so no one
// lock order here avoids every cycle with captures. Giving up before the deadlock check runs
// makes this DDL the one that yields, never a capture (which would answer 503). PostgreSQL can
// still report a deadlock to the DDL first (CI saw 40P01 here, not 55P03): the sweep treats
// both alike (isLockConflict) and retries the step on its next run.
const LOCK_TIMEOUT = "500ms";

/**
 * Runs statements in one transaction that waits at most LOCK_TIMEOUT for each lock. Creating,
 * attaching, detaching or dropping a partition adds or removes the foreign key's triggers on
 * `bins`; `bins` is taken first, the order of a capture's insert when it is parsed (a cached
 * plan's order is the reverse: LOCK_TIMEOUT covers that one).
 */
export async function runPartitionDdl({
  statements,
  timeoutMs = 60_000,
}: {
  statements: string[];
  timeoutMs?: number;
}): Promise<void> {
  await getDb().$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      await tx.$executeRawUnsafe(`LOCK TABLE "bins" IN SHARE ROW EXCLUSIVE MODE`);
      for (const statement of statements) await tx.$executeRawUnsafe(statement);
    },
    { timeout: timeoutMs, maxWait: 10_000 },
  );
}
