import { getDb } from "@/lib/db";

// One sweeper at a time across all instances; the others skip this round.
const SWEEP_LOCK = 72707370;

/**
 * Runs `work` while this process holds the sweep lock, or returns null when another instance
 * holds it. The lock lives in a transaction that does nothing else (and, read committed and
 * idle, holds no snapshot back from vacuum), so the work itself runs as many short
 * transactions on other connections instead of one long one.
 */
export async function withSweepLock<T>({
  work,
  timeoutMs = 15 * 60_000,
}: {
  work: () => Promise<T>;
  timeoutMs?: number;
}): Promise<T | null> {
  return getDb().$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<Array<{ locked: boolean }>>`
        SELECT pg_try_advisory_xact_lock(${SWEEP_LOCK}) AS locked`;
      return lock?.locked ? work() : null;
    },
    { timeout: timeoutMs, maxWait: 10_000 },
  );
}
